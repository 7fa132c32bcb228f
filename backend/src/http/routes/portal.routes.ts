import { Router } from 'express';
import {
  ApiPaths,
  type AppsResponse,
  type GuideResponse,
  type PortalResponse,
} from '../../../../shared/src/contracts/index.js';
import type { ProgressService } from '../../transfer/progress.service.js';
import { callerIdentity } from '../middleware/signed-request.js';

/** Read-only views of the signed portal: itself, the source apps, and the User guide checklist. */
export function portalRoutes(deps: { progress: ProgressService }): Router {
  const router = Router();

  router.get(ApiPaths.portal, (_req, res) => {
    const { portal } = callerIdentity(res);
    const body: PortalResponse = {
      portalId: portal.id,
      status: portal.status,
      hubDomain: portal.hubDomain,
      installedAt: portal.installedAt.toISOString(),
    };
    res.json(body);
  });

  router.get(ApiPaths.apps, async (_req, res) => {
    const body: AppsResponse = { apps: await deps.progress.apps(callerIdentity(res).portalId) };
    res.json(body);
  });

  router.get(ApiPaths.guide, async (_req, res) => {
    const { portal } = callerIdentity(res);
    const body: GuideResponse = { portalId: portal.id, steps: await deps.progress.guide(portal) };
    res.json(body);
  });
  return router;
}
