/**
 * Several record batches of one task in flight at once, committed strictly in order. One batch at a time
 * left the portal's limit partly unused: between two HubSpot calls the writer mapped, read Postgres and
 * committed (README "Speed"). Here up to `depth` batches write to HubSpot concurrently — every call still
 * waits in the portal's shared limiter, so the ceiling holds — while their commits (each carrying the task's
 * cursor) run one after another in the order the batches were pushed. So the cursor never passes a batch
 * that has not committed, and a crash repeats at most the batches that were in flight (upserts are
 * idempotent; creates have intent rows that the next attempt reconciles).
 *
 * A batch naming a record that a batch in flight names too (a source whose pages shifted while read) starts
 * only once that one has committed, as it would have one at a time: a create must see the other's id-map row.
 *
 * A failed batch: the batches before it still commit, none after it does; the failure is thrown once
 * every write still in flight has settled, so no write of this attempt outlives it.
 */

/** A batch's HubSpot work; resolves to its commit, which runs after every earlier batch's commit. */
export type BatchWrite = () => Promise<() => Promise<void>>;

export interface OrderedBatches {
  /**
   * Starts `write` as soon as fewer than `depth` batches are in flight and none of them names one of
   * `records` (source ids); throws an earlier batch's failure.
   */
  push(write: BatchWrite, records?: readonly string[]): Promise<void>;
  /** Waits until every pushed batch has committed (a pause, the end of the task); throws a failure. */
  drain(): Promise<void>;
  /** Waits until every batch has committed or failed, throwing nothing: the caller is leaving on an error. */
  settle(): Promise<void>;
}

/** Batches of one task written to HubSpot at once: enough to cover one batch's Postgres and mapping time. */
export const BATCHES_IN_FLIGHT = 4;

export function orderedBatches(depth: number): OrderedBatches {
  /** The commits, chained in push order: a link runs only once the one before it committed. */
  let commits: Promise<void> = Promise.resolve();
  /** Each batch until it committed or failed (its write settled either way), with the records it names. */
  const inFlight = new Map<Promise<void>, ReadonlySet<string>>();
  const busy = (records: readonly string[]) =>
    inFlight.size >= depth || [...inFlight.values()].some((named) => records.some((id) => named.has(id)));
  const next = () => Promise.race(inFlight.keys());
  let failure: { error: unknown } | null = null;

  async function failed(): Promise<never> {
    await Promise.allSettled(inFlight.keys());
    throw (failure as { error: unknown }).error;
  }

  return {
    async push(write, records = []) {
      while (failure === null && busy(records)) await next();
      if (failure !== null) return failed();
      const written = write();
      const committed = commits.then(async () => (await written)());
      commits = committed;
      const settled = Promise.allSettled([written, committed]).then(([, outcome]) => {
        inFlight.delete(settled);
        if (outcome.status === 'rejected' && failure === null) failure = { error: outcome.reason };
      });
      inFlight.set(settled, new Set(records));
    },

    async drain() {
      while (failure === null && inFlight.size > 0) await next();
      if (failure !== null) return failed();
    },

    async settle() {
      await Promise.allSettled(inFlight.keys());
    },
  };
}
