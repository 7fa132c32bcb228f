/**
 * The inspection endpoint, under /_sandbox (outside every HubSpot path): create portals, choose who
 * the next authorize approves, revoke grants, move the clock, read request stats, read or reset state.
 * These paths are a stable interface for the product's tests; change them only with their callers.
 */
import type { Express, Request } from 'express';
import { notFound, validationError } from './errors.js';
import { INSPECTION_PREFIX } from './inspection-prefix.js';
import type { SandboxState } from './state.js';
import { parseTier, type PortalSettings } from './tier.js';
import type { UserSeed } from './users.js';

/** `{ tier?, limitIncrease?, probabilityInTenths? }` from an inspection body. */
function settingsPatch(body: Record<string, unknown>): Partial<PortalSettings> {
  const patch: Partial<PortalSettings> = {};
  if (body['tier'] !== undefined) patch.tier = parseTier(body['tier']);
  for (const key of ['limitIncrease', 'probabilityInTenths'] as const) {
    if (body[key] === undefined) continue;
    if (typeof body[key] !== 'boolean') throw validationError(`${key} must be a boolean`);
    patch[key] = body[key];
  }
  return patch;
}

function bodyOf(req: Request): Record<string, unknown> {
  const body: unknown = req.body;
  return typeof body === 'object' && body !== null && !Array.isArray(body) ? (body as Record<string, unknown>) : {};
}

function portalIdOf(body: Record<string, unknown>): number {
  const portalId = Number(body['portalId']);
  if (!Number.isInteger(portalId) || portalId <= 0) throw validationError('portalId must be a positive integer');
  return portalId;
}

function userSeeds(raw: unknown): UserSeed[] | undefined {
  if (raw === undefined) return undefined;
  if (!Array.isArray(raw))
    throw validationError('users must be an array of { email, firstName?, lastName?, superAdmin? }');
  return raw.map((entry: unknown) => {
    const user = typeof entry === 'object' && entry !== null ? (entry as Record<string, unknown>) : {};
    if (typeof user['email'] !== 'string') throw validationError('every user needs an email');
    return {
      email: user['email'],
      ...(typeof user['firstName'] === 'string' ? { firstName: user['firstName'] } : {}),
      ...(typeof user['lastName'] === 'string' ? { lastName: user['lastName'] } : {}),
      ...(typeof user['superAdmin'] === 'boolean' ? { superAdmin: user['superAdmin'] } : {}),
    };
  });
}

export function registerInspectionRoutes(app: Express, state: SandboxState): void {
  app.post('/_sandbox/portals', (req, res) => {
    const body = bodyOf(req);
    const users = userSeeds(body['users'] ?? body['owners']);
    const portal = state.createPortal({
      portalId: portalIdOf(body),
      ...(users ? { users } : {}),
      settings: settingsPatch(body),
    });
    res.status(201).json(portal.snapshot());
  });

  /** Changes a portal's tier and switches: `{ tier?, limitIncrease?, probabilityInTenths? }` → its settings. */
  app.patch('/_sandbox/portals/:portalId', (req, res) => {
    const portal = state.portals.get(Number(req.params.portalId));
    if (!portal) throw notFound(`portal ${req.params.portalId} does not exist`);
    portal.settings = { ...portal.settings, ...settingsPatch(bodyOf(req)) };
    res.json(portal.settings);
  });

  app.get('/_sandbox/portals/:portalId/state', (req, res) => {
    const portal = state.portals.get(Number(req.params.portalId));
    if (!portal) throw notFound(`portal ${req.params.portalId} does not exist`);
    res.json(portal.snapshot());
  });

  /** The portal's recent requests `{ at, endpoint, limit, status }` in arrival order (`?since=` epoch ms). */
  app.get('/_sandbox/portals/:portalId/requests', (req, res) => {
    const since = Number(req.query.since ?? 0);
    if (!Number.isFinite(since)) throw validationError('since must be epoch milliseconds');
    const requests = state.portalCounts.timeline(Number(req.params.portalId)).filter((r) => r.at >= since);
    res.json({ requests });
  });

  app.post('/_sandbox/oauth/next-approval', (req, res) => {
    const body = bodyOf(req);
    const userId = body['userId'];
    state.setNextApproval({ portalId: portalIdOf(body), ...(userId !== undefined ? { userId: String(userId) } : {}) });
    res.status(204).end();
  });

  app.post('/_sandbox/oauth/revoke', (req, res) => {
    res.json({ revokedRefreshTokens: state.oauth.revokePortal(portalIdOf(bodyOf(req))) });
  });

  app.post('/_sandbox/clock/advance', (req, res) => {
    const ms = Number(bodyOf(req)['ms']);
    if (!Number.isFinite(ms) || ms < 0) throw validationError('ms must be a non-negative number');
    state.clock.advance(ms);
    res.json({ now: state.nowIso() });
  });

  /** Requests per endpoint (with statuses), per portal, and refresh_token grants per refresh token. */
  app.get('/_sandbox/stats', (_req, res) => {
    res.json({
      ...state.faults.requests(),
      byPortal: state.portalCounts.snapshot(),
      refreshTokens: state.oauth.refreshTokenStats(),
    });
  });

  app.get('/_sandbox/limits', (_req, res) => {
    res.json(state.limiter.limits);
  });

  /** Changes the rate limits at run time (0 = off). */
  app.put('/_sandbox/limits', (req, res) => {
    const body = bodyOf(req);
    const next = { ...state.limiter.limits };
    for (const key of ['rateLimitPer10s', 'searchRateLimitPerSecond'] as const) {
      if (body[key] === undefined) continue;
      const value = Number(body[key]);
      if (!Number.isInteger(value) || value < 0) throw validationError(`${key} must be a non-negative integer`);
      next[key] = value;
    }
    state.limiter.limits = next;
    state.limiter.reset();
    res.json(next);
  });

  // Fault settings, targeted faults and per-endpoint request counts (shared model, sandbox/common).
  app.use(INSPECTION_PREFIX, state.faults.router());

  app.post('/_sandbox/reset', (_req, res) => {
    state.reset();
    res.status(204).end();
  });
}
