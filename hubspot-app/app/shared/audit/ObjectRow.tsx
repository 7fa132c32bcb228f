import { Button, Flex, TableCell, TableRow, Tag, Text } from '@hubspot/ui-extensions';
import { useState } from 'react';
import { TextCell } from '../components/TextCell.tsx';
import type { AuditObject, AuditResult } from '../contracts/audit.ts';
import { formatCount } from '../format.ts';
import { ObjectDetailPanel } from './ObjectDetailPanel.tsx';

interface ObjectRowProps {
  object: AuditObject;
  result: AuditResult;
  typeNames: Readonly<Record<string, string>>;
  sourceName: string;
}

/** One row of the results: a source object, what it becomes, its counts; a count opens the object's detail. */
export function ObjectRow({ object, result, typeNames, sourceName }: ObjectRowProps) {
  const [open, setOpen] = useState(false);
  const detail = (
    <ObjectDetailPanel
      object={object}
      fields={result.fields[object.key] ?? []}
      pipelines={result.pipelines}
      typeNames={typeNames}
      sourceName={sourceName}
      open={open}
      onOpen={() => setOpen(true)}
      onClose={() => setOpen(false)}
    />
  );
  return (
    <TableRow testId={`object-${object.key}`}>
      <TableCell>
        <Text format={{ fontWeight: 'demibold' }}>{object.sourceLabel}</Text>
      </TableCell>
      <TextCell>{object.hubspotLabel}</TextCell>
      <TableCell>
        <Flex direction="row" gap="xs" align="center" wrap>
          <Button
            testId={`object-properties-${object.key}`}
            variant="transparent"
            size="sm"
            overlay={detail}
            onClick={() => setOpen(true)}
          >
            {formatCount(object.properties)}
          </Button>
          {object.unsupportedProperties > 0 && (
            <Tag testId={`object-unsupported-${object.key}`} variant="warning">
              {`${formatCount(object.unsupportedProperties)} not supported`}
            </Tag>
          )}
        </Flex>
      </TableCell>
      {object.unreadable === null ? (
        <TextCell>{formatCount(object.records)}</TextCell>
      ) : (
        <TableCell>
          <Tag testId={`object-unreadable-${object.key}`} variant="error">
            Not readable
          </Tag>
        </TableCell>
      )}
    </TableRow>
  );
}
