import { randomBytes } from 'node:crypto';
import { describe, expect, it } from '@jest/globals';
import { ConfigError, parseEnv } from '../../backend/src/config/env.js';
import { requireRealConfiguration, startMode } from '../../backend/src/config/start-mode.js';

describe('configuration', () => {
  it('starts with no variables at all (demo mode defaults)', () => {
    const env = parseEnv({});
    expect(env.PORT).toBe(3000);
    expect(env.HUBSPOT_API_BASE_URL).toBe('https://api.hubapi.com');
    expect(env.HUBSPOT_APP_BASE_URL).toBe('https://app.hubspot.com');
    expect(env.HUBSPOT_CLIENT_SECRET).toBeUndefined();
  });

  it('names the variable that has a bad value', () => {
    expect(() => parseEnv({ PORT: 'eighty' })).toThrow(/PORT/);
    expect(() => parseEnv({ HUBSPOT_API_BASE_URL: 'not a url' })).toThrow(/HUBSPOT_API_BASE_URL/);
    expect(() => parseEnv({ TOKEN_ENCRYPTION_KEY: 'c2hvcnQ=' })).toThrow(/TOKEN_ENCRYPTION_KEY: must be 32 bytes/);
    expect(() => parseEnv({ DATABASE_URL: 'mysql://x' })).toThrow(/DATABASE_URL/);
    // A source's own variables are checked by its module's config schema, at the same moment.
    expect(() => parseEnv({ PIPEDRIVE_API_BASE_URL: 'not a url' })).toThrow(/PIPEDRIVE_API_BASE_URL/);
  });

  it('requires every secret explicitly in production', () => {
    let thrown: unknown;
    try {
      parseEnv({ NODE_ENV: 'production', HUBSPOT_CLIENT_ID: 'id' });
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(ConfigError);
    const problems = (thrown as ConfigError).problems.join('\n');
    for (const name of [
      'PUBLIC_API_ORIGIN',
      'DATABASE_URL',
      'TOKEN_ENCRYPTION_KEY',
      'HUBSPOT_CLIENT_SECRET',
      'PIPEDRIVE_CLIENT_ID',
    ]) {
      expect(problems).toContain(name);
    }
    expect(problems).not.toContain('HUBSPOT_CLIENT_ID:');
  });

  it('accepts a complete production configuration', () => {
    const env = parseEnv({
      NODE_ENV: 'production',
      PUBLIC_API_ORIGIN: 'https://api.example.com',
      DATABASE_URL: 'postgres://u:p@db:5432/app',
      TOKEN_ENCRYPTION_KEY: randomBytes(32).toString('base64'),
      HUBSPOT_CLIENT_ID: 'id',
      HUBSPOT_CLIENT_SECRET: 'secret',
      PIPEDRIVE_CLIENT_ID: 'pd-id',
      PIPEDRIVE_CLIENT_SECRET: 'pd-secret',
    });
    expect(env.NODE_ENV).toBe('production');
  });
});

describe('start mode (npm start)', () => {
  const CREDENTIALS = {
    HUBSPOT_CLIENT_ID: 'id',
    HUBSPOT_CLIENT_SECRET: 's',
    PIPEDRIVE_CLIENT_ID: 'pid',
    PIPEDRIVE_CLIENT_SECRET: 'ps',
  };
  const modeOf = (raw: Record<string, string>) => startMode(parseEnv(raw), raw);
  const problems = (run: () => void) => {
    try {
      run();
    } catch (error) {
      if (error instanceof ConfigError) return error.problems.join('\n');
      throw error;
    }
    return '';
  };

  it('is the demo only when nothing real is configured', () => {
    expect(modeOf({})).toBe('demo');
    expect(modeOf({ DATABASE_URL: 'postgres://u@db/app' })).toBe('real');
    expect(modeOf({ HUBSPOT_CLIENT_ID: 'id' })).toBe('real');
    expect(modeOf({ PIPEDRIVE_CLIENT_SECRET: 'x' })).toBe('real');
  });

  it('stops a partial configuration naming what is missing (DATABASE_URL without the HubSpot secret)', () => {
    const listed = problems(() =>
      requireRealConfiguration({ DATABASE_URL: 'postgres://u@db/app', HUBSPOT_CLIENT_ID: 'id' }),
    );
    for (const name of ['HUBSPOT_CLIENT_SECRET', 'PIPEDRIVE_CLIENT_ID', 'PIPEDRIVE_CLIENT_SECRET'])
      expect(listed).toContain(`${name}:`);
    expect(listed).not.toContain('HUBSPOT_CLIENT_ID:');
  });

  it('takes HubSpot and Pipedrive credentials with the embedded Postgres (no DATABASE_URL) as complete', () => {
    expect(modeOf(CREDENTIALS)).toBe('real');
    expect(problems(() => requireRealConfiguration(CREDENTIALS))).toBe('');
  });

  it('lets DEMO=1 force the demo locally, never in production', () => {
    expect(modeOf({ ...CREDENTIALS, DATABASE_URL: 'postgres://u@db/app', DEMO: '1' })).toBe('demo');
    expect(problems(() => modeOf({ ...CREDENTIALS, DEMO: '1', NODE_ENV: 'development' }))).toBe('');
    const production = {
      ...CREDENTIALS,
      NODE_ENV: 'production',
      DEMO: '1',
      PUBLIC_API_ORIGIN: 'https://api.example.com',
      DATABASE_URL: 'postgres://u@db/app',
      TOKEN_ENCRYPTION_KEY: randomBytes(32).toString('base64'),
    };
    expect(problems(() => modeOf(production))).toContain('DEMO:');
  });

  it('reads TRUST_PROXY as a hop count, off by default', () => {
    expect(parseEnv({}).TRUST_PROXY).toBe(0);
    expect(parseEnv({ TRUST_PROXY: '2' }).TRUST_PROXY).toBe(2);
    expect(() => parseEnv({ TRUST_PROXY: 'yes' })).toThrow(/TRUST_PROXY/);
  });
});
