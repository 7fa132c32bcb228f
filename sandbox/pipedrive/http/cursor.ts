/**
 * v2 cursors. Pipedrive's are opaque; the spec's examples decode (base64url) to keyset JSON such as
 * {"field":"id","fieldValue":7,"sortDirection":"asc","id":7}, and the sandbox uses the same encoding.
 */
import type { SortKey } from '../store/table.js';
import { badRequest } from './errors.js';

export interface Cursor {
  field: string;
  fieldValue: SortKey | null;
  sortDirection: 'asc' | 'desc';
  id: number;
}

export function encodeCursor(cursor: Cursor): string {
  return Buffer.from(JSON.stringify(cursor)).toString('base64url');
}

export function decodeCursor(raw: string, expected: { field: string; sortDirection: 'asc' | 'desc' }): Cursor {
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(raw, 'base64url').toString('utf8'));
  } catch {
    throw badRequest('Invalid cursor');
  }
  if (
    parsed === null ||
    typeof parsed !== 'object' ||
    !('field' in parsed && 'fieldValue' in parsed && 'sortDirection' in parsed && 'id' in parsed) ||
    typeof parsed.id !== 'number' ||
    !(parsed.fieldValue === null || typeof parsed.fieldValue === 'number' || typeof parsed.fieldValue === 'string')
  ) {
    throw badRequest('Invalid cursor');
  }
  // A cursor only continues the listing it came from.
  if (parsed.field !== expected.field || parsed.sortDirection !== expected.sortDirection) {
    throw badRequest('Cursor does not match sort_by / sort_direction');
  }
  return { field: expected.field, fieldValue: parsed.fieldValue, sortDirection: expected.sortDirection, id: parsed.id };
}
