/** Contract cases for the OAuth server, driven through the official client's OAuth2Configuration. */
import { v2 } from 'pipedrive';
import { type ContractCase, type ContractContext, viaClient, viaHttp } from '../support/harness.js';

const REDIRECT_URI = 'http://127.0.0.1:1/callback';

/** Runs the authorize step (auto-approved) and returns the code from the callback URL. */
export async function authorizationCode(c: ContractContext): Promise<string> {
  const oauth = oauthClient(c);
  const response = await fetch(`${oauth.authorizationUrl}&state=contract`, { redirect: 'manual' });
  const code = new URL(response.headers.get('location') ?? 'http://invalid').searchParams.get('code');
  if (!code) throw new Error(`authorize did not redirect with a code (status ${response.status})`);
  return code;
}

export function oauthClient(c: ContractContext): v2.OAuth2Configuration {
  return new v2.OAuth2Configuration({
    clientId: c.sandbox.clientId,
    clientSecret: c.sandbox.clientSecret,
    redirectUri: REDIRECT_URI,
    host: c.sandbox.oauthBaseUrl,
  });
}

export function oauthCases(): ContractCase[] {
  return [
    {
      title: 'authorize (consent page)',
      target: { spec: 'v1', operationId: 'authorize' },
      run: async (c) => {
        c.state.configure({ autoApprove: false });
        try {
          return await viaHttp(
            c,
            'GET',
            `/oauth/authorize?client_id=${encodeURIComponent(c.sandbox.clientId)}&redirect_uri=${encodeURIComponent(REDIRECT_URI)}`,
            { auth: false },
          );
        } finally {
          c.state.configure({ autoApprove: true });
        }
      },
    },
    {
      title: 'get-tokens (authorization_code)',
      target: { spec: 'v1', operationId: 'get-tokens' },
      run: async (c) => {
        const code = await authorizationCode(c);
        const oauth = oauthClient(c);
        return viaClient(c, () => oauth.authorize(code));
      },
    },
    {
      title: 'refresh-tokens (refresh_token)',
      target: { spec: 'v1', operationId: 'refresh-tokens' },
      run: async (c) => {
        const oauth = oauthClient(c);
        await oauth.authorize(await authorizationCode(c));
        return viaClient(c, () => oauth.tokenRefresh());
      },
    },
    {
      title: 'revoke (outside the spec: RFC 7009, 200)',
      target: {
        route: 'POST /oauth/revoke',
        check: (result) => {
          if (result.status !== 200) throw new Error(`revoke answered ${result.status}`);
        },
      },
      run: async (c) => {
        const oauth = oauthClient(c);
        await oauth.authorize(await authorizationCode(c));
        return viaClient(c, () => oauth.revokeToken('refresh_token'));
      },
    },
  ];
}
