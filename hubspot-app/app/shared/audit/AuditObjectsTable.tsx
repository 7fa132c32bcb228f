import { DataTable } from '../components/DataTable.tsx';
import type { AuditObject, AuditResult } from '../contracts/audit.ts';
import { HoldingRow } from './HoldingRow.tsx';
import { ObjectRow } from './ObjectRow.tsx';

interface AuditObjectsTableProps {
  objects: AuditObject[];
  result: AuditResult;
  sourceName: string;
}

/** The results table: each source object, the HubSpot object it becomes, its properties and records. */
export function AuditObjectsTable({ objects, result, sourceName }: AuditObjectsTableProps) {
  const typeNames = Object.fromEntries(result.activityTypes.map((type) => [type.key, type.name]));
  return (
    <DataTable
      testId="audit-objects"
      headers={[`${sourceName} object`, 'HubSpot object', 'Properties', 'Records']}
      density="default"
    >
      {objects.flatMap((object) => [
        <ObjectRow key={object.key} object={object} result={result} typeNames={typeNames} sourceName={sourceName} />,
        ...result.holdings
          .filter((holding) => holding.underObject === object.key)
          .map((holding) => <HoldingRow key={`${object.key}-${holding.key}`} holding={holding} />),
      ])}
    </DataTable>
  );
}
