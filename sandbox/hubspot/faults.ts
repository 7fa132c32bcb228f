/**
 * HubSpot's faults, on the shared model (sandbox/common/faults.ts): seeded rates of 429, 5xx, slow
 * responses, connection resets and token expiry, plus targeted faults. This module supplies what is
 * HubSpot's: the bodies of injected errors and the expiry of the caller's access token.
 */
import type { Request } from 'express';
import { createFaults, type FaultResponse, type Faults } from '../common/faults.js';
import { apiErrorBody } from './errors.js';
import { INSPECTION_PREFIX } from './inspection-prefix.js';
import type { SandboxState } from './state.js';
import { endpointOf } from './stats.js';

/** Categories HubSpot uses for the statuses a fault may stage. */
const CATEGORY_BY_STATUS: Record<number, string> = {
  400: 'VALIDATION_ERROR',
  401: 'INVALID_AUTHENTICATION',
  403: 'MISSING_SCOPES',
  404: 'OBJECT_NOT_FOUND',
  409: 'CONFLICT',
  423: 'LOCKED',
  429: 'RATE_LIMITS',
  477: 'MIGRATION_IN_PROGRESS',
};

function errorResponse(status: number): FaultResponse {
  if (status === 429) {
    return {
      status,
      headers: { 'X-HubSpot-RateLimit-Interval-Milliseconds': '10000', 'X-HubSpot-RateLimit-Remaining': '0' },
      body: apiErrorBody({
        category: 'RATE_LIMITS',
        message: 'You have reached your ten_secondly_rolling limit.',
        extra: { errorType: 'RATE_LIMIT', policyName: 'TEN_SECONDLY_ROLLING' },
      }),
    };
  }
  // 423: "Locks will last for 2 seconds" (error-handling guide).
  const message =
    status === 423
      ? 'The record is locked; retry after at least 2 seconds.'
      : status >= 500
        ? 'internal error'
        : `error ${status}`;
  return {
    status,
    body: apiErrorBody({
      category: CATEGORY_BY_STATUS[status] ?? (status >= 500 ? 'INTERNAL_ERROR' : 'ERROR'),
      message,
    }),
  };
}

export function createHubSpotFaults(state: SandboxState): Faults {
  return createFaults({
    seed: state.options.seed,
    endpointOf: (req: Request) => endpointOf(req.method, req.path),
    applies: (req: Request) => !req.path.startsWith(INSPECTION_PREFIX),
    responder: {
      errorResponse,
      expireToken(req) {
        const match = /^Bearer\s+(\S+)$/i.exec(req.get('authorization') ?? '');
        const record = match?.[1] ? state.oauth.accessToken(match[1]) : undefined;
        if (!record) return undefined;
        record.expiresAt = state.nowMs();
        return {
          status: 401,
          body: apiErrorBody({
            category: 'EXPIRED_AUTHENTICATION',
            message: 'The OAuth token used to make this call expired 0 second(s) ago.',
            context: { 'expire time': [new Date(record.expiresAt).toISOString()] },
          }),
        };
      },
    },
  });
}
