/**
 * Pipedrive's error bodies. The gateway answers every authentication failure (no token, unknown,
 * expired or revoked token) with the same 401 body (observed on the live API, 2026); API errors use
 * the `error` / `error_info` envelope of the core-api-concepts-responses page.
 */
import type { FaultResponse } from '../../common/faults.js';

const ERROR_INFO = 'Please check developers.pipedrive.com for more information about Pipedrive API.';

export const UNAUTHORIZED: FaultResponse = {
  status: 401,
  body: {
    success: false,
    error: 'unauthorized access',
    errorCode: 401,
    error_info: 'Please check developers.pipedrive.com',
  },
  headers: { 'x-401-by-gw': 'true' },
};

/** An OAuth token without a scope the operation needs (marketplace OAuth status codes page); body in the gateway's form. */
export const SCOPE_MISMATCH: FaultResponse = {
  status: 403,
  body: {
    success: false,
    error: 'Scope and URL mismatch',
    errorCode: 403,
    error_info: 'Please check developers.pipedrive.com',
  },
};

/** The 429 body is not published in full (the docs example is cut after `{"succ`); this follows the gateway's 401 form. */
export function rateLimitedBody(): unknown {
  return {
    success: false,
    error: 'Request over limit',
    errorCode: 429,
    error_info: 'Please check developers.pipedrive.com',
  };
}

export function errorBody(message: string, extra: Record<string, unknown> = {}): unknown {
  return { success: false, error: message, error_info: ERROR_INFO, data: null, additional_data: null, ...extra };
}

const STATUS_MESSAGES: Record<number, string> = {
  400: 'Bad request',
  403: 'Forbidden',
  404: 'Not found',
  410: 'Gone',
  500: 'Internal server error',
  502: 'Bad gateway',
  503: 'Requested service is not available',
  504: 'Gateway timeout',
};

/** What Pipedrive answers for a status the sandbox is told to fail with (fault injection). */
export function standardResponse(status: number): FaultResponse {
  if (status === 401) return UNAUTHORIZED;
  if (status === 429) return { status, body: rateLimitedBody() };
  return { status, body: errorBody(STATUS_MESSAGES[status] ?? `HTTP ${status}`) };
}

/** Thrown by handlers; the error middleware renders it with the Pipedrive envelope. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly extra: Record<string, unknown> = {},
  ) {
    super(message);
  }
}

export const badRequest = (message: string): ApiError => new ApiError(400, message);
export const notFound = (what: string): ApiError => new ApiError(404, `${what} not found`);
