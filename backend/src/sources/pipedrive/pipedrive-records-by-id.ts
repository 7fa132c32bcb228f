/**
 * Pipedrive records by their ids, for "retry failed records": the v2 lists take `ids` (up to 100 a call,
 * 10 tokens, the same cost as a page), so a hundred failed records cost one call (deals the list lacks are
 * looked for in the archived deals, one more call); notes have no v2 list
 * and v1's takes no ids, so they are read one by one (a failed note is rare). Ids Pipedrive does not
 * answer (deleted, hidden from the connecting user) are simply absent; soft-deleted rows are dropped
 * as the paged reads drop them.
 */
import type { SourceRecord } from '../connector.js';
import type { PipedriveApis } from './pipedrive-apis.js';
import type { PipedriveObjectKey } from './pipedrive-objects.js';
import { type PipedriveRecord, toSourceRecord } from './pipedrive-readers.js';
import { readRecord } from './pipedrive-record.js';

/** Pipedrive's cap on `ids` per list call. */
export const IDS_PER_CALL = 100;

const isLive = (item: PipedriveRecord & { is_deleted?: unknown; active_flag?: unknown }) =>
  item.is_deleted !== true && item.active_flag !== false;

function listByIds(
  apis: PipedriveApis,
  objectKey: Exclude<PipedriveObjectKey, 'notes'>,
  ids: string,
): Promise<{ data?: PipedriveRecord[] | null }> {
  const query = { ids, limit: IDS_PER_CALL } as const;
  switch (objectKey) {
    case 'persons':
      return apis.persons.getPersons(query);
    case 'organizations':
      return apis.organizations.getOrganizations(query);
    case 'deals':
      return apis.deals.getDeals(query);
    case 'products':
      return apis.products.getProducts(query);
    case 'activities':
      return apis.activities.getActivities(query);
  }
}

export async function readRecordsById(
  apis: PipedriveApis,
  objectKey: PipedriveObjectKey,
  sourceIds: readonly string[],
): Promise<SourceRecord[]> {
  // Pipedrive ids are positive integers; anything else cannot name a record.
  const ids = [...new Set(sourceIds)].filter((id) => /^[1-9]\d{0,15}$/.test(id));
  const found: SourceRecord[] = [];
  if (objectKey === 'notes') {
    for (const id of ids) {
      const note = await readRecord(apis, objectKey, id);
      if (note && note.values.active_flag !== false) found.push(note);
    }
    return found;
  }
  for (let start = 0; start < ids.length; start += IDS_PER_CALL) {
    const part = ids.slice(start, start + IDS_PER_CALL);
    const records = ((await listByIds(apis, objectKey, part.join(','))).data ?? []).filter(isLive);
    found.push(...records.map(toSourceRecord));
    // Archived deals are only in their own list (since 2025-07-15): a deal the list lacks may be there.
    const answered = new Set(records.map((record) => String(record.id)));
    const missing = part.filter((id) => !answered.has(id));
    if (objectKey === 'deals' && missing.length > 0) {
      const archived = await apis.deals.getArchivedDeals({ ids: missing.join(','), limit: IDS_PER_CALL });
      found.push(...((archived.data ?? []) as PipedriveRecord[]).filter(isLive).map(toSourceRecord));
    }
  }
  return found;
}
