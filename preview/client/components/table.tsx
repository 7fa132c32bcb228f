/** Table and its parts; a paginated table gets a pager, a sortable header cycles its direction. */
import type { ReactNode } from 'react';
import { call, cx, type Handler, testAttrs } from './support.tsx';

interface Base {
  testId?: string;
  children?: ReactNode;
}

interface TableProps extends Base {
  bordered?: boolean;
  flush?: boolean;
  density?: 'default' | 'condensed' | 'compact';
  paginated?: boolean;
  pageCount?: number;
  page?: number;
  onPageChange?: Handler;
  showFirstLastButtons?: boolean;
  showButtonLabels?: boolean;
  maxVisiblePageButtons?: number;
}

function pagesAround(current: number, count: number, max: number): number[] {
  const visible = Math.max(1, Math.min(max, count));
  let start = Math.max(1, current - Math.floor(visible / 2));
  start = Math.min(start, count - visible + 1);
  return Array.from({ length: visible }, (_, i) => start + i);
}

function Pager({
  page,
  pageCount,
  onPageChange,
  showFirstLast,
  showLabels,
  maxButtons,
}: {
  page: number;
  pageCount: number;
  onPageChange?: Handler;
  showFirstLast: boolean;
  showLabels: boolean;
  maxButtons: number;
}) {
  const go = (target: number) => {
    if (target >= 1 && target <= pageCount && target !== page) call(onPageChange, target);
  };
  return (
    <nav className="pv-pager" aria-label="Pagination">
      {showFirstLast && (
        <button type="button" className="pv-page" disabled={page <= 1} onClick={() => go(1)} aria-label="First page">
          «{showLabels ? ' First' : ''}
        </button>
      )}
      <button
        type="button"
        className="pv-page"
        disabled={page <= 1}
        onClick={() => go(page - 1)}
        aria-label="Previous page"
      >
        ‹{showLabels ? ' Prev' : ''}
      </button>
      {pagesAround(page, pageCount, maxButtons).map((n) => (
        <button
          key={n}
          type="button"
          className={cx('pv-page', n === page && 'pv-page-current')}
          aria-current={n === page ? 'page' : undefined}
          onClick={() => go(n)}
        >
          {n}
        </button>
      ))}
      <button
        type="button"
        className="pv-page"
        disabled={page >= pageCount}
        onClick={() => go(page + 1)}
        aria-label="Next page"
      >
        {showLabels ? 'Next ' : ''}›
      </button>
      {showFirstLast && (
        <button
          type="button"
          className="pv-page"
          disabled={page >= pageCount}
          onClick={() => go(pageCount)}
          aria-label="Last page"
        >
          {showLabels ? 'Last ' : ''}»
        </button>
      )}
    </nav>
  );
}

export function Table(props: TableProps) {
  const { testId, children, bordered = true, flush, density = 'default', paginated } = props;
  return (
    <div className={cx('pv-table-wrap', flush && 'pv-flush')} {...testAttrs(testId)}>
      <div className="pv-table-scroll">
        <table
          className={cx('pv-table', bordered && 'pv-table-bordered', density !== 'default' && `pv-table-${density}`)}
        >
          {children}
        </table>
      </div>
      {paginated === true && (props.pageCount ?? 0) > 1 && (
        <Pager
          page={props.page ?? 1}
          pageCount={props.pageCount ?? 1}
          onPageChange={props.onPageChange}
          showFirstLast={props.showFirstLastButtons === true}
          showLabels={props.showButtonLabels !== false}
          maxButtons={props.maxVisiblePageButtons ?? 5}
        />
      )}
    </div>
  );
}

export const TableHead = ({ testId, children }: Base) => <thead {...testAttrs(testId)}>{children}</thead>;
export const TableBody = ({ testId, children }: Base) => <tbody {...testAttrs(testId)}>{children}</tbody>;
export const TableFooter = ({ testId, children }: Base) => <tfoot {...testAttrs(testId)}>{children}</tfoot>;
export const TableRow = ({ testId, children }: Base) => <tr {...testAttrs(testId)}>{children}</tr>;

interface CellProps extends Base {
  align?: 'left' | 'center' | 'right';
  width?: 'min' | 'max' | 'auto' | number;
  colSpan?: number;
}

const cellStyle = ({ align, width }: CellProps) => ({
  ...(align ? { textAlign: align } : {}),
  ...(typeof width === 'number'
    ? { width }
    : width === 'min'
      ? { width: '1%', whiteSpace: 'nowrap' as const }
      : width === 'max'
        ? { width: '100%' }
        : {}),
});

const NEXT_SORT: Record<string, 'ascending' | 'descending' | 'none'> = {
  none: 'ascending',
  ascending: 'descending',
  descending: 'none',
};

export function TableHeader(props: CellProps & { sortDirection?: string; onSortChange?: Handler; disabled?: boolean }) {
  const { testId, children, sortDirection, onSortChange, disabled } = props;
  const sortable = sortDirection !== undefined && sortDirection !== 'never';
  return (
    <th
      style={cellStyle(props)}
      aria-sort={
        sortable ? (sortDirection === 'none' ? 'none' : (sortDirection as 'ascending' | 'descending')) : undefined
      }
      {...testAttrs(testId)}
    >
      {sortable ? (
        <button
          type="button"
          className="pv-sort"
          disabled={disabled === true}
          onClick={() => call(onSortChange, NEXT_SORT[sortDirection] ?? 'ascending')}
        >
          {children}
          <span aria-hidden="true" className="pv-sort-mark">
            {sortDirection === 'ascending' ? '▲' : sortDirection === 'descending' ? '▼' : '↕'}
          </span>
        </button>
      ) : (
        children
      )}
    </th>
  );
}

export function TableCell(props: CellProps) {
  return (
    <td style={cellStyle(props)} colSpan={props.colSpan} {...testAttrs(props.testId)}>
      {props.children}
    </td>
  );
}
