import { SOURCES } from '../sources/index.js';
import { isAvailable } from '../sources/source-module.js';
import { ConfigError, type Env } from './env.js';

/** demo: in-process sandboxes, a throw-away database, nothing real; real: the configured HubSpot app and sources. */
export type StartMode = 'demo' | 'real';

type RawEnv = Readonly<Record<string, string | undefined>>;

/** HubSpot's app credentials and each source's (PIPEDRIVE_CLIENT_ID…, from its module's config). */
const CREDENTIALS = [
  'HUBSPOT_CLIENT_ID',
  'HUBSPOT_CLIENT_SECRET',
  ...SOURCES.filter(isAvailable).flatMap((source) => source.config.requiredInProduction),
];
/** Any of these set means the operator meant a real configuration. */
const REAL_SETTINGS = ['DATABASE_URL', ...CREDENTIALS];
const isSet = (raw: RawEnv, name: string) => raw[name] !== undefined && raw[name] !== '';

/**
 * Demo mode only when nothing real is configured (no DATABASE_URL, no HubSpot or source credential,
 * NODE_ENV not production), or when DEMO=1 asks for it locally. Anything else is a real configuration,
 * which `requireRealConfiguration` checks is complete.
 */
export function startMode(env: Env, raw: RawEnv): StartMode {
  if (env.DEMO) {
    if (env.NODE_ENV === 'production')
      throw new ConfigError(['DEMO: demo mode is for local use, not with NODE_ENV=production']);
    return 'demo';
  }
  if (env.NODE_ENV !== 'production' && REAL_SETTINGS.every((name) => !isSet(raw, name))) return 'demo';
  return 'real';
}

/**
 * A real configuration names every credential; a partial one stops start-up naming what is missing
 * (it never falls back to demo mode). The embedded Postgres (no DATABASE_URL) is fine outside production.
 */
export function requireRealConfiguration(raw: RawEnv): void {
  const missing = CREDENTIALS.filter((name) => !isSet(raw, name));
  if (missing.length > 0) {
    throw new ConfigError(
      missing.map(
        (name) =>
          `${name}: required by a real configuration (for demo mode, set none of ${REAL_SETTINGS.join(', ')}, or DEMO=1)`,
      ),
    );
  }
}
