import type { NextFunction, Request, Response } from 'express';
import type { Logger } from 'pino';

/**
 * One line per request: method, route pattern, status, time. Never the query or the concrete path: OAuth
 * codes, states, tickets and download links live there.
 */
export function requestLog(logger: Logger) {
  return (req: Request, res: Response, next: NextFunction): void => {
    const started = process.hrtime.bigint();
    res.on('finish', () => {
      const ms = Number(process.hrtime.bigint() - started) / 1e6;
      const route = (req.route as { path?: string } | undefined)?.path ?? '(no route)';
      logger.info({ method: req.method, route, status: res.statusCode, ms: Math.round(ms) }, 'request');
    });
    next();
  };
}
