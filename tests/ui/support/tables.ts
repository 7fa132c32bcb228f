import { TableBody, TableCell, TableRow } from '@hubspot/ui-extensions';
import { type RenderedElementNode, RenderedNodeType } from '@hubspot/ui-extensions/testing';

/** What textOf reads of a rendered node (element or text). */
interface ShownNode {
  readonly nodeType: RenderedNodeType;
  readonly text: string | null;
  readonly childNodes?: readonly ShownNode[];
}

/** A rendered table (of any props). */
type TableNode = Pick<RenderedElementNode, 'findChild'>;

/**
 * All the text a node shows, its descendants' texts joined by a space (`node.text` is only its own
 * text). Overlays (a Panel or Modal opened from a button) are props, not children, so they are left out.
 */
export function textOf(node: ShownNode): string {
  if (node.nodeType === RenderedNodeType.Text) return (node.text ?? '').trim();
  return (node.childNodes ?? [])
    .map(textOf)
    .filter((text) => text !== '')
    .join(' ');
}

/**
 * The text of each body cell of a table, row by row. Only direct children are read, so a table inside
 * an overlay (a Panel opened from a cell) never adds rows to the table around it.
 */
export function rowsOf(table: TableNode): string[][] {
  return table
    .findChild(TableBody)
    .findAllChildren(TableRow)
    .map((row) => row.findAllChildren(TableCell).map((cell) => textOf(cell)));
}

/** The text of one column of a table's body. */
export const columnOf = (table: TableNode, column: number): (string | undefined)[] =>
  rowsOf(table).map((cells) => cells[column]);
