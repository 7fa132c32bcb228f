import { ConfigError, type Env } from './env.js';

/** demo: in-process sandboxes, a throw-away database, nothing real; real: the configured HubSpot app and sources. */
export type StartMode = 'demo' | 'real';

const CREDENTIALS = ['HUBSPOT_CLIENT_ID', 'HUBSPOT_CLIENT_SECRET', 'PIPEDRIVE_CLIENT_ID', 'PIPEDRIVE_CLIENT_SECRET'] as const satisfies readonly (keyof Env)[];
/** Any of these set means the operator meant a real configuration. */
const REAL_SETTINGS = ['DATABASE_URL', ...CREDENTIALS] as const satisfies readonly (keyof Env)[];

/**
 * Demo mode only when nothing real is configured (no DATABASE_URL, no HubSpot or Pipedrive credential,
 * NODE_ENV not production), or when DEMO=1 asks for it locally. Anything else is a real configuration,
 * which `requireRealConfiguration` checks is complete.
 */
export function startMode(env: Env): StartMode {
  if (env.DEMO) {
    if (env.NODE_ENV === 'production') throw new ConfigError(['DEMO: demo mode is for local use, not with NODE_ENV=production']);
    return 'demo';
  }
  if (env.NODE_ENV !== 'production' && REAL_SETTINGS.every((name) => env[name] === undefined)) return 'demo';
  return 'real';
}

/**
 * A real configuration names every credential; a partial one stops start-up naming what is missing
 * (it never falls back to demo mode). The embedded Postgres (no DATABASE_URL) is fine outside production.
 */
export function requireRealConfiguration(env: Env): void {
  const missing = CREDENTIALS.filter((name) => env[name] === undefined);
  if (missing.length > 0) {
    throw new ConfigError(
      missing.map((name) => `${name}: required by a real configuration (for demo mode, set none of ${REAL_SETTINGS.join(', ')}, or DEMO=1)`),
    );
  }
}
