import { z } from 'zod';
import { HUBSPOT_TIERS } from '../hubspot/portal-limits.js';
import { SOURCES } from '../sources/index.js';
import { sourceConfigProblems } from '../sources/source-configs.js';

const url = z.string().url();
const optionalSecret = z.string().min(1).optional();

/**
 * Every environment variable the backend reads, in one place. `.env.example` documents each one.
 * Unset secrets are allowed only outside production: demo mode generates safe local values. Each source's
 * own variables (PIPEDRIVE_…) belong to its module's config schema and are checked here with the rest.
 */
export const EnvSchema = z.object({
  NODE_ENV: z.enum(['development', 'test', 'production']).default('development'),
  HOST: z.string().min(1).default('127.0.0.1'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  /** 1: demo mode even though something real is configured (local use only; see config/start-mode.ts). */
  DEMO: z
    .enum(['0', '1'])
    .optional()
    .transform((value) => value === '1'),
  /** Demo mode only: the size of the generated demo Pipedrive account. */
  DEMO_RECORDS: z.coerce.number().int().min(1).max(100_000).default(3000),
  /**
   * How many proxy hops in front of the app may set X-Forwarded-For (the client address used for rate
   * limits). 0, the default: none; the socket's address is the client's.
   */
  TRUST_PROXY: z.coerce.number().int().min(0).max(10).default(0),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /** The origin HubSpot calls (permittedUrls.fetch) and signs; OAuth redirect URIs are built from it. */
  PUBLIC_API_ORIGIN: url.optional(),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must be a postgres:// URL')
    .optional(),
  /** Where the embedded Postgres and generated demo secrets live when DATABASE_URL is not set. */
  DATA_DIR: z.string().min(1).default('.data'),
  /** 32 bytes, base64: encrypts every OAuth token at rest (AES-256-GCM). */
  TOKEN_ENCRYPTION_KEY: z
    .string()
    .refine((value) => Buffer.from(value, 'base64').length === 32, 'must be 32 bytes encoded as base64')
    .optional(),
  HUBSPOT_CLIENT_ID: optionalSecret,
  HUBSPOT_CLIENT_SECRET: optionalSecret,
  HUBSPOT_APP_ID: z.coerce.number().int().positive().optional(),
  HUBSPOT_APP_BASE_URL: url.default('https://app.hubspot.com'),
  HUBSPOT_API_BASE_URL: url.default('https://api.hubapi.com'),
  /** Requests per rolling 10 s per portal (HubSpot OAuth apps: 110). */
  HUBSPOT_REQUESTS_PER_10S: z.coerce.number().int().positive().default(110),
  /** The portals' HubSpot tier, which sets the associations API's limit (HubSpot's API does not tell it): the lowest by default. */
  HUBSPOT_TIER: z.enum(HUBSPOT_TIERS).default('free'),
  /** HubSpot's API limit increase pack: associations at 200 per 10 s whatever the tier. */
  HUBSPOT_LIMIT_INCREASE: z
    .enum(['true', 'false'])
    .default('false')
    .transform((value) => value === 'true'),
  /** The web process also runs queued jobs (true), or leaves them to `npm run worker` processes (false). */
  WORKERS_IN_WEB: z
    .enum(['true', 'false'])
    .default('true')
    .transform((value) => value === 'true'),
  /** Jobs one worker process runs at once. */
  WORKER_CONCURRENCY: z.coerce.number().int().min(1).max(32).default(2),
  /** A worker that stops sending heartbeats this long (killed, frozen) loses its job to another worker. */
  JOB_HEARTBEAT_SECONDS: z.coerce.number().int().min(10).default(10),
  /** How often abandoned jobs are looked for. */
  JOB_SUPERVISE_SECONDS: z.coerce.number().int().min(1).default(10),
});
export type Env = z.infer<typeof EnvSchema>;

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((problem) => `  - ${problem}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

const PRODUCTION_REQUIRED = [
  'PUBLIC_API_ORIGIN',
  'DATABASE_URL',
  'TOKEN_ENCRYPTION_KEY',
  'HUBSPOT_CLIENT_ID',
  'HUBSPOT_CLIENT_SECRET',
] as const satisfies readonly (keyof Env)[];

/** Parses the environment; a bad value fails with a message naming the variable. */
export function parseEnv(source: NodeJS.ProcessEnv): Env {
  const raw = Object.fromEntries(Object.entries(source).filter(([, value]) => value !== ''));
  const result = EnvSchema.safeParse(raw);
  if (!result.success) {
    throw new ConfigError(result.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`));
  }
  const env = result.data;
  const production = env.NODE_ENV === 'production';
  const missing = production ? PRODUCTION_REQUIRED.filter((name) => env[name] === undefined) : [];
  const problems = [
    ...missing.map((name) => `${name}: required when NODE_ENV=production`),
    ...sourceConfigProblems(source, SOURCES, production),
  ];
  if (problems.length > 0) throw new ConfigError(problems);
  return env;
}
