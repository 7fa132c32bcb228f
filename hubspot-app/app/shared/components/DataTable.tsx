import { Table, TableBody, TableHead, TableHeader, TableRow } from '@hubspot/ui-extensions';
import type { ReactNode } from 'react';

/** The pages of a list read a page at a time: HubSpot's pager under the table. */
export interface TablePages {
  page: number;
  pageCount: number;
  onPageChange: (page: number) => void;
}

interface DataTableProps {
  testId: string;
  /** The column titles, in order. */
  headers: string[];
  /** The body rows (TableRow elements). */
  children: ReactNode;
  density?: 'default' | 'condensed';
  pages?: TablePages;
}

/** A bordered table with a header row: the shape of every list the audit shows. */
export function DataTable({ testId, headers, children, density = 'condensed', pages }: DataTableProps) {
  const rows = (
    <>
      <TableHead>
        <TableRow>
          {headers.map((header) => (
            <TableHeader key={header}>{header}</TableHeader>
          ))}
        </TableRow>
      </TableHead>
      <TableBody>{children}</TableBody>
    </>
  );
  if (pages === undefined)
    return (
      <Table testId={testId} bordered density={density}>
        {rows}
      </Table>
    );
  return (
    <Table
      testId={testId}
      bordered
      density={density}
      paginated
      page={pages.page}
      pageCount={pages.pageCount}
      onPageChange={pages.onPageChange}
    >
      {rows}
    </Table>
  );
}
