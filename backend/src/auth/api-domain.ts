import type { SourceId } from '../../../shared/src/contracts/index.js';
import type { AppConfig } from '../config/config.js';

/** `https://*.pipedrive.com` or an exact origin: the scheme, the host (or its subdomains with `*.`) and the port must match. */
function matches(pattern: string, candidate: URL): boolean {
  const wildcard = pattern.includes('://*.');
  const allowed = new URL(pattern.replace('://*.', '://'));
  if (allowed.protocol !== candidate.protocol || allowed.port !== candidate.port) return false;
  return candidate.hostname === allowed.hostname || (wildcard && candidate.hostname.endsWith(`.${allowed.hostname}`));
}

/**
 * A source's token response may name the account's own API host (Pipedrive's `api_domain`); the app then
 * sends the account's token there. Only hosts the configuration trusts are accepted: the configured API
 * base URL and the source's own patterns (Pipedrive: `https://*.pipedrive.com`).
 */
/** Pipedrive serves every account's API from a subdomain of pipedrive.com, over https. */
const PIPEDRIVE_API_DOMAINS = ['https://*.pipedrive.com'];

export function createApiDomainCheck(config: Pick<AppConfig, 'pipedrive'>) {
  const trusted: Partial<Record<SourceId, string[]>> = {
    pipedrive: [new URL(config.pipedrive.apiBaseUrl).origin, ...(config.pipedrive.allowedApiDomains ?? PIPEDRIVE_API_DOMAINS)],
  };
  return (source: SourceId, apiDomain: string | null): boolean => {
    if (apiDomain === null) return true;
    let candidate: URL;
    try {
      candidate = new URL(apiDomain);
    } catch {
      return false;
    }
    if (candidate.username || candidate.password || (candidate.pathname !== '/' && candidate.pathname !== '')) return false;
    return (trusted[source] ?? []).some((pattern) => matches(pattern, candidate));
  };
}
export type ApiDomainCheck = ReturnType<typeof createApiDomainCheck>;
