import { Router } from 'express';
import { z } from 'zod';
import {
  ApiPaths,
  type DownloadLinkResponse,
  StartSetupRequest,
  TransferErrorsQuery,
} from '../../../../shared/src/contracts/index.js';
import type { SourceRegistry } from '../../sources/source-registry.js';
import type { SetupService } from '../../transfer/setup/setup.service.js';
import { transferErrorsCsv } from '../../transfer/setup/setup-errors-csv.js';
import { callerIdentity } from '../middleware/signed-request.js';
import { parseInput } from '../validate.js';

const IdParam = z.object({ id: z.string().uuid() });

/** The setup transfer (start, latest, one, review) and any transfer's error log, for the signed portal only. */
export function setupRoutes(deps: { setup: SetupService; sources: Pick<SourceRegistry, 'idSchema'> }): Router {
  const router = Router();
  const SourceQuery = z.object({ source: deps.sources.idSchema });

  router.post(ApiPaths.setup, async (req, res) => {
    const { source } = parseInput(
      StartSetupRequest.extend({ source: deps.sources.idSchema }),
      req.body,
      'setup request',
    );
    const { portalId, userId } = callerIdentity(res);
    res.status(202).json(await deps.setup.start({ portalId, userId, source }));
  });

  router.get(ApiPaths.setup, async (req, res) => {
    const { source } = parseInput(SourceQuery, req.query, 'query');
    res.json(await deps.setup.latest(callerIdentity(res).portalId, source));
  });

  router.get(ApiPaths.setupReview, async (req, res) => {
    const { source } = parseInput(SourceQuery, req.query, 'query');
    res.json(await deps.setup.review(callerIdentity(res).portalId, source));
  });

  router.get(ApiPaths.setupTransfer(':id'), async (req, res) => {
    const { id } = parseInput(IdParam, req.params, 'setup id');
    res.json(await deps.setup.get(callerIdentity(res).portalId, id));
  });

  router.get(ApiPaths.transferErrors(':id'), async (req, res) => {
    const { id } = parseInput(IdParam, req.params, 'transfer id');
    const query = parseInput(TransferErrorsQuery, req.query, 'query');
    res.json(await deps.setup.errors(callerIdentity(res).portalId, id, query));
  });

  router.post(ApiPaths.transferErrorsExportLink(':id'), async (req, res) => {
    const { id } = parseInput(IdParam, req.params, 'transfer id');
    const link = await deps.setup.errorsExportLink(callerIdentity(res).portalId, id);
    const body: DownloadLinkResponse = { url: link.url, expiresAt: link.expiresAt.toISOString() };
    res.status(201).json(body);
  });
  return router;
}

/** The browser tab an error-log download link opens: the CSV as a file, or a plain error. */
export function errorDownloadRoutes(deps: { setup: SetupService }): Router {
  const router = Router();
  // Link scanners and chat previews send HEAD: the single-use link is not spent.
  router.head('/downloads/errors/:token', (_req, res) => {
    res.status(200).end();
  });
  router.get('/downloads/errors/:token', async (req, res) => {
    const log = await deps.setup.redeemErrorsExportLink(String(req.params.token).slice(0, 256));
    if (!log) {
      res.status(404).json({
        error: {
          code: 'download_expired',
          message: 'This download link has expired or was already used. Download again from HubSpot.',
        },
      });
      return;
    }
    res.setHeader('Content-Type', 'text/csv; charset=utf-8');
    res.setHeader('Content-Disposition', `attachment; filename="smart-transfer-errors-${log.transferId}.csv"`);
    transferErrorsCsv(log.errors).pipe(res);
  });
  return router;
}
