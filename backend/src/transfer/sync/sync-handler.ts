import type { HubSpotTokens } from '../../auth/hubspot-tokens.service.js';
import { SourceReconnectNeeded, type SourceTokens } from '../../auth/source-tokens.service.js';
import type { Db } from '../../db/pool.js';
import { connectionsRepository } from '../../db/repositories/connections.repository.js';
import { idMapRepository } from '../../db/repositories/id-map.repository.js';
import { ledgerRepository } from '../../db/repositories/ledger.repository.js';
import { recordErrorsRepository } from '../../db/repositories/record-errors.repository.js';
import type { HubSpotApi, HubSpotPortalApi } from '../../hubspot/hubspot-api.js';
import { withPortalLease } from '../../hubspot/portal-lease.js';
import { FatalJobError, RetryableJobError } from '../../jobs/job-errors.js';
import type { JobContext, JobHandler } from '../../jobs/job-runner.js';
import type { TransferBatch } from '../../jobs/transfer-run.js';
import type { SourceRecord, SourceSession } from '../../sources/connector.js';
import { recordShapeOf } from '../../sources/record-shapes.js';
import type { SourceRegistry } from '../../sources/source-registry.js';
import { toJobError } from '../audit/audit-errors.js';
import type { PlannedObject } from '../mapping/mapping-plan.js';
import { mapRecord, rowForRecord } from '../mapping/record-mapper.js';
import type { ReadSettings } from '../settings/settings.service.js';
import { type AssociationBuffer, createAssociationBuffer } from './association-buffer.js';
import { OBJECT_BATCH_SIZE } from './batch-inputs.js';
import { adoptCompanies, commitAdoption, indexCompanyDomains } from './company-domains.js';
import { crashPoint } from './crash-points.js';
import { type DeferredRun, syncDeferredAssociations } from './deferred-associations.js';
import { commitChanged, foreignRecords, NO_FOREIGN_RECORDS, withOurs } from './foreign-records.js';
import { rebuildIdMap } from './id-map-rebuild.js';
import { BATCHES_IN_FLIGHT, orderedBatches } from './ordered-batches.js';
import { rowBatches } from './page-batches.js';
import { readAhead } from './read-ahead.js';
import { warningRows } from './record-warnings.js';
import { createReferenceNames, type ReferenceNames } from './reference-names.js';
import { addSecondaryEmails, queueSecondaryEmails } from './secondary-emails.js';
import { associationPairs, type AssociationScope } from './sync-associations.js';
import { loadSyncContext, type SyncContext } from './sync-context.js';
import { accessRefusal, type AccessScope, withNextTry } from './sync-pauses.js';
import {
  ASSOCIATIONS_TASK,
  ID_MAP_TASK,
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
import { failedRecordsOf, retriedSyncOf, retryRow, type RetryRowRun } from './sync-retry.js';
import { createValueGuard, type ValueGuard } from './value-guard.js';

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
  associations: AssociationBuffer;
  recordLinkBase: string | null;
  signal: AbortSignal;
  guard: ValueGuard;
  names: ReferenceNames;
  /** Record intents an earlier attempt left unconfirmed (read once as the attempt starts): creates in flight. */
  openIntents: Set<string>;
  /** When the job's status was last read (shouldStop). */
  stopCheckedAt: number;
}

/** What a batch adds to its task: the cursor after it, its counts, and what commits with it. */
interface BatchStep {
  cursor: unknown;
  counts: { read: number; skipped: number };
  settle?: ((tx: TransferBatch) => Promise<void>) | undefined;
}

/** How long a pause or cancel may go unnoticed between batches: the job's status is read at most this often. */
const STOP_CHECK_MS = 1_000;

/**
 * True when the user paused or canceled (read at most every STOP_CHECK_MS, or now when `now`); throws when
 * the writer lease was lost (the job resumes).
 */
async function shouldStop(run: TaskRun, now = false): Promise<boolean> {
  if (run.signal.aborted) throw new RetryableJobError('The connection to our database broke; the sync resumes.');
  if (!now && Date.now() - run.stopCheckedAt < STOP_CHECK_MS) return false;
  run.stopCheckedAt = Date.now();
  return run.context.stopRequested();
}

/** Record intents of an earlier attempt, unconfirmed as this attempt starts: the create batches it left in flight. */
async function openRecordIntents(db: Db, transferId: string): Promise<Set<string>> {
  const open = await ledgerRepository.unconfirmed(db, transferId);
  return new Set(open.flatMap((entry) => (entry.itemType === 'record' ? [entry.itemKey] : [])));
}

/** Whether an earlier attempt left intent rows of these records unconfirmed: that create batch is in flight. */
function inFlight(run: TaskRun, row: PlannedObject, batch: readonly MappedRecord[]): boolean {
  const open = batch.map((m) => recordItemKey(row, m.record.id)).filter((key) => run.openIntents.has(key));
  // This batch reconciles them; its commit confirms them.
  for (const key of open) run.openIntents.delete(key);
  return open.length > 0;
}

/**
 * One batch: its records written; resolves to its ONE commit with the task's cursor (which also keeps their
 * associations for the buffer's next full call), run by the caller once every earlier batch of the task
 * has committed (ordered-batches.ts).
 */
async function syncBatch(
  run: TaskRun,
  row: PlannedObject,
  batch: MappedRecord[],
  step: BatchStep,
): Promise<() => Promise<void>> {
  const { transfer } = run.context.transfer;
  const blocked = batch.flatMap((m) => {
    const error = pendingError(m);
    return error ? [error] : [];
  });
  const guarded = await run.guard(
    row,
    await run.names.resolve(
      row,
      batch.filter((m) => m.input.pending.length === 0),
    ),
  );
  const writable = guarded.batch;
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
  const resuming = intents.length > 0 && inFlight(run, row, writable);
  // Durable before the create call: a crash after it leaves the trace the next attempt reconciles.
  if (intents.length > 0 && !resuming) await run.context.transfer.intend(intents);
  const deps = { db: run.db, connectionId: run.scope.connectionId, api: run.api };
  const adoption =
    row.hubspotObject === 'companies' && run.sync.settings.matchCompaniesByDomain
      ? await adoptCompanies(deps, row, writable)
      : { outcomes: [], rest: writable, domains: [] };
  const shape = recordShapeOf(run.sync.plan.source);
  const written =
    adoption.rest.length === 0 ? [] : await writeBatch(run.api, row, adoption.rest, known, resuming, shape);
  const foreign =
    writeModeOf(row.hubspotObject) === 'create'
      ? NO_FOREIGN_RECORDS
      : await foreignRecords({ ...deps, transferStartedAt: transfer.createdAt }, row, writable, written);
  const outcomes = withOurs([...adoption.outcomes, ...written], foreign);
  crashPoint('records-written', row.key);
  const associations = await associationPairs(run.scope, row, writable, outcomes);
  const count = (kinds: string[]) => outcomes.filter((o) => kinds.includes(o.outcome)).length;
  const failedIds = [...blocked, ...outcomes.flatMap((o) => (o.outcome === 'failed' ? [o.error] : []))].map(
    (error) => error.sourceId,
  );
  // A failed record HubSpot already holds (written by an earlier sync): its errors name it.
  const hubspotIds =
    failedIds.length === 0
      ? new Map<string, string>()
      : await idMapRepository.lookup(run.db, transfer.connectionId, row.sourceObject, failedIds);
  const commit = async (tx: TransferBatch) => {
    await commitOutcomes(tx, row, outcomes, blocked, hubspotIds);
    await step.settle?.(tx);
    await run.associations.keep(tx, associations);
    await commitChanged(tx, row, foreign);
    await commitAdoption(tx, run.scope.connectionId, adoption);
    const landed = new Set(outcomes.flatMap((o) => (o.outcome === 'failed' ? [] : [o.sourceId])));
    await tx.recordErrors(row.key, warningRows(guarded.warnings, landed));
    await run.names.keep(tx.client, row, writable);
    await queueSecondaryEmails(tx.client, run.scope.connectionId, row, writable, outcomes);
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
  };
  return async () => {
    await run.context.transfer.commit(commit);
    crashPoint('batch-committed', row.key);
    // A batch that kept no pair filled no call.
    if (associations.length > 0) await run.associations.writeFull(row.key, row.hubspotObject);
  };
}

/** The row's source pages from a page cursor (deals: with the archived ones when the plan and settings say so). */
const readRow = (run: TaskRun, row: PlannedObject, cursor: string | null) => {
  const { plan, settings } = run.sync;
  // The source's own saved filter is applied by the source at the read; the rest is checked per record.
  const filterId = Object.hasOwn(settings.recordFilters, row.key)
    ? settings.recordFilters[row.key]?.sourceFilterId
    : null;
  return run.session.read(row.sourceObject, {
    cursor,
    includeArchived: readsArchived(row, plan, settings),
    filterId: filterId ?? null,
  });
};

/** Records the row takes and its record filter keeps, mapped. */
function mapKept(run: TaskRun, row: PlannedObject, kept: readonly SourceRecord[]): MappedRecord[] {
  const { plan, settings } = run.sync;
  const shape = recordShapeOf(plan.source);
  const context = {
    shape,
    timeZone: run.sync.timeZone,
    recordLinkBase: run.recordLinkBase,
    pipelineIds: run.sync.pipelineIds,
  };
  return kept.map((record) => {
    const input = mapRecord({ row, record, settings, plan, context });
    return { record, input: { ...input, properties: writableProperties(row, record, input.properties, shape) } };
  });
}

/** The records of `part` the row takes (activities: by type) that its record filter keeps, mapped. */
function mapRecords(
  run: TaskRun,
  row: PlannedObject,
  part: readonly SourceRecord[],
): { own: SourceRecord[]; batch: MappedRecord[] } {
  const { plan, settings } = run.sync;
  const shape = recordShapeOf(plan.source);
  const filter = Object.hasOwn(settings.recordFilters, row.key) ? settings.recordFilters[row.key] : undefined;
  const own = part.filter((record) => rowForRecord(plan, settings, row.sourceObject, record, shape)?.key === row.key);
  const kept = own.filter((record) => passesFilter(filter, record, shape));
  return { own, batch: mapKept(run, row, kept) };
}

/**
 * Up to 100 records read from the source, written as one batch: the row's own records (activities go to
 * the row of their type), those its record filter keeps, mapped. `skipped` adds records counted as skipped
 * elsewhere; `settle` commits with the batch, given the ids of the row's own records.
 */
async function writeRecords(
  run: TaskRun,
  row: PlannedObject,
  records: readonly SourceRecord[],
  step: { cursor: unknown; skipped?: number; settle?: (tx: TransferBatch, own: readonly string[]) => Promise<void> },
): Promise<void> {
  const { own, batch } = mapRecords(run, row, records);
  const { settle } = step;
  const ownIds = own.map((record) => record.id);
  const commit = await syncBatch(run, row, batch, {
    cursor: step.cursor,
    counts: { read: own.length, skipped: own.length - batch.length + (step.skipped ?? 0) },
    settle: settle && ((tx) => settle(tx, ownIds)),
  });
  await commit();
}

/**
 * How many batches of the row may be in flight at once. Contacts one: a person's adoption by e-mail reads
 * HubSpot as the earlier batches left it (persons sharing an e-mail across batches → one contact); so are
 * companies matched by domain (a domain adopts one company, then leaves the index in the batch's commit).
 */
const depthOf = (run: TaskRun, row: PlannedObject): number =>
  writeModeOf(row.hubspotObject) === 'contacts' ||
  (row.hubspotObject === 'companies' && run.sync.settings.matchCompaniesByDomain)
    ? 1
    : BATCHES_IN_FLIGHT;

/**
 * Streams the row's source object page by page (never the whole account), mapping and writing per 100,
 * several batches in flight and committed in order; a pause waits for those in flight to commit.
 */
async function syncRow(run: TaskRun, row: PlannedObject, from: TaskCursor): Promise<'done' | 'stopped'> {
  const { plan, settings } = run.sync;
  const shape = recordShapeOf(plan.source);
  const filter = Object.hasOwn(settings.recordFilters, row.key) ? settings.recordFilters[row.key] : undefined;
  const pipeline = orderedBatches(depthOf(run, row));
  const advance = (cursor: TaskCursor, done?: boolean) => () =>
    run.context.transfer.commit((tx) => tx.advance(row.key, { cursor, ...(done ? { done } : {}) }));
  try {
    // Batches of up to 100 of the row's own records (an activity row takes one type of a page's activities),
    // going on across pages.
    const batches = rowBatches(readAhead(readRow(run, row, from.page)), from, {
      belongs: (record) => rowForRecord(plan, settings, row.sourceObject, record, shape)?.key === row.key,
      keep: (record) => passesFilter(filter, record, shape),
      size: OBJECT_BATCH_SIZE,
    });
    let first = true;
    for await (const part of batches) {
      // The row's first batch reads the job's status whenever it was read last.
      if (await shouldStop(run, first)) {
        await pipeline.drain();
        return 'stopped';
      }
      first = false;
      // rowBatches kept only the row's records its filter keeps.
      const batch = mapKept(run, row, part.records);
      await pipeline.push(
        () => syncBatch(run, row, batch, { cursor: part.cursor, counts: { read: part.read, skipped: part.skipped } }),
        part.records.map((record) => record.id),
      );
    }
    await pipeline.drain();
  } finally {
    // Leaving on an error (a batch failed, the lease was lost): no write of this attempt outlives it.
    await pipeline.settle();
  }
  // A task is done once its records' associations are written too.
  await run.associations.writeAll(row.key);
  await advance({ page: null, skip: 0 }, true)();
  return 'done';
}

/**
 * The sync transfer: one task per object row in dependency order, each streaming the source in pages and
 * writing batches of 100 under the portal's writer lease; each batch's id-map, ledger, error rows and the
 * task's cursor commit together after HubSpot acknowledged it, in order (several batches in flight), so a
 * crash resumes at the last committed batch. A batch's associations (the other end from the id map) are kept
 * in the same commit and written in full calls of 2,000 (association-buffer.ts), so a crash before it
 * repeats the batch (upserts, reconciled creates) and a crash after it loses no association.
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
    const retryOf = retriedSyncOf(context.job.checkpoint);
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
        const api = deps.hubspot.forPortal(transfer.portalId);
        const associations = createAssociationBuffer({ db: deps.db, api, run: context.transfer });
        const run: TaskRun = {
          context,
          db: deps.db,
          api,
          session,
          sync,
          scope,
          associations,
          recordLinkBase: connection.apiDomain,
          signal: lease.signal,
          openIntents: await openRecordIntents(deps.db, transfer.id),
          stopCheckedAt: 0,
          names: createReferenceNames({
            db: deps.db,
            connectionId: connection.id,
            plan: sync.plan,
            settings: sync.settings,
            rules: deps.sources.module(connection.source).mappingRules,
          }),
          guard: createValueGuard({
            api,
            catalog: () => session.catalog(),
            run: context.transfer,
            plan: sync.plan,
            settings: sync.settings,
          }),
        };
        if (tasks.some((task) => task.object === ID_MAP_TASK && task.status !== 'done')) {
          await context.saveProgress({ done: 0, total: rows.length, phase: 'Finding records already in HubSpot' });
          await rebuildIdMap({ db: deps.db, api: run.api, transfer: context.transfer, rows });
        }
        // A retry of failed records reads the errors still unresolved each time it starts.
        const failed = retryOf === null ? [] : await recordErrorsRepository.withSourceIds(deps.db, retryOf);
        const retryRun: RetryRowRun = {
          session,
          shouldStop: () => shouldStop(run),
          write: (planned, records, step) => writeRecords(run, planned, records, step),
        };
        for (const [index, planned] of rows.entries()) {
          const task = tasks.find((candidate) => candidate.object === planned.key);
          if (task?.status === 'done') continue;
          const phase = `${retryOf === null ? 'Syncing' : 'Retrying the failed'} ${planned.hubspotLabel}`;
          await context.saveProgress({ done: index, total: rows.length, phase });
          if (planned.hubspotObject === 'companies' && settings.matchCompaniesByDomain)
            await indexCompanyDomains({ db: deps.db, connectionId: connection.id, api }, planned);
          const step =
            retryOf === null
              ? await syncRow(run, planned, cursorOf(task?.cursor))
              : await retryRow(retryRun, planned, failedRecordsOf(planned, failed));
          // What a retried or stopped row kept (a whole row's pairs are already written).
          await associations.writeAll(planned.key);
          if (step === 'stopped') return 'stopped' as const;
          if (retryOf !== null)
            await context.transfer.commit((tx) => tx.advance(planned.key, { cursor: null, done: true }));
        }
        const associationsTask = tasks.find((candidate) => candidate.object === ASSOCIATIONS_TASK);
        // A retry writes its records' own associations with them; the deferred links of whole rows are not its job.
        if (retryOf === null && associationsTask?.status !== 'done') {
          await context.saveProgress({ done: rows.length, total: rows.length, phase: 'Linking records' });
          const deferred: DeferredRun = {
            scope,
            plan: sync.plan,
            associations,
            read: (row, cursor) => readRow(run, row, cursor),
            map: (row, records) => mapRecords(run, row, records).batch,
            commit: (work) => context.transfer.commit(work),
            stopRequested: () => context.stopRequested(),
          };
          if ((await syncDeferredAssociations(deferred, associationsTask?.cursor ?? null)) === 'stopped')
            return 'stopped' as const;
        }
        await context.saveProgress({ done: rows.length, total: rows.length, phase: 'Adding secondary e-mails' });
        const emails = await addSecondaryEmails({
          db: deps.db,
          connectionId: connection.id,
          api,
          run: context.transfer,
          stopRequested: () => context.stopRequested(),
        });
        if (emails === 'stopped') return 'stopped' as const;
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
