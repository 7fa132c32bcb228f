/**
 * The Express app: body parsing → inspection endpoint → request counting → faults → OAuth
 * (unauthenticated) → bearer auth → rate limits → HubSpot API routes → 404 → HubSpot-shaped errors.
 * Every API route is registered directly on the app, so the contract test enumerates them by walking
 * the router.
 */
import express, { type Express, type RequestHandler } from 'express';
import { registerAccountRoutes } from './account.js';
import { registerAssociationRoutes } from './associations/routes.js';
import { bearerAuth } from './auth.js';
import { registerLimitsRoutes } from './crm-limits.js';
import { registerCurrencyRoutes } from './currencies.js';
import { errorHandler, unknownRoute } from './errors.js';
import { registerFlowRoutes } from './flows/routes.js';
import { registerInspectionRoutes } from './inspection.js';
import { INSPECTION_PREFIX } from './inspection-prefix.js';
import { limitOf, rateLimit } from './limits.js';
import { registerOAuthRoutes } from './oauth/routes.js';
import { registerObjectBatchRoutes } from './objects/batch-routes.js';
import { registerObjectRoutes } from './objects/routes.js';
import { registerSearchRoute } from './objects/search.js';
import { registerSecondaryEmailRoutes } from './objects/secondary-emails.js';
import { registerOwnerRoutes } from './owners.js';
import { registerPipelineRoutes } from './pipelines/routes.js';
import { registerPropertyRoutes } from './properties/routes.js';
import { contextOf } from './request-context.js';
import type { SandboxState } from './state.js';
import { endpointOf } from './stats.js';
import { registerUserRoutes } from './users.js';

/** Counts each answered API request under its portal (known once the bearer token is read), with its arrival time and batch inputs. */
function countPerPortal(state: SandboxState): RequestHandler {
  return (req, res, next) => {
    if (!req.path.startsWith(INSPECTION_PREFIX)) {
      const at = state.nowMs();
      res.on('finish', () => {
        const portal = contextOf(res)?.portal;
        const inputs: unknown = (req.body as { inputs?: unknown } | undefined)?.inputs;
        if (portal)
          state.portalCounts.record(
            portal.id,
            {
              at,
              endpoint: endpointOf(req.method, req.path),
              limit: limitOf(req.method, req.path),
              status: res.statusCode,
            },
            Array.isArray(inputs) ? inputs.length : 0,
          );
      });
    }
    next();
  };
}

export function buildApp(state: SandboxState): Express {
  const app = express();
  app.disable('x-powered-by');
  app.set('etag', false);
  // HubSpot accepts bodies of a few MB; 100 inputs of long text properties fit in 10 MB.
  app.use(express.json({ limit: '10mb' }));
  app.use(express.urlencoded({ extended: false }));

  registerInspectionRoutes(app, state);
  app.use(countPerPortal(state));
  app.use(state.faults.middleware);
  registerOAuthRoutes(app, state);

  const auth = bearerAuth(state);
  const limits = rateLimit(state);
  for (const prefix of ['/crm', '/contacts', '/settings', '/automation', '/account-info'])
    app.use(prefix, auth, limits);

  const now = () => state.nowIso();
  registerObjectBatchRoutes(app, now);
  registerSearchRoute(app);
  registerObjectRoutes(app, now);
  registerSecondaryEmailRoutes(app, now);
  registerPropertyRoutes(app, now);
  registerPipelineRoutes(app, now);
  registerOwnerRoutes(app);
  registerUserRoutes(app, now);
  registerAssociationRoutes(app, now);
  registerFlowRoutes(app, now);
  registerCurrencyRoutes(app, now);
  registerAccountRoutes(app);
  registerLimitsRoutes(app);

  app.use(unknownRoute);
  app.use(errorHandler);
  return app;
}
