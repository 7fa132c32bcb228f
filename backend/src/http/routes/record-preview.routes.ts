import { Router } from 'express';
import { z } from 'zod';
import { ApiPaths } from '../../../../shared/src/contracts/index.js';
import type { SourceRegistry } from '../../sources/source-registry.js';
import type { RecordPreviewService } from '../../transfer/preview/record-preview.service.js';
import { callerIdentity } from '../middleware/signed-request.js';
import { parseInput } from '../validate.js';

/** Record preview (no write) for the signed portal's connection. */
export function recordPreviewRoutes(deps: {
  recordPreviews: RecordPreviewService;
  sources: Pick<SourceRegistry, 'idSchema'>;
}): Router {
  const router = Router();
  const Params = z.object({
    source: deps.sources.idSchema,
    object: z.string().regex(/^[a-z][a-z0-9_]{0,63}$/, 'must be an object key'),
    id: z.string().min(1).max(64),
  });
  router.get(ApiPaths.recordPreview(':source', ':object', ':id'), async (req, res) => {
    const params = parseInput(Params, req.params, 'record');
    res.json(await deps.recordPreviews.preview({ portalId: callerIdentity(res).portalId, ...params }));
  });
  return router;
}
