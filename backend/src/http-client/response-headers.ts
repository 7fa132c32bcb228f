/**
 * Reading an API response's headers the same way for every client: fetch's `Headers` or a plain object
 * (axios, Node), names matched case-insensitively, an array value read by its first item.
 */
export type HeaderSource = Headers | Readonly<Record<string, unknown>>;

export function header(headers: HeaderSource, name: string): string | null {
  if (headers instanceof Headers) return headers.get(name);
  const wanted = name.toLowerCase();
  const key = Object.keys(headers).find((candidate) => candidate.toLowerCase() === wanted);
  const value: unknown = key === undefined ? undefined : headers[key];
  const first: unknown = Array.isArray(value) ? value[0] : value;
  return first === undefined || first === null ? null : String(first);
}

/** A count or a duration the header gives as a non-negative number; null when absent or unreadable. */
export function nonNegativeNumber(headers: HeaderSource, name: string): number | null {
  const value = header(headers, name);
  if (value === null || value.trim() === '') return null;
  const parsed = Number(value);
  return Number.isFinite(parsed) && parsed >= 0 ? parsed : null;
}

/**
 * `Retry-After` as milliseconds from `now`: delta-seconds or an HTTP date (RFC 9110 §10.2.3); null when
 * absent or unreadable.
 */
export function retryAfterMs(headers: HeaderSource, now: number): number | null {
  const value = header(headers, 'retry-after')?.trim();
  if (!value) return null;
  if (/^\d+(\.\d+)?$/.test(value)) return Math.round(Number(value) * 1000);
  // Every HTTP-date form names its month ("Sun, 06 Nov 1994 08:49:37 GMT"); Date.parse alone would take "-5".
  const date = /[a-z]/i.test(value) ? Date.parse(value) : Number.NaN;
  return Number.isNaN(date) ? null : Math.max(0, date - now);
}
