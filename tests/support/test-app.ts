import { randomBytes } from 'node:crypto';
import type pg from 'pg';
import pino, { type Logger } from 'pino';
import type { Clock } from '../../backend/src/clock.js';
import { composeServices } from '../../backend/src/compose.js';
import type { AppConfig } from '../../backend/src/config/config.js';

export const TEST_PUBLIC_ORIGIN = 'https://api.smart-transfer.test';
export const TEST_CLIENT_SECRET = 'test-hubspot-client-secret';

/** A clock tests move by hand, so expiry is tested without waiting. */
export function manualClock(start = new Date('2026-11-30T10:00:00Z')): Clock & { advance(ms: number): void; set(date: Date): void } {
  let now = start.getTime();
  return {
    now: () => new Date(now),
    advance: (ms) => {
      now += ms;
    },
    set: (date) => {
      now = date.getTime();
    },
  };
}

export function testConfig(overrides: { hubspot?: Partial<AppConfig['hubspot']>; pipedrive?: Partial<AppConfig['pipedrive']> } = {}): AppConfig {
  return {
    publicApiOrigin: TEST_PUBLIC_ORIGIN,
    tokenEncryptionKey: randomBytes(32),
    hubspot: {
      clientId: 'test-hubspot-client-id',
      clientSecret: TEST_CLIENT_SECRET,
      appBaseUrl: 'http://127.0.0.1:9',
      apiBaseUrl: 'http://127.0.0.1:9',
      requestsPer10s: 110,
      ...overrides.hubspot,
    },
    pipedrive: {
      clientId: 'test-pipedrive-client-id',
      clientSecret: 'test-pipedrive-client-secret',
      oauthBaseUrl: 'http://127.0.0.1:9',
      apiBaseUrl: 'http://127.0.0.1:9',
      ...overrides.pipedrive,
    },
  };
}

/** The real services over a test database; logs go nowhere unless a logger is given. */
export function testServices(pool: pg.Pool, config: AppConfig, clock: Clock, logger: Logger = pino({ level: 'silent' })) {
  return composeServices({ config, db: pool, clock, logger });
}
