import { Router } from 'express';
import { z } from 'zod';
import { ApiPaths, RetryFailedRequest, StartSyncRequest } from '../../../../shared/src/contracts/index.js';
import type { SourceRegistry } from '../../sources/source-registry.js';
import type { SyncService } from '../../transfer/sync/sync.service.js';
import { callerIdentity } from '../middleware/signed-request.js';
import { parseInput } from '../validate.js';

const IdParam = z.object({ id: z.string().uuid() });

/** The sync transfer (start, latest, one), for the signed portal only; its errors are under /transfers/:id/errors. */
export function syncRoutes(deps: { sync: SyncService; sources: Pick<SourceRegistry, 'idSchema'> }): Router {
  const router = Router();
  const SourceQuery = z.object({ source: deps.sources.idSchema });

  router.post(ApiPaths.sync, async (req, res) => {
    const { source } = parseInput(StartSyncRequest.extend({ source: deps.sources.idSchema }), req.body, 'sync request');
    const { portalId, userId } = callerIdentity(res);
    res.status(202).json(await deps.sync.start({ portalId, userId, source }));
  });

  router.get(ApiPaths.sync, async (req, res) => {
    const { source } = parseInput(SourceQuery, req.query, 'query');
    res.json(await deps.sync.latest(callerIdentity(res).portalId, source));
  });

  router.post(ApiPaths.syncRetryFailed(':id'), async (req, res) => {
    const { id } = parseInput(IdParam, req.params, 'sync id');
    parseInput(RetryFailedRequest, req.body ?? {}, 'retry request');
    const { portalId, userId } = callerIdentity(res);
    res.status(202).json(await deps.sync.retryFailed({ portalId, userId, id }));
  });

  router.get(ApiPaths.syncTransfer(':id'), async (req, res) => {
    const { id } = parseInput(IdParam, req.params, 'sync id');
    res.json(await deps.sync.get(callerIdentity(res).portalId, id));
  });
  return router;
}
