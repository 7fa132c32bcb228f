import { z } from 'zod';

const url = z.string().url();
const optionalSecret = z.string().min(1).optional();

/** Pipedrive's environment variables (documented in .env.example), parsed into the connector's config. */
export const PipedriveConfigSchema = z
  .object({
    PIPEDRIVE_CLIENT_ID: optionalSecret,
    PIPEDRIVE_CLIENT_SECRET: optionalSecret,
    PIPEDRIVE_OAUTH_BASE_URL: url.default('https://oauth.pipedrive.com'),
    /** Used only until a token response gives the account's own api_domain. */
    PIPEDRIVE_API_BASE_URL: url.default('https://api.pipedrive.com'),
    /**
     * Comma-separated hosts a token's api_domain may name besides PIPEDRIVE_API_BASE_URL (origins, or
     * https://*.domain); default https://*.pipedrive.com, where Pipedrive serves every account's API.
     */
    PIPEDRIVE_ALLOWED_API_DOMAINS: z
      .string()
      .default('https://*.pipedrive.com')
      .transform((value) =>
        value
          .split(',')
          .map((entry) => entry.trim())
          .filter((entry) => entry.length > 0),
      )
      .pipe(
        z.array(
          z
            .string()
            .regex(
              /^https?:\/\/(\*\.)?[a-z0-9.-]+(:\d+)?$/i,
              'each entry must be an origin, optionally https://*.domain',
            ),
        ),
      ),
  })
  .transform((env) => ({
    clientId: env.PIPEDRIVE_CLIENT_ID ?? '',
    clientSecret: env.PIPEDRIVE_CLIENT_SECRET ?? '',
    oauthBaseUrl: env.PIPEDRIVE_OAUTH_BASE_URL,
    apiBaseUrl: env.PIPEDRIVE_API_BASE_URL,
    allowedApiDomains: env.PIPEDRIVE_ALLOWED_API_DOMAINS,
  }));
export type PipedriveConfig = z.output<typeof PipedriveConfigSchema>;
