/**
 * Counting what a Pipedrive account holds, for the audit, as cheaply as Pipedrive allows. Pipedrive has
 * no count endpoint, so every count reads its list in the largest pages the list takes; a row flagged
 * deleted (v2 `is_deleted`) or inactive (v1 `active_flag: false`) is never counted, wherever it comes from.
 * - deals and archived deals: their v2 lists (10 / 20 tokens a page of 500) with `include_fields`
 *   products_count and participants_count, which cost nothing extra: one read gives the status, the
 *   pipeline and stage, the currency, and the deal products and participants of every deal;
 * - persons, organizations, products, activities (by type): v2 lists, 10 tokens a page of 500;
 * - notes (v1, 20 tokens a page of 500), leads (20) and archived leads (40) a page of 500, filters (one
 *   call, 20 tokens);
 * - files: v1 /files, 20 tokens a page of 100 (Pipedrive's cap), with their total size. Past
 *   FILES_TOKEN_CAP the count stops and says so (`partial`): 40,000 files would cost 8,000 tokens;
 * - organization relationships: Pipedrive only lists them per organization (20 tokens each), so they are
 *   counted only when the account has at most RELATIONSHIP_ORGANIZATIONS_CAP organizations; otherwise the
 *   count is left undone and the audit says what it would cost.
 * A 403 (a scope the grant lacks) ends that count as unreadable, never as zero. Each step yields the
 * running state, whose cursor resumes the count after a crash; pages are consumed as they arrive.
 */
import { type Page, pagesFrom } from '../../http-client/paging.js';
import type { CountState } from '../connector.js';
import type { PipedriveApis } from './pipedrive-apis.js';
import { PipedriveRequestError } from './pipedrive-errors.js';
import type { PipedriveCountKey } from './pipedrive-objects.js';
import { cursorPages, offsetPages, PAGE_SIZE } from './pipedrive-paging.js';
import { recordPages } from './pipedrive-readers.js';

const INITIAL_COUNT: CountState = { cursor: null, total: 0, breakdown: {}, done: false };

/** v1 /files pages hold at most 100 files (since 2025-01-15). */
const FILES_PAGE_SIZE = 100;
/** Files cost 0.2 tokens each; past this many tokens the count stops (a lower bound, said as such). */
export const FILES_TOKEN_CAP = 2_000;
/** Relationships cost 20 tokens per organization: counted only for accounts with at most this many. */
export const RELATIONSHIP_ORGANIZATIONS_CAP = 100;

/** What one counted row adds: to the breakdown (facet null) or to a facet, by key. */
type Tally = [facet: string | null, key: string, amount: number];

type Row = Record<string, unknown>;

/** Deleted (v2) and inactive (v1) rows are records the account no longer holds. */
export const isLive = (row: Row): boolean => row.is_deleted !== true && row.active_flag !== false;

const text = (value: unknown): string => (value === null || value === undefined ? 'none' : String(value));
const amount = (value: unknown): number => (typeof value === 'number' && Number.isFinite(value) ? value : 0);

/** Status, pipeline and stage, currency, and the linked deal products and participants of one deal. */
function dealTally(row: Row): Tally[] {
  const status = text(row.status);
  const pipeline = text(row.pipeline_id);
  return [
    [null, status, 1],
    ['currency', text(row.currency), 1],
    [`pipeline_${status}`, pipeline, 1],
    ...(status === 'open' ? ([['stage_open', text(row.stage_id), 1]] as Tally[]) : []),
    ['linked', 'products', amount(row.products_count)],
    ['linked', 'participants', amount(row.participants_count)],
  ];
}

const TALLIES: Partial<Record<PipedriveCountKey, (row: Row) => Tally[]>> = {
  deals: dealTally,
  archived_deals: dealTally,
  activities: (row) => [[null, typeof row.type === 'string' ? row.type : 'unknown', 1]],
  files: (row) => [['size', 'bytes', amount(row.file_size)]],
  filters: (row) => [[null, text(row.type), 1]],
};

/** `include_fields` takes a comma-separated list; the generated client types it as one value. */
const DEAL_COUNTS = 'products_count,participants_count' as 'products_count';

function pagesOf(apis: PipedriveApis, key: PipedriveCountKey, from: string | null): AsyncGenerator<Page<object>> {
  const v2 = { limit: PAGE_SIZE, sort_by: 'id', sort_direction: 'asc', include_fields: DEAL_COUNTS } as const;
  switch (key) {
    case 'deals':
      return cursorPages((cursor) => apis.deals.getDeals({ ...v2, cursor }), from);
    case 'archived_deals':
      return cursorPages((cursor) => apis.deals.getArchivedDeals({ ...v2, cursor }), from);
    case 'leads':
      return leadPages((start) => apis.leads.getLeads({ start, limit: PAGE_SIZE }), from);
    case 'archived_leads':
      return leadPages((start) => apis.leads.getArchivedLeads({ start, limit: PAGE_SIZE }), from);
    case 'files':
      return offsetPages((start) => apis.files.getFiles({ start, limit: FILES_PAGE_SIZE, sort: 'id ASC' }), from);
    case 'filters':
      return offsetPages(() => apis.filters.getFilters(), from);
    case 'organization_relationships':
      throw new Error('organization relationships are counted per organization');
    default:
      return recordPages(apis, key, from);
  }
}

/** Lead lists page by offset too, but say so in `additional_data` itself, not in a `pagination` block. */
function leadPages(
  fetchPage: (start: number) => Promise<{ data?: object[] | null; additional_data?: object }>,
  from: string | null,
): AsyncGenerator<Page<object>> {
  return pagesFrom(async (cursor) => {
    const start = cursor === null ? 0 : Number(cursor);
    const response = await fetchPage(start);
    const items = response.data ?? [];
    const more = (response.additional_data as { more_items_in_collection?: boolean } | undefined)
      ?.more_items_in_collection;
    return { items, next: more === true ? String(start + PAGE_SIZE) : null };
  }, from);
}

function nextState(state: CountState, rows: object[], next: string | null, key: PipedriveCountKey): CountState {
  const breakdown = { ...state.breakdown };
  const facets: Record<string, Record<string, number>> = Object.fromEntries(
    Object.entries(state.facets ?? {}).map(([name, values]) => [name, { ...values }]),
  );
  const tally = TALLIES[key];
  const live = (rows as Row[]).filter(isLive);
  for (const row of tally ? live : []) {
    for (const [facet, name, value] of tally?.(row) ?? []) {
      const target = facet === null ? breakdown : (facets[facet] ??= {});
      target[name] = (target[name] ?? 0) + value;
    }
  }
  return {
    cursor: next,
    total: state.total + live.length,
    breakdown,
    ...(Object.keys(facets).length > 0 ? { facets } : {}),
    done: next === null,
  };
}

const isMissingScope = (error: unknown): error is PipedriveRequestError =>
  error instanceof PipedriveRequestError && error.status === 403;

/** A count Pipedrive refused for want of a scope: reported, never a zero. */
const unreadable = (from: CountState): CountState => ({
  ...from,
  cursor: null,
  done: true,
  unreadable: 'Pipedrive refused the list: the connection lacks the scope it needs (403 "Scope and URL mismatch").',
});

async function* countPages(apis: PipedriveApis, key: PipedriveCountKey, from: CountState): AsyncGenerator<CountState> {
  let state = from;
  let pagesRead = 0;
  try {
    for await (const page of pagesOf(apis, key, from.cursor)) {
      pagesRead += 1;
      state = nextState(state, page.items, page.next, key);
      if (key === 'files' && !state.done && pagesRead * 20 >= FILES_TOKEN_CAP) {
        state = { ...state, cursor: null, done: true, partial: true };
      }
      yield state;
      if (state.done) return;
    }
  } catch (error) {
    if (isMissingScope(error)) {
      yield unreadable(from);
      return;
    }
    // Pipedrive does not say how long a cursor lives: one saved before a long wait (a spent daily budget)
    // may be refused. Counting that object again from the start is the only safe way on.
    if (from.cursor === null || pagesRead > 0 || !(error instanceof PipedriveRequestError && error.status === 400))
      throw error;
    yield* countPages(apis, key, INITIAL_COUNT);
  }
}

/**
 * Relationships, deduplicated by id (each shows on both organizations), only when one page of
 * organizations holds them all; otherwise `skipped` says what counting them would cost.
 */
async function* countRelationships(apis: PipedriveApis, from: CountState): AsyncGenerator<CountState> {
  try {
    const organizations = await apis.organizations.getOrganizations({ limit: RELATIONSHIP_ORGANIZATIONS_CAP });
    const live = (organizations.data ?? []).filter((row) => row.is_deleted !== true);
    if (organizations.additional_data?.next_cursor) {
      yield {
        ...from,
        done: true,
        skipped: `Not counted: Pipedrive lists relationships one organization at a time (20 tokens each), so counting them costs 20 tokens per organization, e.g. 20,000 tokens for 1,000 organizations. They are read during the one-time transfer.`,
      };
      return;
    }
    const seen = new Map<number, string>();
    for (const organization of live) {
      const response = await apis.organizationRelationships.getOrganizationRelationships({
        org_id: organization.id ?? 0,
      });
      for (const relationship of (response.data ?? []) as Row[]) {
        if (!isLive(relationship) || typeof relationship.id !== 'number') continue;
        seen.set(relationship.id, text(relationship.type));
      }
    }
    const breakdown: Record<string, number> = {};
    for (const type of seen.values()) breakdown[type] = (breakdown[type] ?? 0) + 1;
    yield { cursor: null, total: seen.size, breakdown, done: true };
  } catch (error) {
    if (!isMissingScope(error)) throw error;
    yield unreadable(from);
  }
}

/** A finished count has a null cursor like a fresh one; it must not start over. */
async function* finished(state: CountState): AsyncGenerator<CountState> {
  yield state;
}

export function countRecords(
  apis: PipedriveApis,
  key: PipedriveCountKey,
  from: CountState = INITIAL_COUNT,
): AsyncGenerator<CountState> {
  if (from.done) return finished(from);
  if (key === 'organization_relationships') return countRelationships(apis, from);
  return countPages(apis, key, from);
}
