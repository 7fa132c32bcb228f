/** Forward paging as HubSpot returns it: `paging.next.after` (an opaque cursor) and `paging.next.link`. */
import type { Request } from 'express';
import { validationError } from './errors.js';

export interface ForwardPaging {
  next: { after: string; link: string };
}

export function parseLimit(raw: unknown, fallback: number, max: number): number {
  if (raw === undefined || raw === '') return fallback;
  const limit = Number(raw);
  if (!Number.isInteger(limit) || limit < 1)
    throw validationError(`limit must be a positive integer, got ${String(raw)}`);
  return Math.min(limit, max);
}

/** The offset an `after` cursor names; HubSpot cursors are integer-formatted strings. */
export function parseAfter(raw: unknown): number {
  if (raw === undefined || raw === '') return 0;
  const offset = Number(raw);
  if (!Number.isInteger(offset) || offset < 0)
    throw validationError(`after must be an integer-formatted cursor, got ${String(raw)}`);
  return offset;
}

/** The link HubSpot puts next to a cursor: the same URL with `after` replaced. */
export function nextLink(req: Request, after: string): string {
  const url = new URL(req.originalUrl, `${req.protocol}://${req.get('host') ?? 'localhost'}`);
  url.searchParams.set('after', after);
  return url.toString();
}

export function pagingAfter(req: Request, after: string): { paging: ForwardPaging } {
  return { paging: { next: { after, link: nextLink(req, after) } } };
}

/** One page of an in-memory list, cursor = offset. */
export function pageOf<T>(
  items: readonly T[],
  limit: number,
  rawAfter: unknown,
  req: Request,
): { results: T[]; paging?: ForwardPaging } {
  const offset = parseAfter(rawAfter);
  const results = items.slice(offset, offset + limit);
  const end = offset + results.length;
  return end < items.length ? { results, ...pagingAfter(req, String(end)) } : { results };
}
