import { Flex, TableCell, TableRow, Tag, Text } from '@hubspot/ui-extensions';
import { DataTable } from '../components/DataTable.tsx';
import { TextCell } from '../components/TextCell.tsx';
import type { AuditResult } from '../contracts/audit.ts';
import { formatCount } from '../format.ts';

/** The HubSpot object's name as the audit's rows call it, e.g. calls → "Calls". */
function hubspotLabel(hubspotObject: string, objects: AuditResult['objects']): string {
  const label = objects.find((object) => object.hubspotObject === hubspotObject)?.hubspotLabel ?? hubspotObject;
  return label.charAt(0).toUpperCase() + label.slice(1);
}

interface ActivityTypesProps {
  types: AuditResult['activityTypes'];
  objects: AuditResult['objects'];
  sourceName: string;
}

/** Each activity type of the source and the HubSpot activity it becomes. */
export function ActivityTypes({ types, objects, sourceName }: ActivityTypesProps) {
  if (types.length === 0) return <Text testId="no-activity-types">{sourceName} has no activity types.</Text>;
  return (
    <Flex direction="column" gap="sm">
      {types.some((type) => type.custom) && (
        <Text variant="microcopy">{`Custom activity types keep their ${sourceName} type in a property, so they can still be told apart in HubSpot.`}</Text>
      )}
      <DataTable testId="activity-types" headers={['Activity type', 'Becomes in HubSpot', 'Records']}>
        {types.map((type) => (
          <TableRow key={type.key} testId={`activity-type-${type.key}`}>
            <TableCell>
              <Flex direction="row" gap="xs" align="center">
                <Text>{type.name}</Text>
                {type.custom && <Tag variant="default">Custom</Tag>}
              </Flex>
            </TableCell>
            <TextCell>{hubspotLabel(type.hubspotObject, objects)}</TextCell>
            <TextCell>{formatCount(type.records)}</TextCell>
          </TableRow>
        ))}
      </DataTable>
    </Flex>
  );
}
