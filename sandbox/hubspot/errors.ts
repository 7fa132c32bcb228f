/**
 * HubSpot's error bodies. API errors share one envelope (`ModelError` in the api-client:
 * status, message, correlationId, category, optional subCategory/context/errors/links);
 * OAuth endpoints answer with their own `status` codes (BAD_REFRESH_TOKEN, …).
 */
import { randomUUID } from 'node:crypto';
import type { ErrorRequestHandler, RequestHandler } from 'express';

export interface ErrorDetail {
  message: string;
  code?: string;
  in?: string;
  subCategory?: string;
  context?: Record<string, string[]>;
}

export interface ApiErrorFields {
  category: string;
  message: string;
  subCategory?: string;
  context?: Record<string, string[]>;
  errors?: ErrorDetail[];
  links?: Record<string, string>;
  /** Fields outside the standard envelope that HubSpot adds for some errors (errorType, policyName, …). */
  extra?: Record<string, unknown>;
}

/** An error that becomes a response: HTTP status + a JSON body. */
export class HubSpotError extends Error {
  constructor(
    readonly httpStatus: number,
    readonly body: Record<string, unknown>,
    readonly headers: Record<string, string> = {},
  ) {
    super(typeof body['message'] === 'string' ? body['message'] : `HubSpot error ${httpStatus}`);
  }
}

export const newCorrelationId = (): string => randomUUID();

/** The standard envelope; key order follows HubSpot's replies (status, message, correlationId, …). */
export function apiErrorBody(fields: ApiErrorFields): Record<string, unknown> {
  const { extra, ...rest } = fields;
  return {
    status: 'error',
    message: rest.message,
    correlationId: newCorrelationId(),
    ...(rest.errors ? { errors: rest.errors } : {}),
    ...(rest.context ? { context: rest.context } : {}),
    ...(rest.links ? { links: rest.links } : {}),
    category: rest.category,
    ...(rest.subCategory ? { subCategory: rest.subCategory } : {}),
    ...extra,
  };
}

export function apiError(httpStatus: number, fields: ApiErrorFields, headers?: Record<string, string>): HubSpotError {
  return new HubSpotError(httpStatus, apiErrorBody(fields), headers);
}

export const validationError = (message: string, extra?: Omit<ApiErrorFields, 'category' | 'message'>): HubSpotError =>
  apiError(400, { category: 'VALIDATION_ERROR', message, ...extra });

export const notFound = (message: string): HubSpotError => apiError(404, { category: 'OBJECT_NOT_FOUND', message });

export const conflict = (message: string, extra?: Omit<ApiErrorFields, 'category' | 'message'>): HubSpotError =>
  apiError(409, { category: 'CONFLICT', message, ...extra });

/** Unknown paths: HubSpot answers 404 with an empty body on unrouted API paths; a JSON body is friendlier to clients. */
export const unknownRoute: RequestHandler = (req, _res, next) => {
  next(apiError(404, { category: 'OBJECT_NOT_FOUND', message: `No route for ${req.method} ${req.path}` }));
};

function isBodyParserError(err: unknown): err is { type: string; status: number; message: string } {
  return typeof err === 'object' && err !== null && 'type' in err && 'status' in err;
}

export const errorHandler: ErrorRequestHandler = (err: unknown, _req, res, _next) => {
  if (res.headersSent) return;
  if (err instanceof HubSpotError) {
    res.set(err.headers).status(err.httpStatus).json(err.body);
    return;
  }
  if (isBodyParserError(err)) {
    // HubSpot answers malformed JSON with 400 "Invalid input JSON on line …".
    res.status(400).json(apiErrorBody({ category: 'VALIDATION_ERROR', message: `Invalid input JSON: ${err.message}` }));
    return;
  }
  const message = err instanceof Error ? err.message : String(err);
  res.status(500).json(apiErrorBody({ category: 'INTERNAL_ERROR', message: `internal error: ${message}` }));
};
