/**
 * The per-deal counts v2 deal reads add on `include_fields=` (products_count, notes_count, …). A
 * count is built in one pass over the child table and reused until that table changes, so a page of
 * 500 deals costs no more than a page without counts.
 */
import { badRequest } from '../http/errors.js';
import type { Collection } from '../store/collection.js';
import type { RecordEntity } from '../store/store.js';
import type { DealRecord } from '../store/types.js';
import type { Collections, RenderView } from './context.js';

/** The spec's include_fields values for deals (getDeals, getDeal, getArchivedDeals). */
export const DEAL_INCLUDE_FIELDS = [
  'next_activity_id',
  'last_activity_id',
  'first_won_time',
  'products_count',
  'files_count',
  'notes_count',
  'followers_count',
  'email_messages_count',
  'activities_count',
  'done_activities_count',
  'undone_activities_count',
  'participants_count',
  'last_incoming_mail_time',
  'last_outgoing_mail_time',
  'smart_bcc_email',
  'source_lead_id',
] as const;

const cache = new WeakMap<object, Map<string, { version: number; counts: Map<number, number> }>>();

/** Live rows per deal id, optionally only those `accept` takes (named by `variant` for the cache). */
function countsByDeal(
  collection: Collection<RecordEntity>,
  variant = 'all',
  accept: (index: number) => boolean = () => true,
): Map<number, number> {
  const table = collection.table;
  const perTable = cache.get(table) ?? new Map<string, { version: number; counts: Map<number, number> }>();
  cache.set(table, perTable);
  const cached = perTable.get(variant);
  if (cached && cached.version === table.version) return cached.counts;
  const counts = new Map<number, number>();
  for (const index of table.scan((i) => collection.live(i) && accept(i))) {
    const dealId = table.columnAt('deal_id', index);
    if (!Number.isNaN(dealId)) counts.set(dealId, (counts.get(dealId) ?? 0) + 1);
  }
  perTable.set(variant, { version: table.version, counts });
  return counts;
}

export function checkDealIncludeFields(view: RenderView): void {
  const unknown = [...view.includeFields].find((name) => !(DEAL_INCLUDE_FIELDS as readonly string[]).includes(name));
  if (unknown)
    throw badRequest(`Parameter include_fields must be a comma-separated list of: ${DEAL_INCLUDE_FIELDS.join(', ')}`);
}

/** The optional fields a read asked for. Followers and mail are not modelled: 0 and null. */
export function dealIncludedFields(records: Collections, deal: DealRecord, view: RenderView): Record<string, unknown> {
  if (view.includeFields.size === 0) return {};
  const activities = records.activity;
  const done = (index: number): boolean => activities.table.columnAt('done', index) === 1;
  const compute: Record<(typeof DEAL_INCLUDE_FIELDS)[number], () => unknown> = {
    next_activity_id: () => null,
    last_activity_id: () => null,
    first_won_time: () => deal.first_won_time,
    products_count: () => countsByDeal(records.dealProduct).get(deal.id) ?? 0,
    files_count: () => countsByDeal(records.file).get(deal.id) ?? 0,
    notes_count: () => countsByDeal(records.note).get(deal.id) ?? 0,
    followers_count: () => 0,
    email_messages_count: () => 0,
    activities_count: () => countsByDeal(activities).get(deal.id) ?? 0,
    done_activities_count: () => countsByDeal(activities, 'done', done).get(deal.id) ?? 0,
    undone_activities_count: () => countsByDeal(activities, 'undone', (index) => !done(index)).get(deal.id) ?? 0,
    participants_count: () => countsByDeal(records.participant).get(deal.id) ?? 0,
    last_incoming_mail_time: () => null,
    last_outgoing_mail_time: () => null,
    smart_bcc_email: () => null,
    source_lead_id: () => deal.source_lead_id,
  };
  return Object.fromEntries(
    DEAL_INCLUDE_FIELDS.filter((name) => view.includeFields.has(name)).map((name) => [name, compute[name]()]),
  );
}
