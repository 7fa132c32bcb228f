/**
 * The Express app: inspection first (never faulted, counted or limited), then body parsing, fault
 * injection, OAuth, and the API routes behind authentication and limits; unknown API paths get the
 * gateway's 401 without a token and a 404 with one.
 */
import express, { type ErrorRequestHandler, type Express, type RequestHandler } from 'express';
import { callerOf } from './http/context.js';
import { ApiError, errorBody, rateLimitedBody } from './http/errors.js';
import type { RouteDef } from './http/routes.js';
import { inspectionRouter } from './inspection.js';
import { authenticate, requireScope } from './oauth/authenticate.js';
import { registerOAuth } from './oauth/routes.js';
import { registerAccount } from './resources/account.js';
import { registerActivities } from './resources/activities.js';
import { registerDealProducts } from './resources/deal-products.js';
import { registerDeals } from './resources/deals.js';
import { registerDealsSummary } from './resources/deals-summary.js';
import { registerFields } from './resources/fields.js';
import { registerFiles } from './resources/files.js';
import { registerFilters } from './resources/filters.js';
import { registerLeads } from './resources/leads.js';
import { registerLinks } from './resources/links.js';
import { registerNotes } from './resources/notes.js';
import { registerOrganizations } from './resources/organizations.js';
import { registerPersons } from './resources/persons.js';
import { registerPipelines } from './resources/pipelines.js';
import { registerProducts } from './resources/products.js';
import { registerWebhooks } from './resources/webhooks.js';
import type { PipedriveSandboxState } from './state.js';

function registerRoutes(state: PipedriveSandboxState): void {
  const { routes, context, writers } = state;
  registerOAuth(routes, {
    client: { clientId: state.clientId, clientSecret: state.clientSecret, redirectUri: state.redirectUri },
    tokens: state.tokens,
    autoApprove: () => state.autoApprove,
    installingUserId: () => state.settings().installingUserId,
    apiDomain: () => state.apiBaseUrl,
  });
  writers.set('persons', registerPersons(routes, context));
  writers.set('organizations', registerOrganizations(routes, context));
  writers.set('deals', registerDeals(routes, context));
  writers.set('products', registerProducts(routes, context));
  writers.set('activities', registerActivities(routes, context));
  const { pipelines, stages } = registerPipelines(routes, context);
  writers.set('pipelines', pipelines);
  writers.set('stages', stages);
  registerDealProducts(routes, context);
  registerFields(routes, context);
  registerAccount(routes, context);
  registerNotes(routes, context);
  registerFiles(routes, context);
  registerFilters(routes, context);
  registerLinks(routes, context);
  registerDealsSummary(routes, context);
  registerLeads(routes, context);
  registerWebhooks(routes, context, state.webhooks);
}

/** Charges the route's token cost and a burst slot, or answers 429 with the limit headers. */
function limit(state: PipedriveSandboxState, def: RouteDef): RequestHandler {
  return (req, res, next) => {
    const caller = callerOf(res);
    const admission = state.limits.admit({ token: caller.token, kind: caller.kind }, def.cost);
    res.set(admission.headers);
    if (!admission.allowed) {
      res.status(429).json(rateLimitedBody());
      return;
    }
    state.faults.addCost(req, 'tokens', def.cost);
    next();
  };
}

const handleErrors: ErrorRequestHandler = (error: unknown, _req, res, next) => {
  if (res.headersSent) {
    next(error);
    return;
  }
  if (error instanceof ApiError) {
    res.status(error.status).json(errorBody(error.message, error.extra));
    return;
  }
  // express.json() failures (malformed JSON, too large) carry their HTTP status.
  const status =
    typeof error === 'object' && error !== null && 'status' in error && typeof error.status === 'number'
      ? error.status
      : 500;
  if (status >= 500) console.error('pipedrive sandbox:', error);
  res.status(status).json(errorBody(status >= 500 ? 'Internal server error' : 'Bad request'));
};

export function buildApp(state: PipedriveSandboxState): Express {
  registerRoutes(state);
  const app = express();
  app.disable('x-powered-by');
  app.use('/_sandbox', inspectionRouter(state));
  // v1 is also served under /api/v1, as Pipedrive does.
  app.use((req, _res, next) => {
    if (req.url.startsWith('/api/v1/')) req.url = req.url.slice(4);
    next();
  });
  app.use(express.json({ limit: '20mb' }));
  app.use(express.urlencoded({ extended: false }));
  app.use(state.faults.middleware);
  const auth = authenticate(state.tokens, (userId) => {
    const user = state.store.user(userId);
    return user !== undefined && user.active_flag && !user.is_deleted;
  });
  state.routes.mount(app, (def) => [auth, requireScope(def), limit(state, def)]);
  app.use(['/api', '/v1'], auth, (_req, res) => {
    res.status(404).json(errorBody('Unknown method .'));
  });
  app.use((_req, res) => {
    res.status(404).json(errorBody('Not found'));
  });
  app.use(handleErrors);
  return app;
}
