import type { NextFunction, Request, Response } from 'express';
import type { Logger } from 'pino';
import { DomainError, type DomainErrorKind } from '../../domain-errors.js';

/** The one place where a domain's failure becomes an HTTP status. */
const STATUS_OF: Readonly<Record<DomainErrorKind, number>> = {
  invalid: 400,
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  upstream_failed: 502,
};

/** The status a domain error is answered with (also on the HTML result pages of the OAuth flows). */
export const statusOf = (error: DomainError): number => STATUS_OF[error.kind];

interface BodyParserError {
  type?: string;
  status?: number;
  expose?: boolean;
}

/** A body-parser (or static file) failure the client caused: its 4xx status, in our error shape. */
const isClientHttpError = (error: BodyParserError) =>
  error.expose === true && typeof error.status === 'number' && error.status >= 400 && error.status < 500;

/** Renders every failure as `{ error: { code, message, details? } }`; unexpected ones are logged, not leaked. */
export function errorHandler(logger: Logger) {
  return (error: unknown, req: Request, res: Response, _next: NextFunction): void => {
    if (error instanceof DomainError) {
      res.status(statusOf(error)).json({
        error: {
          code: error.code,
          message: error.message,
          ...(error.details === undefined ? {} : { details: error.details }),
        },
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
    if (isClientHttpError(parserError)) {
      const code = (parserError.type ?? 'bad_request').replace(/[^a-z]+/gi, '_').toLowerCase();
      const message = 'The request body could not be read (an unsupported encoding or charset, or an incomplete body).';
      res.status(parserError.status as number).json({ error: { code, message } });
      return;
    }
    logger.error(
      { err: error, method: req.method, route: (req.route as { path?: string } | undefined)?.path },
      'unhandled error',
    );
    res
      .status(500)
      .json({ error: { code: 'internal_error', message: 'Something went wrong on our side. Try again.' } });
  };
}

export function notFoundHandler(req: Request, res: Response): void {
  res.status(404).json({ error: { code: 'not_found', message: `No such endpoint: ${req.method} ${req.path}` } });
}
