import { Router } from 'express';
import { ApiPaths, type AppsResponse, type GuideResponse, type PortalResponse } from '../../../../shared/src/contracts/index.js';
import type { Db } from '../../db/pool.js';
import type { SourceRegistry } from '../../sources/source-registry.js';
import { buildGuide } from '../../transfer/guide.js';
import { connectionStatus, guideProgress, guideSource } from '../../transfer/progress.js';
import { callerIdentity } from '../middleware/signed-request.js';

/** Read-only views of the signed portal: itself, the source apps, and the User guide checklist. */
export function portalRoutes(deps: { db: Db; sources: Pick<SourceRegistry, 'apps'> }): Router {
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
    const { portalId } = callerIdentity(res);
    const apps = await Promise.all(
      deps.sources.apps().map(async (source) => ({ ...source, connectionStatus: await connectionStatus(deps.db, portalId, source.id) })),
    );
    const body: AppsResponse = { apps };
    res.json(body);
  });

  router.get(ApiPaths.guide, async (_req, res) => {
    const { portal } = callerIdentity(res);
    const source = await guideSource(deps.db, portal.id, deps.sources.apps());
    if (!source) throw new Error('No source app is available');
    const body: GuideResponse = { portalId: portal.id, steps: buildGuide(await guideProgress(deps.db, portal, source.id), source.name) };
    res.json(body);
  });
  return router;
}
