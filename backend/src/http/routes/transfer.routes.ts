import { Router } from 'express';
import { z } from 'zod';
import { ApiPaths } from '../../../../shared/src/contracts/index.js';
import type { TransferService } from '../../transfer/transfer.service.js';
import { callerIdentity } from '../middleware/signed-request.js';
import { parseInput } from '../validate.js';

const IdParam = z.object({ id: z.string().uuid() });

/** Transfers of the signed portal: what runs, its job and its tasks' counts. */
export function transferRoutes(deps: { transfers: TransferService }): Router {
  const router = Router();
  router.get(ApiPaths.transfer(':id'), async (req, res) => {
    const { id } = parseInput(IdParam, req.params, 'transfer id');
    res.json(await deps.transfers.get(callerIdentity(res).portalId, id));
  });
  return router;
}
