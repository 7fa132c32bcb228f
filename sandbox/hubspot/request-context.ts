/** What the bearer middleware learned about a request (portal, token), readable by later handlers. */
import type { Response } from 'express';
import type { AccessTokenRecord } from './oauth/store.js';
import type { Portal } from './portal.js';

interface RequestContext {
  portal: Portal;
  token: AccessTokenRecord;
}

const contexts = new WeakMap<Response, RequestContext>();

export function bindContext(res: Response, context: RequestContext): void {
  contexts.set(res, context);
}

export function contextOf(res: Response): RequestContext | undefined {
  return contexts.get(res);
}

export function portalOf(res: Response): Portal {
  const context = contexts.get(res);
  if (!context) throw new Error('portalOf() called on a route that is not behind the bearer middleware');
  return context.portal;
}
