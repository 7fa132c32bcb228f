/**
 * Counting Pipedrive objects for the audit, as cheaply as Pipedrive allows:
 * - deals: v1 /deals/summary once per status (open, won, lost): 3 calls × 40 tokens whatever the size;
 * - every other object: its list in pages of 500 (v2: 10 tokens a page; notes, v1: 20), activities split
 *   by `type`. Pipedrive has no count endpoint for them.
 * Each step yields the running state, whose cursor resumes the count after a crash. Pages are consumed as
 * they arrive, never held: memory stays one page whatever the account's size.
 */
import type { CountState } from '../connector.js';
import type { PipedriveApis } from './pipedrive-apis.js';
import { PipedriveRequestError } from './pipedrive-errors.js';
import type { PipedriveObjectKey } from './pipedrive-objects.js';
import { type PipedriveRecord, recordPages } from './pipedrive-readers.js';

const INITIAL_COUNT: CountState = { cursor: null, total: 0, breakdown: {}, done: false };

const DEAL_STATUSES = ['open', 'won', 'lost'] as const;

/** The deals count's cursor is the status still to ask about. */
async function* countDeals(apis: PipedriveApis, from: CountState): AsyncGenerator<CountState> {
  const first = from.cursor === null ? 0 : DEAL_STATUSES.findIndex((status) => status === from.cursor);
  if (first < 0) throw new Error(`not a deals count cursor: ${from.cursor}`);
  let state = from;
  for (const [index, status] of DEAL_STATUSES.entries()) {
    if (index < first) continue;
    const summary = await apis.dealsSummary.getDealsSummary({ status });
    const count = summary.data?.total_count ?? 0;
    const next = DEAL_STATUSES[index + 1] ?? null;
    // The summary also splits deals by currency: the audit's "currencies used".
    const currencies = { ...state.facets?.currency };
    for (const [code, total] of Object.entries(summary.data?.values_total ?? {})) {
      currencies[code] = (currencies[code] ?? 0) + (total.count ?? 0);
    }
    state = {
      cursor: next,
      total: state.total + count,
      breakdown: { ...state.breakdown, [status]: count },
      facets: { currency: currencies },
      done: next === null,
    };
    yield state;
  }
}

function activityType(record: PipedriveRecord): string {
  return 'type' in record && typeof record.type === 'string' ? record.type : 'unknown';
}

async function* countPages(
  apis: PipedriveApis,
  objectKey: PipedriveObjectKey,
  from: CountState,
  classify: ((record: PipedriveRecord) => string) | null,
): AsyncGenerator<CountState> {
  let state = from;
  let pagesRead = 0;
  try {
    for await (const page of recordPages(apis, objectKey, from.cursor)) {
      pagesRead += 1;
      state = nextState(state, page, classify);
      yield state;
    }
  } catch (error) {
    // Pipedrive does not say how long a cursor lives: one saved before a long wait (a spent daily budget)
    // may be refused. Counting that object again from the start is the only safe way on.
    if (from.cursor === null || pagesRead > 0 || !(error instanceof PipedriveRequestError && error.status === 400))
      throw error;
    yield* countPages(apis, objectKey, INITIAL_COUNT, classify);
  }
}

function nextState(
  state: CountState,
  page: { items: PipedriveRecord[]; next: string | null },
  classify: ((record: PipedriveRecord) => string) | null,
): CountState {
  const breakdown = { ...state.breakdown };
  if (classify) {
    for (const record of page.items) {
      const key = classify(record);
      breakdown[key] = (breakdown[key] ?? 0) + 1;
    }
  }
  return { cursor: page.next, total: state.total + page.items.length, breakdown, done: page.next === null };
}

/** A finished count has a null cursor like a fresh one; it must not start over. */
async function* finished(state: CountState): AsyncGenerator<CountState> {
  yield state;
}

export function countRecords(
  apis: PipedriveApis,
  objectKey: PipedriveObjectKey,
  from: CountState = INITIAL_COUNT,
): AsyncGenerator<CountState> {
  if (from.done) return finished(from);
  if (objectKey === 'deals') return countDeals(apis, from);
  return countPages(apis, objectKey, from, objectKey === 'activities' ? activityType : null);
}
