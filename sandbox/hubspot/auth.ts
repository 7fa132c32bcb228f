/**
 * Bearer authentication of API calls: the access token names the portal. Bodies are HubSpot's
 * (INVALID_AUTHENTICATION for a missing/unknown token; EXPIRED_AUTHENTICATION with the expiry time,
 * observed in airbytehq/airbyte#74726).
 */
import type { RequestHandler } from 'express';
import { apiError } from './errors.js';
import { bindContext } from './request-context.js';
import type { SandboxState } from './state.js';

const NOT_FOUND_MESSAGE =
  'Authentication credentials not found. This API supports OAuth 2.0 authentication and you can find more details at https://developers.hubspot.com/docs/methods/auth/oauth-overview';

function expiredAgo(ms: number): string {
  const seconds = Math.floor(ms / 1000);
  if (seconds < 60) return `${seconds} second(s)`;
  if (seconds < 3600) return `${Math.floor(seconds / 60)} minute(s)`;
  if (seconds < 86400) return `${Math.floor(seconds / 3600)} hour(s)`;
  return `${Math.floor(seconds / 86400)} day(s)`;
}

export function bearerAuth(state: SandboxState): RequestHandler {
  return (req, res, next) => {
    const match = /^Bearer\s+(\S+)$/i.exec(req.get('authorization') ?? '');
    const record = match?.[1] ? state.oauth.accessToken(match[1]) : undefined;
    if (!record) throw apiError(401, { category: 'INVALID_AUTHENTICATION', message: NOT_FOUND_MESSAGE });
    const now = state.nowMs();
    if (record.expiresAt <= now) {
      throw apiError(401, {
        category: 'EXPIRED_AUTHENTICATION',
        message: `The OAuth token used to make this call expired ${expiredAgo(now - record.expiresAt)} ago.`,
        context: { 'expire time': [new Date(record.expiresAt).toISOString()] },
      });
    }
    const portal = state.portals.get(record.portalId);
    if (!portal) throw apiError(401, { category: 'INVALID_AUTHENTICATION', message: NOT_FOUND_MESSAGE });
    bindContext(res, { portal, token: record });
    next();
  };
}
