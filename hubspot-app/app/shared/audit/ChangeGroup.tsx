import { Flex, TableCell, TableRow, Tag, Text } from '@hubspot/ui-extensions';
import { DataTable } from '../components/DataTable.tsx';
import { TextCell } from '../components/TextCell.tsx';
import type { AuditChange } from '../contracts/audit.ts';

const CHANGE_TAGS: Record<AuditChange['change'], { label: string; variant: 'success' | 'error' | 'warning' }> = {
  added: { label: 'Added', variant: 'success' },
  removed: { label: 'Removed', variant: 'error' },
  changed: { label: 'Changed', variant: 'warning' },
};

interface ChangeGroupProps {
  groupKey: string;
  title: string;
  changes: AuditChange[];
  /** How to name an item, e.g. a field with its object: "Deals › Budget". */
  nameOf?: (change: AuditChange) => string;
}

/** One group of differences between two audits (objects, fields, pipelines, users or currencies). */
export function ChangeGroup({ groupKey, title, changes, nameOf = (change) => change.label }: ChangeGroupProps) {
  return (
    <Flex direction="column" gap="xs">
      <Text format={{ fontWeight: 'bold' }}>{title}</Text>
      <DataTable testId={`changes-${groupKey}`} headers={['Change', 'Name', 'What changed']}>
        {changes.map((change) => (
          <TableRow key={`${change.objectKey ?? ''}:${change.id}`}>
            <TableCell>
              <Tag variant={CHANGE_TAGS[change.change].variant}>{CHANGE_TAGS[change.change].label}</Tag>
            </TableCell>
            <TextCell>{nameOf(change)}</TextCell>
            <TextCell>{change.details.length === 0 ? '—' : change.details.join('; ')}</TextCell>
          </TableRow>
        ))}
      </DataTable>
    </Flex>
  );
}
