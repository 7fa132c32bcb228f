import type { SourceTokens } from '../../auth/source-tokens.service.js';
import type { Clock } from '../../clock.js';
import type { Db } from '../../db/pool.js';
import { connectionsRepository } from '../../db/repositories/connections.repository.js';
import type { HubSpotApi } from '../../hubspot/hubspot-api.js';
import { FatalJobError } from '../../jobs/job-errors.js';
import type { JobContext, JobHandler } from '../../jobs/job-runner.js';
import { type CountState, SourceAuthError, type SourceSession } from '../../sources/connector.js';
import type { SourceRegistry } from '../../sources/source-registry.js';
import { AuditCheckpoint, countStateOf, toCountCursor } from './audit-checkpoint.js';
import { toJobError } from './audit-errors.js';
import { recordAudit } from './record-audit.js';

/** Progress and checkpoint are saved at most this often while counting (and always at the end). */
const SAVE_EVERY_MS = 500;

const countedSoFar = (counts: Record<string, CountState>) =>
  Object.values(counts).reduce((sum, state) => sum + state.total, 0);

/**
 * Counts every object of the source concurrently, one transfer task per object: each page's count and
 * cursor commit to the task, so a restarted worker resumes each count where it stopped. Checks after each
 * page whether the user paused or canceled.
 */
async function countObjects(
  context: JobContext,
  session: SourceSession,
  checkpoint: AuditCheckpoint,
  clock: Clock,
): Promise<{ outcome: 'done' | 'stopped'; counts: Record<string, CountState> }> {
  const tasks = await context.transfer.start(session.countableObjects());
  const counts = Object.fromEntries(tasks.map((task) => [task.object, countStateOf(task)]));
  let stopping = false;
  let lastSave = 0;
  const save = async (force: boolean) => {
    const now = clock.now().getTime();
    if (!force && now - lastSave < SAVE_EVERY_MS) return;
    lastSave = now;
    const usage = session.usage();
    const pending = tasks.map((task) => task.object).filter((key) => !counts[key]?.done);
    await context.saveProgress(
      {
        done: countedSoFar(counts),
        total: null,
        phase: pending.length > 0 ? `Counting ${pending.join(', ')}` : 'Reading HubSpot owners and currencies',
      },
      {
        ...checkpoint,
        usage: { requests: checkpoint.usage.requests + usage.requests, cost: checkpoint.usage.cost + usage.cost },
      },
    );
    if (!force && (await context.stopRequested())) stopping = true;
  };
  await Promise.all(
    tasks.map(async (task) => {
      if (task.status === 'done') return;
      const resumeFrom = task.status === 'pending' ? undefined : counts[task.object];
      for await (const state of session.count(task.object, resumeFrom)) {
        const read = state.total - (counts[task.object]?.total ?? 0);
        await context.transfer.commit((tx) =>
          tx.advance(task.object, { cursor: toCountCursor(state), counts: { read }, done: state.done }),
        );
        counts[task.object] = state;
        await save(false);
        if (stopping) return;
      }
    }),
  );
  await save(true);
  return { outcome: stopping ? 'stopped' : 'done', counts };
}

export function createAuditHandler(deps: {
  db: Db;
  clock: Clock;
  sources: SourceRegistry;
  sourceTokens: SourceTokens;
  hubspot: HubSpotApi;
}): JobHandler {
  return async (context) => {
    const connection = await connectionsRepository.find(deps.db, context.job.connectionId);
    const sourceName = connection ? deps.sources.nameOf(connection.source) : 'The app';
    if (connection?.status !== 'connected') {
      throw new FatalJobError(`${sourceName} is not connected. Connect it, then run the audit again.`);
    }
    const session = deps.sources.connector(connection.source).session({
      apiDomain: connection.apiDomain,
      accessToken: () => deps.sourceTokens.accessToken(connection.id),
    });
    const checkpoint = AuditCheckpoint.parse(context.job.checkpoint);
    try {
      if (!checkpoint.catalog || !checkpoint.access) {
        [checkpoint.catalog, checkpoint.access] = await Promise.all([
          session.catalog(),
          session.access(connection.scopes),
        ]);
        await context.saveProgress({ done: 0, total: null, phase: 'Reading fields, pipelines and users' }, checkpoint);
      }
      const { outcome, counts } = await countObjects(context, session, checkpoint, deps.clock);
      if (outcome === 'stopped') return 'stopped';
      const usage = session.usage();
      const result = await recordAudit(
        { db: deps.db, hubspot: deps.hubspot.forPortal(context.job.portalId) },
        {
          id: context.job.id,
          portalId: context.job.portalId,
          connectionId: connection.id,
          source: connection.source,
          rules: deps.sources.module(connection.source).mappingRules,
          catalog: checkpoint.catalog,
          access: { ...checkpoint.access, scopes: connection.scopes },
          counts,
          usage: { requests: checkpoint.usage.requests + usage.requests, tokens: checkpoint.usage.cost + usage.cost },
        },
      );
      const records = result.objects.reduce((sum, object) => sum + object.records, 0);
      await context.saveProgress({ done: records, total: records, phase: 'Audit complete' });
      return 'complete';
    } catch (error) {
      if (error instanceof SourceAuthError) {
        await connectionsRepository.markReconnectNeeded(deps.db, connection.id, 'The source refused our access token.');
      }
      throw toJobError(error, sourceName);
    }
  };
}
