/**
 * "Start over" (demo only): forgets the demo portal's connection, audits, settings and transfers and gives
 * the HubSpot sandbox a fresh demo portal with the app installed again, so a user can walk connect →
 * audit → setup → sync in the preview. The preview host's button calls POST /demo/start-over.
 */
import express, { type Router } from 'express';
import type { Logger } from 'pino';
import type { Services } from '../compose.js';
import type { Db } from '../db/pool.js';
import { portalsRepository } from '../db/repositories/portals.repository.js';
import { installDemo } from './install.js';

export const START_OVER_PATH = '/demo/start-over';

const isLoopback = (address: string | undefined): boolean =>
  address !== undefined && (address === '::1' || address.startsWith('127.') || address.startsWith('::ffff:127.'));

export interface StartOverDeps {
  db: Db;
  logger: Logger;
  services: Pick<Services, 'install'>;
  portalId: number;
  resetHubSpot(): void;
  /** True while the demo's own run of the main job is under way (its steps must not lose their portal). */
  busy(): boolean;
}

/** Resets the demo; false (nothing changed) while one of the portal's jobs is unfinished. */
export async function startOver(deps: StartOverDeps): Promise<boolean> {
  if (deps.busy() || !(await portalsRepository.removeUnlessBusy(deps.db, deps.portalId))) return false;
  deps.resetHubSpot();
  await installDemo(deps);
  return true;
}

/**
 * POST /demo/start-over: from this machine only, and JSON only (a cross-site form cannot post JSON, and a
 * cross-site fetch with a JSON body needs a CORS preflight nobody grants), like the preview's own routes.
 */
export function createStartOverRouter(deps: StartOverDeps): Router {
  const router = express.Router();
  router.post(START_OVER_PATH, async (req, res) => {
    if (!isLoopback(req.socket.remoteAddress) || req.headers['x-forwarded-for'] !== undefined) {
      res.status(403).json({ error: { code: 'forbidden', message: 'Start over answers this machine only.' } });
      return;
    }
    if (!req.is('application/json')) {
      res.status(415).json({ error: { code: 'unsupported_media_type', message: 'Send JSON.' } });
      return;
    }
    if (!(await startOver(deps))) {
      res.status(409).json({
        error: {
          code: 'job_running',
          message: 'A job is still running in the demo portal: wait for it to finish (or cancel it), then start over.',
        },
      });
      return;
    }
    deps.logger.info({ portalId: deps.portalId }, 'demo started over');
    res.json({ status: 'reset', portalId: deps.portalId });
  });
  return router;
}
