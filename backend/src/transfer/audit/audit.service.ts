import type { AuditComparison, AuditResponse, SourceId } from '../../../../shared/src/contracts/index.js';
import type { OAuthStates } from '../../auth/oauth-states.js';
import type { Db } from '../../db/pool.js';
import { auditsRepository } from '../../db/repositories/audits.repository.js';
import { connectionsRepository } from '../../db/repositories/connections.repository.js';
import { type JobRecord, jobsRepository } from '../../db/repositories/jobs.repository.js';
import { conflict, notFound } from '../../domain-errors.js';
import { type JobService, toJobContract } from '../../jobs/job.service.js';
import type { SourceRegistry } from '../../sources/source-registry.js';
import { compareAudits } from './compare-audits.js';

const DOWNLOAD_LINK_TTL_MS = 5 * 60 * 1000;

/** Starting, reading, comparing and exporting audits; every read is scoped to the signed portal. */
export function createAuditService(deps: {
  db: Db;
  jobs: JobService;
  states: OAuthStates;
  publicApiOrigin: string;
  sources: Pick<SourceRegistry, 'nameOf'>;
}) {
  async function toResponse(job: JobRecord): Promise<AuditResponse> {
    const audit =
      job.status === 'COMPLETE' ? await auditsRepository.findForPortal(deps.db, job.portalId, job.id) : null;
    return {
      id: job.id,
      job: toJobContract(job),
      previousAuditId: audit?.previousAuditId ?? null,
      result: audit?.result ?? null,
    };
  }

  async function completeAudit(portalId: number, id: string) {
    const job = await deps.jobs.find(portalId, id);
    if (job.kind !== 'audit') throw notFound('audit_not_found', 'No such audit in this HubSpot account.');
    const audit = await auditsRepository.findForPortal(deps.db, portalId, id);
    if (!audit) throw conflict('audit_not_complete', 'This audit has not finished yet.');
    return audit;
  }

  return {
    async start(input: { portalId: number; userId: number; source: SourceId }): Promise<AuditResponse> {
      const name = deps.sources.nameOf(input.source);
      const connection = await connectionsRepository.findLive(deps.db, input.portalId, input.source);
      if (!connection) throw conflict('not_connected', `Connect ${name} before running an audit.`);
      if (connection.status !== 'connected')
        throw conflict('reconnect_needed', `${name} no longer accepts our access. Reconnect it, then run the audit.`);
      const job = await deps.jobs.start({
        portalId: input.portalId,
        connectionId: connection.id,
        kind: 'audit',
        userId: input.userId,
      });
      return toResponse(job);
    },

    async get(portalId: number, id: string): Promise<AuditResponse> {
      const job = await deps.jobs.find(portalId, id);
      if (job.kind !== 'audit') throw notFound('audit_not_found', 'No such audit in this HubSpot account.');
      return toResponse(job);
    },

    /** The latest audit of the portal's live connection to a source. */
    async latest(portalId: number, source: SourceId): Promise<AuditResponse> {
      const connection = await connectionsRepository.findLive(deps.db, portalId, source);
      const job = connection ? await jobsRepository.latestForConnection(deps.db, connection.id, 'audit') : null;
      if (!job) throw notFound('no_audit', 'No audit has been run yet.');
      return toResponse(job);
    },

    async comparison(portalId: number, id: string): Promise<AuditComparison> {
      const audit = await completeAudit(portalId, id);
      const previous = audit.previousAuditId
        ? await auditsRepository.findForPortal(deps.db, portalId, audit.previousAuditId)
        : null;
      if (!previous)
        throw notFound('no_previous_audit', 'This is the first audit: there is nothing to compare it with yet.');
      return compareAudits({ auditId: audit.id, previousAuditId: previous.id }, previous.result, audit.result);
    },

    /** A short-lived, single-use link the user opens in a browser tab to download the CSV. */
    async exportLink(portalId: number, id: string): Promise<{ url: string; expiresAt: Date }> {
      const audit = await completeAudit(portalId, id);
      const { state: token, expiresAt } = await deps.states.issue(
        'download_link',
        { kind: 'audit_csv', portalId, auditId: audit.id },
        DOWNLOAD_LINK_TTL_MS,
      );
      return { url: `${deps.publicApiOrigin}/downloads/${token}`, expiresAt };
    },

    /** The audit a download link points to (the link is used up), or null when unknown, used or expired. */
    async redeemExportLink(token: string) {
      const payload = await deps.states.consume('download_link', token);
      if (payload?.kind !== 'audit_csv') return null;
      return auditsRepository.findForPortal(deps.db, Number(payload.portalId), String(payload.auditId));
    },
  };
}
export type AuditService = ReturnType<typeof createAuditService>;
