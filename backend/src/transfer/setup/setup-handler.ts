import { type LedgerEntry, ledgerRepository } from '../../db/repositories/ledger.repository.js';
import type { TaskCounts } from '../../db/repositories/transfer-tasks.repository.js';
import type { HubSpotApi, HubSpotPortalApi } from '../../hubspot/hubspot-api.js';
import { HubSpotApiError } from '../../hubspot/hubspot-errors.js';
import { withPortalLease } from '../../hubspot/portal-lease.js';
import { RetryableJobError } from '../../jobs/job-errors.js';
import type { JobContext, JobHandler } from '../../jobs/job-runner.js';
import { crashAfterCreate } from './crash-hook.js';
import { type Created, createItem, writePipeline } from './create-item.js';
import {
  type Existing,
  findExisting,
  groupNameFor,
  missingOptions,
  type PortalState,
  readPortalState,
} from './portal-state.js';
import { hintFor } from './setup-hints.js';
import { type SetupInputDeps, setupItemsFor } from './setup-input.js';
import { SETUP_TASKS, type SetupItem, setupItemIdentity } from './setup-items.js';

type LedgerKey = Pick<LedgerEntry, 'itemType' | 'hubspotObject' | 'itemKey'>;
const keyOf = setupItemIdentity;

/** The ledger rows of an item: itself, and for a pipeline each of its stages. */
function ledgerItems(item: SetupItem): LedgerKey[] {
  const own = { itemType: item.itemType, hubspotObject: item.hubspotObject, itemKey: item.itemKey };
  if (item.kind !== 'pipeline') return [own];
  return [
    own,
    ...item.stages.map((stage) => ({
      itemType: 'pipeline_stage',
      hubspotObject: 'deals',
      itemKey: `${item.itemKey}/${stage.key}`,
    })),
  ];
}

/**
 * One item done, whatever its outcome: counted once under the outcome the review names (created, reused
 * as `updated`, skipped, failed), and the task's cursor names it, so a resumed setup (pause, retry) neither
 * runs nor counts it again.
 */
const itemStep = (item: SetupItem, counts: Partial<TaskCounts>) => ({
  cursor: { after: { itemType: item.itemType, hubspotObject: item.hubspotObject, itemKey: item.itemKey } },
  counts: { read: 1, ...counts },
});

/** The items of a task still to run: those after the one its cursor names (all when it names none known). */
function remaining(items: readonly SetupItem[], cursor: unknown): readonly SetupItem[] {
  const after = (cursor as { after?: LedgerKey } | null)?.after;
  const index = after ? items.findIndex((item) => keyOf(item) === keyOf(after)) : -1;
  return index < 0 ? items : items.slice(index + 1);
}

function confirmations(item: SetupItem, created: Created) {
  return ledgerItems(item).flatMap((key, index) => {
    const hubspotId = index === 0 ? created.hubspotId : created.stages.get(key.itemKey.slice(item.itemKey.length + 1));
    return hubspotId === undefined ? [] : [{ ...key, hubspotId }];
  });
}

/** One run of one item: looked up by its name first, so nothing is created twice. */
async function runItem(
  context: JobContext,
  api: HubSpotPortalApi,
  state: PortalState,
  ledger: Map<string, LedgerEntry>,
  item: SetupItem,
  notices: string[],
  syncWrites: Set<string>,
): Promise<void> {
  const entry = ledger.get(keyOf(item));
  if (entry?.state === 'confirmed') return;
  const step = (counts: Partial<TaskCounts>) => itemStep(item, counts);
  const existing = findExisting(state, item);

  if (existing && 'skip' in existing) {
    notices.push(`${item.label}: ${existing.skip}`);
    if (item.kind === 'workflow') syncWrites.add(item.workflow.date);
    await context.transfer.commit((tx) => tx.advance(item.task, step({ skipped: 1 })));
    return;
  }
  if (existing && 'conflict' in existing) {
    await fail(context, item, { category: 'NAME_TAKEN', message: existing.conflict, hint: existing.conflict });
    return;
  }
  if (existing && 'overLimit' in existing) {
    await fail(context, item, { category: 'LIMIT_REACHED', ...existing.overLimit });
    return;
  }
  if (existing && 'found' in existing && item.kind === 'property_options') {
    await addMissingOptions(context, api, state, entry, item);
    return;
  }
  if (existing && 'found' in existing) {
    // Our own intent without its confirm: we created it before a crash. Otherwise it was there: reused.
    const action = entry?.action ?? 'reused';
    const before = { hubspotId: existing.found, stages: existing.stages ?? new Map<string, string>(), notices: [] };
    let result: Created = before;
    let refusal: HubSpotApiError | null = null;
    if (item.kind === 'pipeline') {
      try {
        result = await writePipeline(api, item, { id: existing.found, stages: before.stages });
      } catch (error) {
        // A missing stage HubSpot refused: the pipeline and its stages that exist are still recorded.
        if (!(error instanceof HubSpotApiError)) throw error;
        refusal = error;
      }
    }
    notices.push(...result.notices);
    const stageKey = (key: LedgerKey) => key.itemKey.slice(item.itemKey.length + 1);
    await context.transfer.commit(async (tx) => {
      await tx.intend(
        ledgerItems(item).map((key, index) => ({
          ...key,
          // Stages added to a reused pipeline are ours.
          action: index > 0 && !before.stages.has(stageKey(key)) ? ('created' as const) : action,
        })),
      );
      await tx.confirm(confirmations(item, result));
      if (refusal) {
        // Intents of the stages HubSpot refused go: the ledger holds only what exists.
        const missing = ledgerItems(item).filter((key, index) => index > 0 && !result.stages.has(stageKey(key)));
        await ledgerRepository.discard(tx.client, { transferId: context.transfer.transfer.id, items: missing });
        await tx.recordErrors(item.task, [errorRow(item, failureOf(item, refusal))]);
      }
      await tx.advance(
        item.task,
        step(refusal ? { failed: 1 } : action === 'created' ? { created: 1 } : { updated: 1 }),
      );
    });
    return;
  }

  await context.transfer.commit((tx) => tx.intend(ledgerItems(item).map((key) => ({ ...key, action: 'created' }))));
  let created: Created;
  try {
    created = await createItem(
      api,
      item.kind === 'property'
        ? { ...item, definition: { ...item.definition, groupName: groupNameFor(state, item) } }
        : item,
    );
  } catch (error) {
    if (!(error instanceof HubSpotApiError)) throw error;
    // The create may have landed with its answer lost: look before reporting it failed.
    const landed: Existing = findExisting(await readPortalState(api, [item]), item);
    if (!landed || !('found' in landed)) {
      await fail(context, item, failureOf(item, error));
      return;
    }
    created = { hubspotId: landed.found, stages: landed.stages ?? new Map(), notices: [] };
  }
  crashAfterCreate(item);
  notices.push(...created.notices);
  await context.transfer.commit(async (tx) => {
    await tx.confirm(confirmations(item, created));
    await tx.advance(item.task, step({ created: 1 }));
  });
}

/**
 * A field mapped onto an existing enumeration: its missing options are added (HubSpot replaces the whole
 * list, so the live ones are sent too, unchanged), recorded as changed with the options before, for revert.
 */
async function addMissingOptions(
  context: JobContext,
  api: HubSpotPortalApi,
  state: PortalState,
  entry: LedgerEntry | undefined,
  item: Extract<SetupItem, { kind: 'property_options' }>,
): Promise<void> {
  const [key] = ledgerItems(item) as [LedgerKey];
  const confirm = (counts: Partial<TaskCounts>) =>
    context.transfer.commit(async (tx) => {
      await tx.confirm([{ ...key, hubspotId: item.name }]);
      await tx.advance(item.task, itemStep(item, counts));
    });
  const { live, missing } = missingOptions(state, item);
  if (missing.length === 0) {
    // Our intent without its confirm: the change landed before a crash. Otherwise HubSpot has them all.
    // Either way the property is reused as the review said: counted as reused.
    if (entry) await confirm({ updated: 1 });
    else await context.transfer.commit((tx) => tx.advance(item.task, itemStep(item, { updated: 1 })));
    return;
  }
  await context.transfer.commit((tx) =>
    tx.intend([{ ...key, action: 'changed', previousValues: { options: entry?.previousValues?.['options'] ?? live } }]),
  );
  const added = missing.map((option, index) => ({ ...option, displayOrder: live.length + index, hidden: false }));
  try {
    await api.propertyDefinitions.setOptions(item.objectType, item.name, [...live, ...added]);
  } catch (error) {
    if (!(error instanceof HubSpotApiError)) throw error;
    // The change may have landed with its answer lost: look before reporting it failed.
    if (missingOptions(await readPortalState(api, [item]), item).missing.length > 0) {
      await fail(context, item, failureOf(item, error));
      return;
    }
  }
  await confirm({ updated: 1 });
}

interface Failure {
  category: string;
  message: string;
  hint: string;
}

/** HubSpot's account of a refusal (category, message) and what the user can do about it. */
const failureOf = (item: SetupItem, error: HubSpotApiError): Failure => ({
  category: error.error?.category ?? (error.status === null ? 'NETWORK_ERROR' : `HTTP_${error.status}`),
  message: error.error?.message || error.message,
  hint: hintFor(item, error.error, error.status),
});

const errorRow = (item: SetupItem, failure: Failure) => ({
  sourceId: item.itemKey,
  code: failure.category,
  message: failure.message,
  context: { itemType: item.itemType, hubspotObject: item.hubspotObject, label: item.label, hint: failure.hint },
});

/** One item failed in HubSpot: only it; its intent goes and the error log gets HubSpot's reason and a hint. */
async function fail(context: JobContext, item: SetupItem, failure: Failure): Promise<void> {
  await context.transfer.commit(async (tx) => {
    await ledgerRepository.discard(tx.client, { transferId: context.transfer.transfer.id, items: ledgerItems(item) });
    await tx.recordErrors(item.task, [errorRow(item, failure)]);
    await tx.advance(item.task, itemStep(item, { failed: 1 }));
  });
}

/**
 * The setup transfer: groups, properties, pipelines, owners, currencies, workflows, in that order, under the
 * portal's writer lease. Each item goes intent → HubSpot call → confirm in the ledger; an item already in
 * HubSpot under its deterministic name is reused (or, if our unconfirmed intent names it, confirmed as
 * created), so a crash at any point and a second run create nothing twice. Checks for pause/cancel after
 * each item.
 */
export function createSetupHandler(deps: SetupInputDeps & { hubspot: HubSpotApi }): JobHandler {
  return async (context) => {
    const { transfer } = context.transfer;
    const items = await setupItemsFor(deps, transfer.connectionId);
    const tasks = await context.transfer.start(SETUP_TASKS);
    const notices: string[] = [];
    /** The dates the portal's missing workflows leave to the sync (create_date, close_date). */
    const syncWrites = new Set<string>();
    const runTasks = async (lease: { signal: AbortSignal }): Promise<'complete' | 'stopped'> => {
      const api = deps.hubspot.forPortal(transfer.portalId);
      const ledger = new Map(
        (await ledgerRepository.forTransfer(deps.db, transfer.id)).map((entry) => [keyOf(entry), entry]),
      );
      for (const [index, task] of SETUP_TASKS.entries()) {
        const saved = tasks.find((candidate) => candidate.object === task);
        if (saved?.status === 'done') continue;
        const taskItems = remaining(
          items.filter((item) => item.task === task),
          saved?.cursor ?? null,
        );
        await context.saveProgress({ done: index, total: SETUP_TASKS.length, phase: `Preparing ${task}` });
        const state = await readPortalState(api, taskItems);
        for (const item of taskItems) {
          if (lease.signal.aborted) throw new RetryableJobError('The connection to our database broke; setup resumes.');
          if (await context.stopRequested()) return 'stopped' as const;
          await runItem(context, api, state, ledger, item, notices, syncWrites);
        }
        await context.transfer.commit((tx) => tx.advance(task, { cursor: null, done: true }));
      }
      return 'complete' as const;
    };
    const outcome = await withPortalLease(deps.db, transfer.portalId, async (lease) => {
      // HubSpot not answering a read (an outage, the daily limit): the job waits and resumes where it stopped.
      try {
        return await runTasks(lease);
      } catch (error) {
        if (!(error instanceof HubSpotApiError)) throw error;
        throw new RetryableJobError(
          `HubSpot did not answer (${error.reason}); preparing HubSpot resumes where it stopped.`,
          error.reason === 'daily_limit' && error.retryAfterMs > 0 ? error.retryAfterMs : undefined,
        );
      }
    });
    const previous = (context.job.checkpoint['notices'] as string[] | undefined) ?? [];
    const previousDates = (context.job.checkpoint['syncWritesDates'] as string[] | undefined) ?? [];
    await context.saveProgress(
      {
        done: outcome === 'complete' ? SETUP_TASKS.length : 0,
        total: SETUP_TASKS.length,
        phase: outcome === 'complete' ? 'HubSpot is ready' : 'Stopped',
      },
      {
        notices: [...new Set([...previous, ...notices])],
        syncWritesDates: [...new Set([...previousDates, ...syncWrites])],
      },
    );
    return outcome;
  };
}
