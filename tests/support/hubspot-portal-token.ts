import type { RunningHubSpotSandbox } from '../../sandbox/hubspot/index.js';
import { TEST_PUBLIC_ORIGIN } from './test-app.js';

/**
 * An access token of the portal's own, from a second install of the app (authorize → code → token), so
 * a test can set up and read the portal through HubSpot's API rather than through ours.
 */
export async function hubspotPortalToken(
  hubspot: Pick<RunningHubSpotSandbox, 'clientId' | 'clientSecret' | 'appBaseUrl' | 'apiBaseUrl'>,
  portalId: number,
): Promise<string> {
  const approval = await fetch(`${hubspot.apiBaseUrl}/_sandbox/oauth/next-approval`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ portalId }),
  });
  if (approval.status !== 204) throw new Error(`next-approval: ${approval.status}`);
  const redirectUri = `${TEST_PUBLIC_ORIGIN}/oauth/hubspot/callback`;
  const query = new URLSearchParams({
    client_id: hubspot.clientId,
    redirect_uri: redirectUri,
    scope: 'oauth',
    state: 's',
  });
  const authorize = await fetch(`${hubspot.appBaseUrl}/oauth/authorize?${query}`, { redirect: 'manual' });
  const code = new URL(authorize.headers.get('location') ?? '').searchParams.get('code') ?? '';
  const token = await fetch(`${hubspot.apiBaseUrl}/oauth/v1/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({
      grant_type: 'authorization_code',
      client_id: hubspot.clientId,
      client_secret: hubspot.clientSecret,
      redirect_uri: redirectUri,
      code,
    }),
  });
  if (token.status !== 200) throw new Error(`token: ${token.status} ${await token.text()}`);
  return ((await token.json()) as { access_token: string }).access_token;
}
