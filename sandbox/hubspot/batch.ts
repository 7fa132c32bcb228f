/**
 * Batch response envelopes: `{status, results, startedAt, completedAt}` and, with failures (HTTP 207),
 * `numErrors` and `errors[]` of `StandardError {status, category, message, context, errors, links}`.
 */
import type { HubSpotError } from './errors.js';

export interface StandardError {
  status: 'error';
  category: string;
  message: string;
  context: Record<string, string[]>;
  errors: unknown[];
  links: Record<string, string>;
  subCategory?: string;
}

export interface BatchTimer {
  startedAt: string;
  now: () => string;
}

export const batchTimer = (now: () => string): BatchTimer => ({ startedAt: now(), now });

export function batchResponse<T>(timer: BatchTimer, results: T[], errors: StandardError[] = []) {
  return {
    status: 'COMPLETE' as const,
    results,
    ...(errors.length ? { numErrors: errors.length, errors } : {}),
    startedAt: timer.startedAt,
    completedAt: timer.now(),
  };
}

/** One input's failure inside a 207, keeping the HubSpot error's category, message and details. */
export function errorEntry(error: HubSpotError, context: Record<string, string[]>): StandardError {
  const body = error.body;
  const details = Array.isArray(body['errors']) ? (body['errors'] as unknown[]) : [];
  const subCategory = typeof body['subCategory'] === 'string' ? body['subCategory'] : undefined;
  return {
    status: 'error',
    category: String(body['category'] ?? 'VALIDATION_ERROR'),
    message: error.message,
    context,
    errors: details,
    links: {},
    ...(subCategory ? { subCategory } : {}),
  };
}
