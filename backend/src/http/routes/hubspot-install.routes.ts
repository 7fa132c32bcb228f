import { Router, type Response } from 'express';
import { z } from 'zod';
import { HUBSPOT_CALLBACK_PATH, type HubSpotInstallService } from '../../auth/hubspot-install.service.js';
import { HttpError } from '../errors.js';
import { resultPage } from '../html-page.js';
import { parseInput } from '../validate.js';

const CallbackQuery = z.union([
  z.object({ code: z.string().min(1).max(512), state: z.string().min(1).max(256) }),
  z.object({ error: z.string().min(1).max(256), error_description: z.string().max(1024).optional(), state: z.string().optional() }),
]);

/** A browser lands here: it gets a readable page; API clients get the JSON error envelope. */
function respond(res: Response, status: number, title: string, message: string, code?: string): void {
  res.status(status).format({
    json: () => res.json(code ? { error: { code, message } } : { status: 'installed', message }),
    html: () => res.send(resultPage(title, message)),
  });
}

export function hubspotInstallRoutes(deps: { install: HubSpotInstallService }): Router {
  const router = Router();

  router.get('/oauth/hubspot/install', async (_req, res) => {
    res.redirect(302, await deps.install.authorizeUrl());
  });

  router.get(HUBSPOT_CALLBACK_PATH, async (req, res) => {
    const query = parseInput(CallbackQuery, req.query, 'OAuth callback');
    if ('error' in query) {
      respond(res, 400, 'Install cancelled', 'HubSpot did not grant access, so Smart Transfer was not installed.', 'install_denied');
      return;
    }
    try {
      await deps.install.completeInstall(query);
      respond(res, 200, 'Smart Transfer is installed', 'Go back to HubSpot and open Smart Transfer to start your transfer.');
    } catch (error) {
      if (error instanceof HttpError) {
        respond(res, error.status, 'Install failed', error.message, error.code);
        return;
      }
      throw error;
    }
  });
  return router;
}
