import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from '@jest/globals';
import express from 'express';
import pino from 'pino';
import request from 'supertest';
import {
  conflict,
  type DomainError,
  forbidden,
  invalid,
  notFound,
  unauthorized,
} from '../../backend/src/domain-errors.js';
import { errorHandler } from '../../backend/src/http/middleware/errors.js';

/** An app whose one route throws the given error, rendered by the real error middleware. */
function appThrowing(error: Error) {
  const app = express();
  app.get('/boom', () => {
    throw error;
  });
  app.use(errorHandler(pino({ level: 'silent' })));
  return app;
}

describe('domain errors over HTTP', () => {
  const cases: [DomainError, number][] = [
    [invalid('source_unavailable', 'Transfers from this app are not available yet.'), 400],
    [unauthorized('invalid_ticket', 'This connect link has expired.'), 401],
    [forbidden('wrong_app', 'This request was made for another app.'), 403],
    [notFound('job_not_found', 'No such job in this HubSpot account.'), 404],
    [conflict('job_already_running', 'Another audit is already running.', { jobId: 'j-1' }), 409],
  ];

  it.each(cases)('renders %s as status %i with { error: { code, message, details? } }', async (error, status) => {
    const res = await request(appThrowing(error)).get('/boom');
    expect(res.status).toBe(status);
    expect(res.body).toEqual({
      error: {
        code: error.code,
        message: error.message,
        ...(error.details === undefined ? {} : { details: error.details }),
      },
    });
  });
});

/** Every .ts file under a folder of backend/src. */
function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory()
      ? sourceFiles(join(dir, entry.name))
      : entry.name.endsWith('.ts')
        ? [join(dir, entry.name)]
        : [],
  );
}

describe('services speak in domain errors', () => {
  it('no service of jobs, transfer, hubspot or the connect tickets imports the HTTP layer', () => {
    const root = join(process.cwd(), 'backend/src');
    const files = [
      ...['jobs', 'transfer', 'hubspot'].flatMap((dir) => sourceFiles(join(root, dir))),
      join(root, 'auth/connect-tickets.ts'),
    ];
    const offenders = files
      .filter((file) => /from '(\.\.\/)+http\//.test(readFileSync(file, 'utf8')))
      .map((file) => relative(root, file));
    expect(files.length).toBeGreaterThan(10);
    expect(offenders).toEqual([]);
  });
});
