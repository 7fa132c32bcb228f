import type { HubSpotTokens } from '../../auth/hubspot-tokens.service.js';
import { SourceReconnectNeeded, type SourceTokens } from '../../auth/source-tokens.service.js';
import type { Db } from '../../db/pool.js';
import { connectionsRepository } from '../../db/repositories/connections.repository.js';
import { idMapRepository } from '../../db/repositories/id-map.repository.js';
import { ledgerRepository } from '../../db/repositories/ledger.repository.js';
import type { HubSpotApi, HubSpotPortalApi } from '../../hubspot/hubspot-api.js';
import { withPortalLease } from '../../hubspot/portal-lease.js';
import { FatalJobError, RetryableJobError } from '../../jobs/job-errors.js';
import type { JobContext, JobHandler } from '../../jobs/job-runner.js';
import type { SourceRecord, SourceSession } from '../../sources/connector.js';
import type { SourceRegistry } from '../../sources/source-registry.js';
import { toJobError } from '../audit/audit-errors.js';
import type { PlannedObject } from '../mapping/mapping-plan.js';
import { mapRecord, rowForRecord } from '../mapping/record-mapper.js';
import type { ReadSettings } from '../settings/settings.service.js';
import { OBJECT_BATCH_SIZE } from './batch-inputs.js';
import { type DeferredRun, syncDeferredAssociations } from './deferred-associations.js';
import { pageBatches } from './page-batches.js';
import { readAhead } from './read-ahead.js';
import { associationPairs, type AssociationScope, syncAssociations } from './sync-associations.js';
import { loadSyncContext, type SyncContext } from './sync-context.js';
import { accessRefusal, type AccessScope, withNextTry } from './sync-pauses.js';
import {
  ASSOCIATIONS_TASK,
  passesFilter,
  readsArchived,
  syncRows,
  syncTasks,
  writableProperties,
  writeModeOf,
} from './sync-plan.js';
import { markAttemptStart } from './sync-progress.js';
import {
  commitOutcomes,
  createIntents,
  type MappedRecord,
  pendingError,
  recordItemKey,
  writeBatch,
} from './sync-records.js';

/** Where a task resumes: the page to read again (null: the first) and how many of its records are committed. */
interface TaskCursor {
  page: string | null;
  skip: number;
}

const cursorOf = (value: unknown): TaskCursor => {
  const cursor = value as Partial<TaskCursor> | null;
  return { page: typeof cursor?.page === 'string' ? cursor.page : null, skip: Number(cursor?.skip ?? 0) || 0 };
};

interface TaskRun {
  context: JobContext;
  db: Db;
  api: HubSpotPortalApi;
  session: SourceSession;
  sync: SyncContext;
  scope: AssociationScope;
  recordLinkBase: string | null;
  signal: AbortSignal;
}

/** Intent rows of an earlier attempt still unconfirmed for these records: that create batch is in flight. */
async function inFlight(run: TaskRun, row: PlannedObject, batch: readonly MappedRecord[]): Promise<boolean> {
  const keys = new Set(batch.map((m) => recordItemKey(row, m.record.id)));
  const open = await ledgerRepository.unconfirmed(run.db, run.context.transfer.transfer.id);
  return open.some((entry) => entry.itemType === 'record' && keys.has(entry.itemKey));
}

/** One batch: written, then committed with the task's cursor; its associations after. */
async function syncBatch(
  run: TaskRun,
  row: PlannedObject,
  batch: MappedRecord[],
  step: { cursor: TaskCursor; counts: { read: number; skipped: number } },
): Promise<void> {
  const { transfer } = run.context.transfer;
  const blocked = batch.flatMap((m) => {
    const error = pendingError(m);
    return error ? [error] : [];
  });
  const writable = batch.filter((m) => m.input.pending.length === 0);
  const known =
    writeModeOf(row.hubspotObject) === 'create'
      ? await idMapRepository.lookup(
          run.db,
          transfer.connectionId,
          row.sourceObject,
          writable.map((m) => m.record.id),
        )
      : new Map<string, string>();
  const intents = writeModeOf(row.hubspotObject) === 'create' ? createIntents(row, writable, known) : [];
  const resuming = intents.length > 0 && (await inFlight(run, row, writable));
  if (intents.length > 0 && !resuming) await run.context.transfer.commit((tx) => tx.intend(intents));
  const outcomes = writable.length === 0 ? [] : await writeBatch(run.api, row, writable, known, resuming);
  const count = (kinds: string[]) => outcomes.filter((o) => kinds.includes(o.outcome)).length;
  await run.context.transfer.commit(async (tx) => {
    await commitOutcomes(tx, row, outcomes, blocked);
    await tx.advance(row.key, {
      cursor: step.cursor,
      counts: {
        read: step.counts.read,
        created: count(['created']),
        updated: count(['updated', 'adopted', 'merged']),
        skipped: step.counts.skipped,
        failed: count(['failed']) + blocked.length,
      },
    });
  });
  await syncAssociations(run.api, await associationPairs(run.scope, row, writable, outcomes), (work) =>
    run.context.transfer.commit(work),
  );
}

/** The row's source pages from a page cursor (deals: with the archived ones when the plan and settings say so). */
const readRow = (run: TaskRun, row: PlannedObject, cursor: string | null) =>
  run.session.read(row.sourceObject, { cursor, includeArchived: readsArchived(row, run.sync.plan, run.sync.settings) });

/** The records of `part` the row takes (activities: by type) that its record filter keeps, mapped. */
function mapRecords(
  run: TaskRun,
  row: PlannedObject,
  part: readonly SourceRecord[],
): { own: number; batch: MappedRecord[] } {
  const { plan, settings } = run.sync;
  const filter = Object.hasOwn(settings.recordFilters, row.key) ? settings.recordFilters[row.key] : undefined;
  const own = part.filter((record) => rowForRecord(plan, settings, row.sourceObject, record)?.key === row.key);
  const context = {
    timeZone: run.sync.timeZone,
    recordLinkBase: run.recordLinkBase,
    pipelineIds: run.sync.pipelineIds,
  };
  const batch = own
    .filter((record) => passesFilter(filter, record))
    .map((record) => {
      const input = mapRecord({ row, record, settings, plan, context });
      return { record, input: { ...input, properties: writableProperties(row, record, input.properties) } };
    });
  return { own: own.length, batch };
}

/** Streams the row's source object page by page (never the whole account), mapping and writing per 100. */
async function syncRow(run: TaskRun, row: PlannedObject, from: TaskCursor): Promise<'done' | 'stopped'> {
  const { recordFilters } = run.sync.settings;
  const filter = Object.hasOwn(recordFilters, row.key) ? recordFilters[row.key] : undefined;
  let pageStart = from.page;
  let skip = from.skip;
  for await (const page of readAhead(readRow(run, row, pageStart))) {
    // Cut by the row's own records, up to 100 a batch (an activity row takes one type of a page's activities).
    const batches = pageBatches(page.records, skip, {
      belongs: (record) => rowForRecord(run.sync.plan, run.sync.settings, row.sourceObject, record)?.key === row.key,
      keep: (record) => passesFilter(filter, record),
      size: OBJECT_BATCH_SIZE,
    });
    for (const part of batches) {
      if (run.signal.aborted) throw new RetryableJobError('The connection to our database broke; the sync resumes.');
      if (await run.context.stopRequested()) return 'stopped';
      const { batch } = mapRecords(run, row, part.records);
      const last = part.end >= page.records.length;
      const cursor = last ? { page: page.cursor, skip: 0 } : { page: pageStart, skip: part.end };
      await syncBatch(run, row, batch, { cursor, counts: { read: part.read, skipped: part.skipped } });
    }
    if (page.records.length === skip) {
      // Nothing left on this page (resumed at its end): move the cursor on.
      await run.context.transfer.commit((tx) => tx.advance(row.key, { cursor: { page: page.cursor, skip: 0 } }));
    }
    pageStart = page.cursor;
    skip = 0;
    if (page.cursor === null) break;
  }
  await run.context.transfer.commit((tx) => tx.advance(row.key, { cursor: { page: null, skip: 0 }, done: true }));
  return 'done';
}

/**
 * The sync transfer: one task per object row in dependency order, each streaming the source in pages and
 * writing batches of 100 under the portal's writer lease; each batch's id-map, ledger, error rows and the
 * task's cursor commit together after HubSpot acknowledged it, so a crash resumes at the last batch.
 * Associations are written after each batch, when both ends exist (the other end from the id map).
 */
export function createSyncHandler(deps: {
  db: Db;
  hubspot: HubSpotApi;
  sources: SourceRegistry;
  sourceTokens: Pick<SourceTokens, 'accessToken' | 'refreshRefused'>;
  hubspotTokens: Pick<HubSpotTokens, 'refreshRefused'>;
  readSettings: ReadSettings;
}): JobHandler {
  return async (context) => {
    const { transfer } = context.transfer;
    const connection = await connectionsRepository.find(deps.db, transfer.connectionId);
    const sourceName = connection ? deps.sources.nameOf(connection.source) : 'The app';
    if (connection?.status === 'reconnect_needed')
      throw await accessRefusal(new SourceReconnectNeeded(connection.id), accessScope(connection, sourceName));
    if (connection?.status !== 'connected')
      throw new FatalJobError(`${sourceName} is not connected. Connect it, then start the sync again.`);
    const settings = await deps.readSettings(transfer.portalId, connection.source);
    const sync = await loadSyncContext(deps.db, { portalId: transfer.portalId, connectionId: connection.id, settings });
    const rows = syncRows(sync.plan, settings);
    const tasks = await context.transfer.start(syncTasks(rows));
    const session = deps.sources.connector(connection.source).session({
      apiDomain: connection.apiDomain,
      accessToken: () => deps.sourceTokens.accessToken(connection.id),
    });
    const scope: AssociationScope = {
      db: deps.db,
      connectionId: connection.id,
      transferId: transfer.id,
      rows,
      labels: sync.labels,
      filtered: new Set(
        rows.filter((row) => Object.hasOwn(settings.recordFilters, row.key)).map((r) => r.sourceObject),
      ),
    };
    try {
      const outcome = await withPortalLease(deps.db, transfer.portalId, async (lease) => {
        await markAttemptStart(context, deps.db, rows, tasks);
        const run: TaskRun = {
          context,
          db: deps.db,
          api: deps.hubspot.forPortal(transfer.portalId),
          session,
          sync,
          scope,
          recordLinkBase: connection.apiDomain,
          signal: lease.signal,
        };
        for (const [index, row] of rows.entries()) {
          const task = tasks.find((candidate) => candidate.object === row.key);
          if (task?.status === 'done') continue;
          await context.saveProgress({ done: index, total: rows.length, phase: `Syncing ${row.hubspotLabel}` });
          if ((await syncRow(run, row, cursorOf(task?.cursor))) === 'stopped') return 'stopped' as const;
        }
        const associations = tasks.find((candidate) => candidate.object === ASSOCIATIONS_TASK);
        if (associations?.status !== 'done') {
          await context.saveProgress({ done: rows.length, total: rows.length, phase: 'Linking records' });
          const deferred: DeferredRun = {
            scope,
            plan: sync.plan,
            api: run.api,
            read: (row, cursor) => readRow(run, row, cursor),
            map: (row, records) => mapRecords(run, row, records).batch,
            commit: (work) => context.transfer.commit(work),
            stopRequested: () => context.stopRequested(),
          };
          if ((await syncDeferredAssociations(deferred, associations?.cursor ?? null)) === 'stopped')
            return 'stopped' as const;
        }
        await context.transfer.commit((tx) => tx.advance(ASSOCIATIONS_TASK, { cursor: null, done: true }));
        return 'complete' as const;
      });
      await context.saveProgress({
        done: outcome === 'complete' ? rows.length : 0,
        total: rows.length,
        phase: outcome === 'complete' ? 'Sync complete' : 'Stopped',
      });
      return outcome;
    } catch (error) {
      throw (
        (await accessRefusal(error, accessScope(connection, sourceName))) ??
        withNextTry(toJobError(error, sourceName), new Date())
      );
    }
  };

  function accessScope(connection: { id: string; portalId: number; source: string }, sourceName: string): AccessScope {
    return { ...deps, portalId: connection.portalId, connection, sourceName };
  }
}
