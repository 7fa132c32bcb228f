/** `https://*.pipedrive.com` or an exact origin: the scheme, the host (or its subdomains with `*.`) and the port must match. */
function matches(pattern: string, candidate: URL): boolean {
  const wildcard = pattern.includes('://*.');
  const allowed = new URL(pattern.replace('://*.', '://'));
  if (allowed.protocol !== candidate.protocol || allowed.port !== candidate.port) return false;
  return candidate.hostname === allowed.hostname || (wildcard && candidate.hostname.endsWith(`.${allowed.hostname}`));
}

/**
 * A source's token response may name the account's own API host (Pipedrive's `api_domain`); the app then
 * sends the account's token there. Only the hosts the source's module trusts with its configuration are
 * accepted (Pipedrive: its configured API base URL and `https://*.pipedrive.com`).
 */
export function createApiDomainCheck(trustedApiDomains: (source: string) => readonly string[]) {
  return (source: string, apiDomain: string | null): boolean => {
    if (apiDomain === null) return true;
    let candidate: URL;
    try {
      candidate = new URL(apiDomain);
    } catch {
      return false;
    }
    if (candidate.username || candidate.password || (candidate.pathname !== '/' && candidate.pathname !== ''))
      return false;
    return trustedApiDomains(source).some((pattern) => matches(pattern, candidate));
  };
}
export type ApiDomainCheck = ReturnType<typeof createApiDomainCheck>;
