import type { Response } from 'express';
import { DomainError } from '../domain-errors.js';
import { statusOf } from './middleware/errors.js';

const escapeHtml = (text: string) =>
  text.replace(
    /[&<>"']/g,
    (char) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[char] ?? char,
  );

/** The small page a browser lands on after an OAuth round trip (install or source connect). */
function resultPage(title: string, message: string): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(title)} · Smart Transfer</title>
<style>body{font-family:system-ui,sans-serif;max-width:36rem;margin:4rem auto;padding:0 1rem;color:#33475b}h1{font-size:1.4rem}</style>
</head><body><h1>${escapeHtml(title)}</h1><p>${escapeHtml(message)}</p></body></html>`;
}

/**
 * Answers an OAuth landing: a browser gets a readable page, an API client the JSON body (the error
 * envelope when `code` is given).
 */
export function respondWithResult(
  res: Response,
  outcome: { status: number; title: string; message: string; code?: string },
): void {
  res.status(outcome.status).format({
    json: () =>
      res.json(
        outcome.code ? { error: { code: outcome.code, message: outcome.message } } : { message: outcome.message },
      ),
    html: () => res.send(resultPage(outcome.title, outcome.message)),
  });
}

/** Answers an OAuth landing that failed for a reason the user can act on; anything else goes to the error middleware. */
export function respondWithFailure(res: Response, error: unknown, title: string): void {
  if (!(error instanceof DomainError)) throw error;
  respondWithResult(res, { status: statusOf(error), code: error.code, title, message: error.message });
}
