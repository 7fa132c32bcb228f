import { Flex, StatusTag, TableCell, TableRow, Tag, Text } from '@hubspot/ui-extensions';
import { TextCell } from '../components/TextCell.tsx';
import type { AuditField } from '../contracts/audit.ts';
import { fieldTypeLabel } from '../hubspot-labels.ts';
import { FieldOptions } from './FieldOptions.tsx';
import { FieldTargets } from './FieldTargets.tsx';

/** One source field: what it is, whether it can go to HubSpot (and why not), where and as what. */
export function FieldRow({ field }: { field: AuditField }) {
  return (
    <TableRow testId={`field-${field.key}`}>
      <TableCell>
        <Flex direction="row" gap="xs" align="center" wrap>
          <Text>{field.label}</Text>
          {field.isCustom && <Tag variant="default">Custom</Tag>}
        </Flex>
      </TableCell>
      <TextCell>{field.key}</TextCell>
      <TextCell>{field.sourceType}</TextCell>
      <TableCell>
        <Flex direction="column" gap="xs">
          <StatusTag testId={`field-supported-${field.key}`} variant={field.supported ? 'success' : 'danger'}>
            {field.supported ? '✓ Supported' : '✗ Not supported'}
          </StatusTag>
          {field.reason !== null && (
            <Text testId={`field-reason-${field.key}`} variant="microcopy">
              {field.reason}
            </Text>
          )}
        </Flex>
      </TableCell>
      <TableCell>
        <FieldTargets targets={field.targets} />
      </TableCell>
      <TextCell>
        {field.targets.length === 0 ? '—' : [...new Set(field.targets.map(fieldTypeLabel))].join(', ')}
      </TextCell>
      <TableCell>
        <FieldOptions options={field.options} />
      </TableCell>
    </TableRow>
  );
}
