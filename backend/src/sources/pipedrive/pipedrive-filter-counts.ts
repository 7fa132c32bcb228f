/**
 * Counting the records a record filter keeps, for the settings page's "count" (on demand, resumable):
 * - deals with no date criterion: one v1 /deals/summary call (40 tokens) with filter_id, user_id and
 *   pipeline_id, whatever the account's size (not with a saved filter and an owner: the summary then
 *   ignores user_id);
 * - otherwise the object's list in pages of 500 (v2: 10 tokens a page; notes, v1: 20) with the criteria
 *   Pipedrive applies itself (recordPages), the created/updated dates checked again on each record, and
 *   owner and pipeline too when a saved filter made the list ignore them. Activities are split by `type`
 *   so the caller can count one activity row (a HubSpot object) of several.
 * Deals count the archived ones too when they move (their own summary, or their list after the deals).
 * Each yielded state's cursor continues the count; the transport's limiter keeps the pages under the
 * token's burst limit, as for the audit.
 */
import type { Page } from '../../http-client/paging.js';
import type { CountState, ReadOptions, SourceRecordFilter } from '../connector.js';
import type { PipedriveApis } from './pipedrive-apis.js';
import type { PipedriveObjectKey } from './pipedrive-objects.js';
import {
  dealPagesWithArchived,
  type ListCriteria,
  type PipedriveRecord,
  recordPages,
  toIsoTime,
} from './pipedrive-readers.js';

const FRESH: CountState = { cursor: null, total: 0, breakdown: {}, done: false };

interface FilteredRecord extends PipedriveRecord {
  add_time?: string | null;
  type?: string | null;
  owner_id?: number | null;
  pipeline_id?: number | null;
}

const asId = (value: string | null): number | undefined => (value === null ? undefined : Number(value));
const dayStart = (day: string | null): string | undefined => (day === null ? undefined : `${day}T00:00:00Z`);

/** One summary call when Pipedrive applies every criterion itself (with filter_id it ignores user_id). */
const summaryCounts = (filter: SourceRecordFilter) =>
  filter.createdAfter === null && filter.updatedAfter === null && !(filter.sourceFilterId && filter.ownerId);

async function* countDealsBySummary(
  apis: PipedriveApis,
  filter: SourceRecordFilter,
  includeArchived: boolean,
): AsyncGenerator<CountState> {
  const filterId = asId(filter.sourceFilterId);
  const userId = asId(filter.ownerId);
  const pipelineId = asId(filter.pipelineId);
  const params = {
    ...(filterId === undefined ? {} : { filter_id: filterId }),
    ...(userId === undefined ? {} : { user_id: userId }),
    ...(pipelineId === undefined ? {} : { pipeline_id: pipelineId }),
  };
  const summary = await apis.dealsSummary.getDealsSummary(params);
  // Archived deals have their own summary (the plain one leaves them out since 2025-07-15).
  const archived = includeArchived ? await apis.dealsSummary.getArchivedDealsSummary(params) : null;
  const total = (summary.data?.total_count ?? 0) + (archived?.data?.total_count ?? 0);
  yield { cursor: null, total, breakdown: {}, done: true };
}

/** The criteria Pipedrive applies on the list itself (owner and pipeline give way to a saved filter there). */
const listCriteria = (objectKey: PipedriveObjectKey, filter: SourceRecordFilter): ListCriteria => ({
  since: dayStart(filter.updatedAfter),
  filterId: asId(filter.sourceFilterId),
  ownerId: asId(filter.ownerId),
  pipelineId: asId(filter.pipelineId),
  ...(objectKey === 'notes' && filter.createdAfter !== null ? { createdFrom: filter.createdAfter } : {}),
});

/**
 * What the list may not have applied, checked on the record itself: the dates (Pipedrive has no
 * created-after parameter on v2 lists), and owner and pipeline when a saved filter replaced them.
 */
function keeps(record: FilteredRecord, filter: SourceRecordFilter): boolean {
  const after = (value: string | null | undefined, day: string | null): boolean => {
    if (day === null) return true;
    const time = toIsoTime(value);
    return time !== null && time >= `${day}T00:00:00.000Z`;
  };
  const savedFilter = filter.sourceFilterId !== null;
  const is = (value: number | null | undefined, wanted: string | null) =>
    !savedFilter || wanted === null || String(value) === wanted;
  return (
    after(record.add_time, filter.createdAfter) &&
    after(record.update_time, filter.updatedAfter) &&
    is(record.owner_id, filter.ownerId) &&
    is(record.pipeline_id, filter.pipelineId)
  );
}

async function* countPages(
  apis: PipedriveApis,
  objectKey: PipedriveObjectKey,
  filter: SourceRecordFilter,
  from: CountState,
  includeArchived: boolean,
): AsyncGenerator<CountState> {
  let state = from;
  const criteria = listCriteria(objectKey, filter);
  const pages = (
    objectKey === 'deals' && includeArchived
      ? dealPagesWithArchived(apis, from.cursor, criteria)
      : recordPages(apis, objectKey, from.cursor, criteria)
  ) as AsyncGenerator<Page<FilteredRecord>>;
  for await (const page of pages) {
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
  options: Pick<ReadOptions, 'includeArchived'> = {},
): AsyncGenerator<CountState> {
  const includeArchived = options.includeArchived === true;
  if (from.done) {
    yield from;
    return;
  }
  if (objectKey === 'deals' && summaryCounts(filter)) {
    yield* countDealsBySummary(apis, filter, includeArchived);
    return;
  }
  yield* countPages(apis, objectKey, filter, from, includeArchived);
}
