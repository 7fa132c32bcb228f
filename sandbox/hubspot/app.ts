/**
 * The Express app: request accounting → body parsing → OAuth (unauthenticated) → bearer auth →
 * HubSpot API routes → 404 → HubSpot-shaped errors. Every route is registered directly on the app,
 * so the contract test can enumerate them by walking the router.
 */
import express, { type Express, type RequestHandler } from 'express';
import { bearerAuth } from './auth.js';
import { errorHandler, unknownRoute } from './errors.js';
import { registerInspectionRoutes } from './inspection.js';
import { registerOAuthRoutes } from './oauth/routes.js';
import { registerOwnerRoutes } from './owners.js';
import { contextOf } from './request-context.js';
import type { SandboxState } from './state.js';
import { registerUserRoutes } from './users.js';

export const INSPECTION_PREFIX = '/_sandbox';

/** Counts every request once it is answered, under "METHOD /path" and under its portal when known. */
function countRequests(state: SandboxState): RequestHandler {
  return (req, res, next) => {
    if (!req.path.startsWith(INSPECTION_PREFIX)) {
      res.on('finish', () => state.stats.record(`${req.method} ${req.path}`, res.statusCode, contextOf(res)?.portal.id));
    }
    next();
  };
}

export function buildApp(state: SandboxState): Express {
  const app = express();
  app.disable('x-powered-by');
  app.set('etag', false);
  app.use(countRequests(state));
  // HubSpot accepts bodies up to a few MB; 100 inputs of large text properties fit in 10 MB.
  app.use(express.json({ limit: '10mb' }));

  registerInspectionRoutes(app, state);
  registerOAuthRoutes(app, state);

  const auth = bearerAuth(state);
  for (const prefix of ['/crm', '/settings', '/automation', '/account-info']) app.use(prefix, auth);

  const now = () => state.clock.nowIso();
  registerOwnerRoutes(app);
  registerUserRoutes(app, now);

  app.use(unknownRoute);
  app.use(errorHandler);
  return app;
}
