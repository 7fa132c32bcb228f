import { Router } from 'express';
import { z } from 'zod';
import { HUBSPOT_CALLBACK_PATH, type HubSpotInstallService } from '../../auth/hubspot-install.service.js';
import { HttpError } from '../errors.js';
import { respondWithResult } from '../html-page.js';
import { parseInput } from '../validate.js';

export const OAuthCallbackQuery = z.union([
  z.object({ code: z.string().min(1).max(512), state: z.string().min(1).max(256) }),
  z.object({ error: z.string().min(1).max(256), error_description: z.string().max(1024).optional(), state: z.string().optional() }),
]);

export function hubspotInstallRoutes(deps: { install: HubSpotInstallService }): Router {
  const router = Router();

  router.get('/oauth/hubspot/install', async (_req, res) => {
    res.redirect(302, await deps.install.authorizeUrl());
  });

  router.get(HUBSPOT_CALLBACK_PATH, async (req, res) => {
    const query = parseInput(OAuthCallbackQuery, req.query, 'OAuth callback');
    if ('error' in query) {
      respondWithResult(res, {
        status: 400, code: 'install_denied', title: 'Install cancelled',
        message: 'HubSpot did not grant access, so Smart Transfer was not installed.',
      });
      return;
    }
    try {
      await deps.install.completeInstall(query);
      respondWithResult(res, {
        status: 200, title: 'Smart Transfer is installed',
        message: 'Go back to HubSpot and open Smart Transfer to start your transfer.',
      });
    } catch (error) {
      if (!(error instanceof HttpError)) throw error;
      respondWithResult(res, { status: error.status, code: error.code, title: 'Install failed', message: error.message });
    }
  });
  return router;
}
