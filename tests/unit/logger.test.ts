import { Writable } from 'node:stream';
import { expect, it } from '@jest/globals';
import { createLogger } from '../../backend/src/logger.js';

it('logs an HTTP client error without the request headers or response body it carries', () => {
  const lines: string[] = [];
  const logger = createLogger(
    'info',
    new Writable({
      write: (chunk: Buffer, _encoding, done) => {
        lines.push(chunk.toString());
        done();
      },
    }),
  );
  const error = Object.assign(new Error('Request failed with status code 500'), {
    status: 500,
    config: { headers: { Authorization: 'Bearer secret-access-token' } },
    response: { data: { name: 'Jane Customer', email: 'jane@customer.example' } },
  });
  logger.error({ err: error, tokens: { access_token: 'another-secret' } }, 'call failed');
  const logged = lines.join('');
  expect(logged).toContain('Request failed with status code 500');
  expect(logged).toContain('"status":500');
  for (const secret of ['secret-access-token', 'another-secret', 'Jane Customer', 'jane@customer.example'])
    expect(logged).not.toContain(secret);
});
