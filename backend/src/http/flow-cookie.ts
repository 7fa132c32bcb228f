import type { Request, Response } from 'express';

/** The cookies that bind an OAuth flow to the browser that started it (HubSpot install, source connect). */
export const FLOW_COOKIES = { install: 'st_install', connect: 'st_connect' } as const;
export type FlowCookie = (typeof FLOW_COOKIES)[keyof typeof FLOW_COOKIES];

const FLOW_COOKIE_MAX_AGE_MS = 10 * 60 * 1000; // the state's own lifetime

/**
 * HttpOnly (no script reads it), SameSite=Lax (sent on the top-level redirect back from the provider),
 * Secure whenever the public origin is https (plain HTTP only for local development), scoped to /oauth.
 */
const options = (publicApiOrigin: string) => ({
  httpOnly: true,
  sameSite: 'lax' as const,
  secure: new URL(publicApiOrigin).protocol === 'https:',
  path: '/oauth',
});

export function setFlowCookie(res: Response, name: FlowCookie, nonce: string, publicApiOrigin: string): void {
  res.cookie(name, nonce, { ...options(publicApiOrigin), maxAge: FLOW_COOKIE_MAX_AGE_MS });
}

export function clearFlowCookie(res: Response, name: FlowCookie, publicApiOrigin: string): void {
  res.clearCookie(name, options(publicApiOrigin));
}

export function readFlowCookie(req: Request, name: FlowCookie): string | undefined {
  const value = (req.cookies as Record<string, unknown> | undefined)?.[name];
  return typeof value === 'string' && value.length > 0 ? value : undefined;
}
