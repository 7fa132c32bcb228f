/**
 * Paged reads of Pipedrive records: v2 cursor lists for persons, organizations, deals, products and
 * activities, v1 offset paging for notes (no v2 API). Every list is read in pages of 500 sorted by id,
 * optionally only records with `update_time` ≥ since (Pipedrive's `updated_since` is inclusive).
 *
 * What the lists leave out: archived deals (only /deals/archived since 2025-07-15); `includeArchived`
 * reads that list after the deals list, in one resumable read. The spec does not promise that lists leave
 * soft-deleted rows out, so rows flagged deleted or inactive are dropped here.
 */
import type { Page } from '../../http-client/paging.js';
import type { ReadOptions, RecordPage, SourceRecord } from '../connector.js';
import type { PipedriveApis } from './pipedrive-apis.js';
import type { PipedriveObjectKey } from './pipedrive-objects.js';
import { cursorPages, offsetPages, PAGE_SIZE } from './pipedrive-paging.js';

/** The part of every Pipedrive record the readers rely on. */
export interface PipedriveRecord {
  id?: number;
  update_time?: string | null;
}

/** v2 rejects fractional seconds (400): `2025-01-01T10:20:00.000Z` → `2025-01-01T10:20:00Z`. */
export function toPipedriveTime(iso: string): string {
  const time = new Date(iso);
  if (Number.isNaN(time.getTime())) throw new Error(`not an ISO 8601 time: ${iso}`);
  return time.toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/** v2 times are RFC 3339; v1 times are `YYYY-MM-DD HH:MM:SS` in UTC without a zone. */
export function toIsoTime(value: string | null | undefined): string | null {
  if (!value) return null;
  const time = new Date(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/.test(value) ? `${value.replace(' ', 'T')}Z` : value);
  return Number.isNaN(time.getTime()) ? null : time.toISOString();
}

const v2List = (since: string | undefined) =>
  ({
    limit: PAGE_SIZE,
    sort_by: 'id',
    sort_direction: 'asc',
    ...(since ? { updated_since: toPipedriveTime(since) } : {}),
  }) as const;

/** The pages of one object type from a resume cursor (null: the start). */
export function recordPages(
  apis: PipedriveApis,
  objectKey: PipedriveObjectKey,
  from: string | null,
  since?: string,
): AsyncGenerator<Page<PipedriveRecord>> {
  const v2 = v2List(since);
  switch (objectKey) {
    case 'persons':
      return cursorPages((cursor) => apis.persons.getPersons({ ...v2, cursor }), from);
    case 'organizations':
      return cursorPages((cursor) => apis.organizations.getOrganizations({ ...v2, cursor }), from);
    case 'deals':
      return cursorPages((cursor) => apis.deals.getDeals({ ...v2, cursor }), from);
    case 'products':
      return cursorPages((cursor) => apis.products.getProducts({ ...v2, cursor }), from);
    case 'activities':
      return cursorPages((cursor) => apis.activities.getActivities({ ...v2, cursor }), from);
    case 'notes':
      return offsetPages(
        (start) =>
          apis.notes.getNotes({
            start,
            limit: PAGE_SIZE,
            sort: 'id ASC',
            ...(since ? { updated_since: toPipedriveTime(since) } : {}),
          }),
        from,
      );
  }
}

/**
 * A record as the transfer sees it. v2's `custom_fields` block is flattened into the values, so every
 * value sits under its field's key (the 40-character field_code for custom fields, as in the catalog);
 * values keep Pipedrive's v2 shapes (monetary `{value, currency}`, option ids, address objects).
 */
export function toSourceRecord(record: PipedriveRecord): SourceRecord {
  const { custom_fields: custom, ...values }: Record<string, unknown> = { ...record };
  const customValues = typeof custom === 'object' && custom !== null ? custom : {};
  // An activity's participants (`{ person_id, primary }`) also carry their person as `id`, like every link.
  if (Array.isArray(values.participants))
    values.participants = values.participants.map((item: unknown) =>
      typeof item === 'object' && item !== null && 'person_id' in item ? { ...item, id: item.person_id } : item,
    );
  return { id: String(record.id), updatedAt: toIsoTime(record.update_time), values: { ...values, ...customValues } };
}

/** A cursor in the archived deals list; `archived:` alone is that list's start. */
const ARCHIVED = 'archived:';

/**
 * Deals, then archived deals: the deals list's last page hands over to the archived list's start, and the
 * archived list's cursors carry the `archived:` prefix, so a saved cursor resumes in the right list.
 */
async function* dealPagesWithArchived(
  apis: PipedriveApis,
  from: string | null,
  since?: string,
): AsyncGenerator<Page<PipedriveRecord>> {
  if (!from?.startsWith(ARCHIVED)) {
    for await (const page of recordPages(apis, 'deals', from, since)) yield { ...page, next: page.next ?? ARCHIVED };
  }
  const archivedFrom = from?.startsWith(ARCHIVED) ? from.slice(ARCHIVED.length) || null : null;
  const archived = cursorPages((cursor) => apis.deals.getArchivedDeals({ ...v2List(since), cursor }), archivedFrom);
  for await (const page of archived) yield { ...page, next: page.next === null ? null : `${ARCHIVED}${page.next}` };
}

export async function* readRecords(
  apis: PipedriveApis,
  objectKey: PipedriveObjectKey,
  options: ReadOptions = {},
): AsyncGenerator<RecordPage> {
  const from = options.cursor ?? null;
  const pages =
    objectKey === 'deals' && options.includeArchived === true
      ? dealPagesWithArchived(apis, from, options.since)
      : recordPages(apis, objectKey, from, options.since);
  for await (const page of pages) {
    // A row flagged deleted (v2) or inactive (v1) is not a record the account holds: never transferred.
    const live = page.items.filter(
      (item: PipedriveRecord & { is_deleted?: unknown; active_flag?: unknown }) =>
        item.is_deleted !== true && item.active_flag !== false,
    );
    yield { records: live.map(toSourceRecord), cursor: page.next };
  }
}
