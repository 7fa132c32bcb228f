import { Router } from 'express';
import { ApiPaths, type AppsResponse, type GuideResponse, type PortalResponse } from '../../../../shared/src/contracts/index.js';
import { SOURCE_CATALOG } from '../../sources/catalog.js';
import { buildGuide } from '../../transfer/guide.js';
import { callerIdentity } from '../middleware/signed-request.js';

/** Read-only views of the signed portal: itself, the source apps, and the User guide checklist. */
export function portalRoutes(): Router {
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

  router.get(ApiPaths.apps, (_req, res) => {
    const body: AppsResponse = { apps: SOURCE_CATALOG.map((source) => ({ ...source, connectionStatus: 'not_connected' })) };
    res.json(body);
  });

  router.get(ApiPaths.guide, (_req, res) => {
    const { portal } = callerIdentity(res);
    const body: GuideResponse = {
      portalId: portal.id,
      steps: buildGuide({ installed: portal.status === 'installed', connection: 'not_connected' }),
    };
    res.json(body);
  });
  return router;
}
