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
  upstreamFailed,
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
    [upstreamFailed('source_api_domain_refused', 'The app named an API host we do not trust.'), 502],
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

/** The composition roots wire the HTTP layer to the services; they alone may import it. */
const COMPOSITION_ROOTS = ['main.ts', 'compose.ts', 'demo/'];

describe('services speak in domain errors', () => {
  it('nothing under backend/src outside http/ and the composition roots imports the HTTP layer', () => {
    const root = join(process.cwd(), 'backend/src');
    const files = sourceFiles(root)
      .map((file) => relative(root, file))
      .filter((file) => !file.startsWith('http/') && !COMPOSITION_ROOTS.some((entry) => file.startsWith(entry)));
    const offenders = files.filter((file) =>
      /(?:from|import)\s*\(?\s*'(\.{1,2}\/)+http\//.test(readFileSync(join(root, file), 'utf8')),
    );
    expect(files.length).toBeGreaterThan(80);
    expect(files).toEqual(expect.arrayContaining(['auth/hubspot-install.service.ts', 'jobs/job.service.ts']));
    expect(offenders).toEqual([]);
  });
});
