/**
 * Counting the records a record filter keeps, for the settings page's "count" (on demand, resumable):
 * - deals with no date criterion: one v1 /deals/summary call (40 tokens) with filter_id, user_id and
 *   pipeline_id, whatever the account's size;
 * - otherwise the object's list in pages of 500 (v2: 10 tokens a page; notes, v1: 20) with the criteria
 *   Pipedrive applies itself (filter_id, owner_id, pipeline_id, updated_since; notes: user_id,
 *   start_date), the created/updated dates checked again on each record. Activities are split by `type`
 *   so the caller can count one activity row (a HubSpot object) of several.
 * Each yielded state's cursor continues the count; the transport's limiter keeps the pages under the
 * token's burst limit, as for the audit.
 */
import type { Page } from '../../http-client/paging.js';
import type { CountState, SourceRecordFilter } from '../connector.js';
import type { PipedriveApis } from './pipedrive-apis.js';
import type { PipedriveObjectKey } from './pipedrive-objects.js';
import { cursorPages, offsetPages, PAGE_SIZE } from './pipedrive-paging.js';
import { type PipedriveRecord, toIsoTime } from './pipedrive-readers.js';

const FRESH: CountState = { cursor: null, total: 0, breakdown: {}, done: false };

interface FilteredRecord extends PipedriveRecord {
  add_time?: string | null;
  type?: string | null;
}

const asId = (value: string | null): number | undefined => (value === null ? undefined : Number(value));
const dayStart = (day: string | null): string | undefined => (day === null ? undefined : `${day}T00:00:00Z`);

async function* countDealsBySummary(apis: PipedriveApis, filter: SourceRecordFilter): AsyncGenerator<CountState> {
  const filterId = asId(filter.sourceFilterId);
  const userId = asId(filter.ownerId);
  const pipelineId = asId(filter.pipelineId);
  const summary = await apis.dealsSummary.getDealsSummary({
    ...(filterId === undefined ? {} : { filter_id: filterId }),
    ...(userId === undefined ? {} : { user_id: userId }),
    ...(pipelineId === undefined ? {} : { pipeline_id: pipelineId }),
  });
  yield { cursor: null, total: summary.data?.total_count ?? 0, breakdown: {}, done: true };
}

function filteredPages(
  apis: PipedriveApis,
  objectKey: PipedriveObjectKey,
  filter: SourceRecordFilter,
  from: string | null,
): AsyncGenerator<Page<FilteredRecord>> {
  const filterId = asId(filter.sourceFilterId);
  const ownerId = asId(filter.ownerId);
  const since = dayStart(filter.updatedAfter);
  const v2 = {
    limit: PAGE_SIZE,
    sort_by: 'id',
    sort_direction: 'asc',
    ...(filterId === undefined ? {} : { filter_id: filterId }),
    ...(ownerId === undefined ? {} : { owner_id: ownerId }),
    ...(since === undefined ? {} : { updated_since: since }),
  } as const;
  switch (objectKey) {
    case 'persons':
      return cursorPages((cursor) => apis.persons.getPersons({ ...v2, cursor }), from);
    case 'organizations':
      return cursorPages((cursor) => apis.organizations.getOrganizations({ ...v2, cursor }), from);
    case 'deals': {
      const pipelineId = asId(filter.pipelineId);
      const deals = { ...v2, ...(pipelineId === undefined ? {} : { pipeline_id: pipelineId }) };
      return cursorPages((cursor) => apis.deals.getDeals({ ...deals, cursor }), from);
    }
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
            ...(ownerId === undefined ? {} : { user_id: ownerId }),
            ...(filter.createdAfter === null ? {} : { start_date: filter.createdAfter }),
            ...(since === undefined ? {} : { updated_since: since }),
          }),
        from,
      );
  }
}

/** The date criteria, checked on the record itself (Pipedrive has no created-after parameter on v2 lists). */
function keeps(record: FilteredRecord, filter: SourceRecordFilter): boolean {
  const after = (value: string | null | undefined, day: string | null): boolean => {
    if (day === null) return true;
    const time = toIsoTime(value);
    return time !== null && time >= `${day}T00:00:00.000Z`;
  };
  return after(record.add_time, filter.createdAfter) && after(record.update_time, filter.updatedAfter);
}

async function* countPages(
  apis: PipedriveApis,
  objectKey: PipedriveObjectKey,
  filter: SourceRecordFilter,
  from: CountState,
): AsyncGenerator<CountState> {
  let state = from;
  for await (const page of filteredPages(apis, objectKey, filter, from.cursor)) {
    const breakdown = { ...state.breakdown };
    let kept = 0;
    for (const record of page.items) {
      if (!keeps(record, filter)) continue;
      kept += 1;
      if (objectKey === 'activities') {
        const type = typeof record.type === 'string' ? record.type : 'unknown';
        breakdown[type] = (breakdown[type] ?? 0) + 1;
      }
    }
    state = { cursor: page.next, total: state.total + kept, breakdown, done: page.next === null };
    yield state;
  }
}

export async function* countFilteredRecords(
  apis: PipedriveApis,
  objectKey: PipedriveObjectKey,
  filter: SourceRecordFilter,
  from: CountState = FRESH,
): AsyncGenerator<CountState> {
  if (from.done) {
    yield from;
    return;
  }
  if (objectKey === 'deals' && filter.createdAfter === null && filter.updatedAfter === null) {
    yield* countDealsBySummary(apis, filter);
    return;
  }
  yield* countPages(apis, objectKey, filter, from);
}
