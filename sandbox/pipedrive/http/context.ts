/** Who is calling: set by the authentication middleware, read by handlers. */
import type { Response } from 'express';

export interface CallerContext {
  userId: number;
  kind: 'oauth' | 'api_token';
  token: string;
  /** The OAuth grant's scopes; null for API tokens (not scoped). */
  scope: string | null;
}

export function setCaller(res: Response, caller: CallerContext): void {
  res.locals.caller = caller;
}

export function callerOf(res: Response): CallerContext {
  const caller: unknown = res.locals.caller;
  if (!isCaller(caller)) throw new Error('route ran without authentication');
  return caller;
}

function isCaller(value: unknown): value is CallerContext {
  return typeof value === 'object' && value !== null && 'userId' in value && 'kind' in value && 'token' in value;
}
