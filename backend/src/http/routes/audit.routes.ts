import { Router } from 'express';
import { z } from 'zod';
import {
  ApiPaths,
  type DownloadLinkResponse,
  JobAction,
  StartAuditRequest,
} from '../../../../shared/src/contracts/index.js';
import type { JobService } from '../../jobs/job.service.js';
import { toJobContract } from '../../jobs/job.service.js';
import type { SourceRegistry } from '../../sources/source-registry.js';
import type { AuditService } from '../../transfer/audit/audit.service.js';
import { auditCsv } from '../../transfer/audit/audit-csv.js';
import { callerIdentity } from '../middleware/signed-request.js';
import { parseInput } from '../validate.js';

const IdParam = z.object({ id: z.string().uuid() });
const JobActionParams = z.object({ id: z.string().uuid(), action: JobAction });

/** Audits and job control, for the signed portal only. */
export function auditRoutes(deps: {
  audits: AuditService;
  jobs: JobService;
  sources: Pick<SourceRegistry, 'idSchema'>;
}): Router {
  const router = Router();
  const LatestQuery = z.object({ source: deps.sources.idSchema });

  router.post(ApiPaths.audits, async (req, res) => {
    const { source } = parseInput(
      StartAuditRequest.extend({ source: deps.sources.idSchema }),
      req.body,
      'audit request',
    );
    const { portalId, userId } = callerIdentity(res);
    res.status(202).json(await deps.audits.start({ portalId, userId, source }));
  });

  router.get(ApiPaths.audits, async (req, res) => {
    const { source } = parseInput(LatestQuery, req.query, 'query');
    res.json(await deps.audits.latest(callerIdentity(res).portalId, source));
  });

  router.get(ApiPaths.audit(':id'), async (req, res) => {
    const { id } = parseInput(IdParam, req.params, 'audit id');
    res.json(await deps.audits.get(callerIdentity(res).portalId, id));
  });

  router.get(ApiPaths.auditComparison(':id'), async (req, res) => {
    const { id } = parseInput(IdParam, req.params, 'audit id');
    res.json(await deps.audits.comparison(callerIdentity(res).portalId, id));
  });

  router.post(ApiPaths.auditExportLink(':id'), async (req, res) => {
    const { id } = parseInput(IdParam, req.params, 'audit id');
    const link = await deps.audits.exportLink(callerIdentity(res).portalId, id);
    const body: DownloadLinkResponse = { url: link.url, expiresAt: link.expiresAt.toISOString() };
    res.status(201).json(body);
  });

  router.post(ApiPaths.jobAction(':id', ':action'), async (req, res) => {
    const { id, action } = parseInput(JobActionParams, req.params, 'job action');
    res.json(toJobContract(await deps.jobs.act(callerIdentity(res).portalId, id, action)));
  });
  return router;
}

/** The browser tab a download link opens: the CSV as a file, or a plain error page. */
export function downloadRoutes(deps: { audits: AuditService }): Router {
  const router = Router();
  // Link scanners and chat previews send HEAD: the single-use link is not spent.
  router.head('/downloads/:token', (_req, res) => {
    res.status(200).end();
  });
  router.get('/downloads/:token', async (req, res) => {
    const audit = await deps.audits.redeemExportLink(String(req.params.token).slice(0, 256));
    if (!audit) {
      res.status(404).json({
        error: {
          code: 'download_expired',
          message: 'This download link has expired or was already used. Export again from HubSpot.',
        },
      });
      return;
    }
    const day = audit.completedAt.toISOString().slice(0, 10);
    res.setHeader('Content-Type', 'text/csv; charset=utf-8');
    res.setHeader(
      'Content-Disposition',
      `attachment; filename="smart-transfer-audit-${audit.result.source}-${day}.csv"`,
    );
    auditCsv(audit.result).pipe(res);
  });
  return router;
}
