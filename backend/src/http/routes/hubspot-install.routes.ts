import { Router } from 'express';
import { z } from 'zod';
import { HUBSPOT_CALLBACK_PATH, type HubSpotInstallService } from '../../auth/hubspot-install.service.js';
import { clearFlowCookie, FLOW_COOKIES, readFlowCookie, setFlowCookie } from '../flow-cookie.js';
import { respondWithFailure, respondWithResult } from '../html-page.js';
import { parseInput } from '../validate.js';

export const OAuthCallbackQuery = z.union([
  z.object({ code: z.string().min(1).max(512), state: z.string().min(1).max(256) }),
  z.object({
    error: z.string().min(1).max(256),
    error_description: z.string().max(1024).optional(),
    state: z.string().optional(),
  }),
]);

/** The marketplace install link points here: every install starts in the browser that will finish it. */
export function hubspotInstallRoutes(deps: { install: HubSpotInstallService; publicApiOrigin: string }): Router {
  const router = Router();

  // Link scanners and chat previews send HEAD: answer without issuing a state.
  router.head('/oauth/hubspot/install', (_req, res) => {
    res.status(200).end();
  });

  router.get('/oauth/hubspot/install', async (_req, res) => {
    const { url, browserNonce } = await deps.install.authorizeUrl();
    setFlowCookie(res, FLOW_COOKIES.install, browserNonce, deps.publicApiOrigin);
    res.redirect(302, url);
  });

  router.get(HUBSPOT_CALLBACK_PATH, async (req, res) => {
    const query = parseInput(OAuthCallbackQuery, req.query, 'OAuth callback');
    if ('error' in query) {
      respondWithResult(res, {
        status: 400,
        code: 'install_denied',
        title: 'Install cancelled',
        message: 'HubSpot did not grant access, so Smart Transfer was not installed.',
      });
      return;
    }
    try {
      await deps.install.completeInstall({ ...query, browserNonce: readFlowCookie(req, FLOW_COOKIES.install) });
      clearFlowCookie(res, FLOW_COOKIES.install, deps.publicApiOrigin);
      respondWithResult(res, {
        status: 200,
        title: 'Smart Transfer is installed',
        message: 'Go back to HubSpot and open Smart Transfer to start your transfer.',
      });
    } catch (error) {
      respondWithFailure(res, error, 'Install failed');
    }
  });
  return router;
}
