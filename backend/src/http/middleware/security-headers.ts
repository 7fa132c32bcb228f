import type { NextFunction, Request, Response } from 'express';
import helmet from 'helmet';

/**
 * The headers every answer of ours carries: nosniff, no referrer, never framed (frame-ancestors 'none' and
 * X-Frame-Options DENY), HSTS; and nothing is cached: API answers, OAuth pages and downloads are all per
 * user and often single-use.
 */
export function securityHeaders() {
  const headers = helmet({
    contentSecurityPolicy: { directives: { frameAncestors: ["'none'"] } },
    frameguard: { action: 'deny' },
    referrerPolicy: { policy: 'no-referrer' },
  });
  return [
    headers,
    (_req: Request, res: Response, next: NextFunction) => {
      res.setHeader('Cache-Control', 'no-store');
      next();
    },
  ];
}
