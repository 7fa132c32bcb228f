import type { NextFunction, Request, Response } from 'express';
import type { Logger } from 'pino';
import { DomainError, type DomainErrorKind } from '../../domain-errors.js';
import { HttpError } from '../errors.js';

/** The one place where a domain's failure becomes an HTTP status. */
const STATUS_OF: Readonly<Record<DomainErrorKind, number>> = {
  invalid: 400,
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
};

interface BodyParserError {
  type?: string;
  status?: number;
}

/** Renders every failure as `{ error: { code, message, details? } }`; unexpected ones are logged, not leaked. */
export function errorHandler(logger: Logger) {
  return (error: unknown, req: Request, res: Response, _next: NextFunction): void => {
    if (error instanceof HttpError || error instanceof DomainError) {
      const status = error instanceof HttpError ? error.status : STATUS_OF[error.kind];
      res.status(status).json({
        error: { code: error.code, message: error.message, ...(error.details === undefined ? {} : { details: error.details }) },
      });
      return;
    }
    const parserError = error as BodyParserError;
    if (parserError.type === 'entity.too.large') {
      res.status(413).json({ error: { code: 'body_too_large', message: 'The request body is larger than 1 MB.' } });
      return;
    }
    if (parserError.type === 'entity.parse.failed') {
      res.status(400).json({ error: { code: 'invalid_json', message: 'The request body is not valid JSON.' } });
      return;
    }
    logger.error({ err: error, method: req.method, route: (req.route as { path?: string } | undefined)?.path }, 'unhandled error');
    res.status(500).json({ error: { code: 'internal_error', message: 'Something went wrong on our side. Try again.' } });
  };
}

export function notFoundHandler(req: Request, res: Response): void {
  res.status(404).json({ error: { code: 'not_found', message: `No such endpoint: ${req.method} ${req.path}` } });
}
