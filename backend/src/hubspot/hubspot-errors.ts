import { z } from 'zod';
import type { HubSpotRetryReason } from './decide-retry.js';

const Context = z.record(z.string(), z.array(z.string())).catch({});

/** HubSpot's error envelope (`StandardError` in a 207, `Error` of a 4xx): the parts the sync acts on. */
const ErrorBody = z.object({
  category: z.string().catch('UNKNOWN'),
  subCategory: z.string().nullish(),
  message: z.string().catch(''),
  context: Context.optional(),
  errors: z
    .array(z.object({ code: z.string().nullish(), message: z.string().catch(''), context: Context.optional() }))
    .catch([])
    .optional(),
  policyName: z.string().optional(),
});

/** Why HubSpot refused one input (or a whole batch): category, message and the context naming what it concerns. */
export interface HubSpotInputError {
  category: string;
  subCategory: string | null;
  message: string;
  /** E.g. `{ objectWriteTraceId: ['p-17'] }` or `{ propertyName: ['email'] }`: which input and which property. */
  context: Record<string, string[]>;
  /** The finer errors HubSpot lists under it, each with its own code and context. */
  details: { code: string | null; message: string; context: Record<string, string[]> }[];
}

export function toInputError(body: unknown): HubSpotInputError | null {
  const parsed = ErrorBody.safeParse(body);
  if (!parsed.success) return null;
  const error = parsed.data;
  return {
    category: error.category,
    subCategory: error.subCategory ?? null,
    message: error.message,
    context: error.context ?? {},
    details: (error.errors ?? []).map((detail) => ({
      code: detail.code ?? null,
      message: detail.message,
      context: detail.context ?? {},
    })),
  };
}

/** The 429 body's `policyName` (which limit was hit), or null. */
export function policyNameOf(body: unknown): string | null {
  const parsed = ErrorBody.safeParse(body);
  return parsed.success ? (parsed.data.policyName ?? null) : null;
}

/**
 * A batch call's answer, kept whole: what HubSpot wrote and, per refused input, why. `complete` (200/201),
 * `partial` (207: some inputs refused), `rejected` (400: the batch was refused, nothing written).
 */
export interface HubSpotBatchResult<T> {
  outcome: 'complete' | 'partial' | 'rejected';
  results: T[];
  errors: HubSpotInputError[];
}

const BatchBody = z.object({
  results: z.array(z.unknown()).catch([]).default([]),
  errors: z.array(z.unknown()).catch([]).default([]),
});

/** Reads a batch response; null for a status a batch answer never has (the caller treats it as a failure). */
export function readBatchResponse<T>(status: number, body: unknown): HubSpotBatchResult<T> | null {
  if (status === 400) {
    const error = toInputError(body);
    return error ? { outcome: 'rejected', results: [], errors: [error] } : null;
  }
  if (status !== 200 && status !== 201 && status !== 207) return null;
  const parsed = BatchBody.safeParse(body);
  if (!parsed.success) return null;
  const errors = parsed.data.errors.map(toInputError).filter((error): error is HubSpotInputError => error !== null);
  return {
    outcome: status === 207 || errors.length > 0 ? 'partial' : 'complete',
    results: parsed.data.results as T[],
    errors,
  };
}

/** A HubSpot call failed after our retries; `status` is HubSpot's HTTP status (null: not reachable). */
export class HubSpotApiError extends Error {
  constructor(
    readonly status: number | null,
    readonly reason: HubSpotRetryReason,
    message: string,
    /** How long until trying again makes sense (e.g. until the daily limit resets); 0 when unknown. */
    readonly retryAfterMs: number,
    /** HubSpot's own account of the failure, when its body had one. */
    readonly error: HubSpotInputError | null = null,
  ) {
    super(message);
    this.name = 'HubSpotApiError';
  }
}
