import { Table, TableBody, TableHead, TableHeader, TableRow } from '@hubspot/ui-extensions';
import type { ReactNode } from 'react';

interface DataTableProps {
  testId: string;
  /** The column titles, in order. */
  headers: string[];
  /** The body rows (TableRow elements). */
  children: ReactNode;
  density?: 'default' | 'condensed';
}

/** A bordered table with a header row: the shape of every list the audit shows. */
export function DataTable({ testId, headers, children, density = 'condensed' }: DataTableProps) {
  return (
    <Table testId={testId} bordered density={density}>
      <TableHead>
        <TableRow>
          {headers.map((header) => (
            <TableHeader key={header}>{header}</TableHeader>
          ))}
        </TableRow>
      </TableHead>
      <TableBody>{children}</TableBody>
    </Table>
  );
}
