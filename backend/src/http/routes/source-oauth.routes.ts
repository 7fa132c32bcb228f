import { Router } from 'express';
import { z } from 'zod';
import type { SourceConnectService } from '../../auth/source-connect.service.js';
import type { SourceAccess } from '../../sources/connector.js';
import type { SourceRegistry } from '../../sources/source-registry.js';
import { clearFlowCookie, FLOW_COOKIES, readFlowCookie, setFlowCookie } from '../flow-cookie.js';
import { respondWithFailure, respondWithResult } from '../html-page.js';
import { parseInput } from '../validate.js';
import { OAuthCallbackQuery } from './hubspot-install.routes.js';

const StartQuery = z.object({ ticket: z.string().min(1).max(256) });

/** The browser tab the HubSpot UI opens: start → the source's consent page → callback → "go back to HubSpot". */
export function sourceOAuthRoutes(deps: {
  sourceConnect: SourceConnectService;
  sources: Pick<SourceRegistry, 'idSchema' | 'nameOf'>;
  publicApiOrigin: string;
}): Router {
  const router = Router();
  const SourceParam = z.object({ source: deps.sources.idSchema });
  // Link scanners and chat previews send HEAD: the single-use ticket is not spent.
  router.head('/oauth/:source/start', (_req, res) => {
    res.status(200).end();
  });

  router.get('/oauth/:source/start', async (req, res) => {
    try {
      const { source } = parseInput(SourceParam, req.params, 'source');
      const { ticket } = parseInput(StartQuery, req.query, 'connect link');
      const { url, browserNonce } = await deps.sourceConnect.start(source, ticket);
      setFlowCookie(res, FLOW_COOKIES.connect, browserNonce, deps.publicApiOrigin);
      res.redirect(302, url);
    } catch (error) {
      respondWithFailure(res, error, 'Connection failed');
    }
  });

  router.get('/oauth/:source/callback', async (req, res) => {
    try {
      const { source } = parseInput(SourceParam, req.params, 'source');
      const name = deps.sources.nameOf(source);
      const query = parseInput(OAuthCallbackQuery, req.query, 'OAuth callback');
      if ('error' in query) {
        respondWithResult(res, {
          status: 400,
          code: 'connect_denied',
          title: 'Connection cancelled',
          message: `${name} did not grant access. Go back to HubSpot to try again.`,
        });
        return;
      }
      const access = await deps.sourceConnect.complete(source, {
        ...query,
        browserNonce: readFlowCookie(req, FLOW_COOKIES.connect),
      });
      clearFlowCookie(res, FLOW_COOKIES.connect, deps.publicApiOrigin);
      respondWithResult(res, {
        status: 200,
        title: `${name} is connected`,
        message: [
          'You can close this tab and go back to HubSpot: Smart Transfer is ready to audit your data.',
          ...connectedAccessNotes(name, access),
        ].join(' '),
      });
    } catch (error) {
      respondWithFailure(res, error, 'Connection failed');
    }
  });
  return router;
}

/** What the connecting user may not see, said on the page the connect flow ends on (the audit says it again). */
function connectedAccessNotes(name: string, access: SourceAccess): string[] {
  return [
    ...(access.admin
      ? []
      : [
          `You connected as ${access.userName || 'a user'}, who is not a ${name} admin: ${name} only shows this user the records they may see, so others will be missing. Connect again as an admin to transfer everything.`,
        ]),
    ...(access.missingScopes.length > 0
      ? [
          `The connection lacks ${access.missingScopes.map((missing) => `“${missing.scope}” (${missing.neededFor})`).join(', ')}: connect again and grant every permission asked for.`,
        ]
      : []),
  ];
}
