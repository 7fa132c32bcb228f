import type {
  SetupResponse,
  SetupReview,
  SourceId,
  TransferError,
  TransferErrorsPage,
} from '../../../../shared/src/contracts/index.js';
import type { OAuthStates } from '../../auth/oauth-states.js';
import { connectionsRepository } from '../../db/repositories/connections.repository.js';
import { jobsRepository } from '../../db/repositories/jobs.repository.js';
import { recordErrorsRepository, type StoredRecordError } from '../../db/repositories/record-errors.repository.js';
import { conflict, notFound } from '../../domain-errors.js';
import type { HubSpotApi } from '../../hubspot/hubspot-api.js';
import type { JobService } from '../../jobs/job.service.js';
import type { TransferService } from '../transfer.service.js';
import { readPortalState } from './portal-state.js';
import { reviewSetup } from './review-setup.js';
import { type SetupInputDeps, setupItemsFor } from './setup-input.js';

const DOWNLOAD_LINK_TTL_MS = 5 * 60 * 1000;
/** The CSV holds at most this many errors (the log's first ones); the page API reads them all. */
const CSV_MAX_ERRORS = 100_000;

function toTransferError(error: StoredRecordError): TransferError {
  const context = (error.context ?? {}) as Record<string, unknown>;
  const text = (key: string) => (typeof context[key] === 'string' ? (context[key] as string) : null);
  return {
    id: error.id,
    task: error.object,
    itemType: text('itemType'),
    hubspotObject: text('hubspotObject'),
    itemKey: error.sourceId,
    hubspotId: text('hubspotId'),
    label: text('label'),
    category: error.code,
    severity: context['severity'] === 'warning' ? 'warning' : 'error',
    message: error.message,
    hint: text('hint'),
    createdAt: error.createdAt.toISOString(),
  };
}

/** Starting, reviewing and following the setup transfer, and any transfer's error log; scoped to the signed portal. */
export function createSetupService(
  deps: SetupInputDeps & {
    jobs: JobService;
    transfers: TransferService;
    states: OAuthStates;
    hubspot: HubSpotApi;
    publicApiOrigin: string;
  },
) {
  async function liveConnection(portalId: number, source: SourceId) {
    const name = deps.sources.nameOf(source);
    const connection = await connectionsRepository.findLive(deps.db, portalId, source);
    if (!connection) throw conflict('not_connected', `Connect ${name} and run an audit before preparing HubSpot.`);
    return connection;
  }

  async function toResponse(portalId: number, id: string): Promise<SetupResponse> {
    const transfer = await deps.transfers.get(portalId, id);
    if (transfer.kind !== 'setup') throw notFound('setup_not_found', 'No such setup in this HubSpot account.');
    const job = await deps.jobs.find(portalId, id);
    const sum = (pick: (counts: (typeof transfer.tasks)[number]['counts']) => number) =>
      transfer.tasks.reduce((total, task) => total + pick(task.counts), 0);
    return {
      ...transfer,
      // Setup counts a reused item under `updated`: it was there, and it is now recorded as ours to keep.
      summary: {
        created: sum((c) => c.created),
        reused: sum((c) => c.updated),
        failed: sum((c) => c.failed),
        skipped: sum((c) => c.skipped),
      },
      notices: Array.isArray(job.checkpoint['notices']) ? (job.checkpoint['notices'] as string[]) : [],
      syncWritesDates: Array.isArray(job.checkpoint['syncWritesDates'])
        ? (job.checkpoint['syncWritesDates'] as SetupResponse['syncWritesDates'])
        : [],
    };
  }

  async function transferOfPortal(portalId: number, id: string) {
    // A transfer shares its id and owner with its job: the job's portal check covers both.
    return deps.jobs.find(portalId, id);
  }

  return {
    async start(input: { portalId: number; userId: number; source: SourceId }): Promise<SetupResponse> {
      const connection = await liveConnection(input.portalId, input.source);
      // Refused before queuing when there is nothing to set up from (no audit yet).
      await setupItemsFor(deps, connection.id);
      const job = await deps.jobs.start({
        portalId: input.portalId,
        connectionId: connection.id,
        kind: 'setup',
        userId: input.userId,
      });
      return toResponse(input.portalId, job.id);
    },

    get: toResponse,

    async latest(portalId: number, source: SourceId): Promise<SetupResponse> {
      const connection = await liveConnection(portalId, source);
      const job = await jobsRepository.latestForConnection(deps.db, connection.id, 'setup');
      if (!job) throw notFound('no_setup', 'HubSpot has not been prepared yet.');
      return toResponse(portalId, job.id);
    },

    /** What setup would create, reuse or skip now, read from the portal; writes nothing. */
    async review(portalId: number, source: SourceId): Promise<SetupReview> {
      const connection = await liveConnection(portalId, source);
      const items = await setupItemsFor(deps, connection.id);
      return reviewSetup(await readPortalState(deps.hubspot.forPortal(portalId), items), items);
    },

    async errors(
      portalId: number,
      id: string,
      query: { q?: string | undefined; page: number; pageSize: number },
    ): Promise<TransferErrorsPage> {
      await transferOfPortal(portalId, id);
      const { errors, total } = await recordErrorsRepository.search(deps.db, {
        transferId: id,
        query: query.q ? query.q : null,
        limit: query.pageSize,
        offset: (query.page - 1) * query.pageSize,
      });
      return { errors: errors.map(toTransferError), page: query.page, pageSize: query.pageSize, total };
    },

    /** A short-lived, single-use link the user opens in a browser tab to download the error log as CSV. */
    async errorsExportLink(portalId: number, id: string): Promise<{ url: string; expiresAt: Date }> {
      await transferOfPortal(portalId, id);
      const { state: token, expiresAt } = await deps.states.issue(
        'download_link',
        { kind: 'transfer_errors_csv', portalId, transferId: id },
        DOWNLOAD_LINK_TTL_MS,
      );
      return { url: `${deps.publicApiOrigin}/downloads/errors/${token}`, expiresAt };
    },

    /** The error log a download link points to (the link is used up), or null when unknown, used or expired. */
    async redeemErrorsExportLink(token: string): Promise<{ transferId: string; errors: TransferError[] } | null> {
      const payload = await deps.states.consume('download_link', token);
      if (payload?.kind !== 'transfer_errors_csv') return null;
      const job = await jobsRepository.findForPortal(deps.db, Number(payload.portalId), String(payload.transferId));
      if (!job) return null;
      const { errors } = await recordErrorsRepository.search(deps.db, {
        transferId: job.id,
        query: null,
        limit: CSV_MAX_ERRORS,
        offset: 0,
      });
      return { transferId: job.id, errors: errors.map(toTransferError) };
    },
  };
}
export type SetupService = ReturnType<typeof createSetupService>;
