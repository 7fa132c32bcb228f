/** Test helpers: install the app into a sandbox portal the way HubSpot does (authorize → code → token). */
import type { Express } from 'express';
import request from 'supertest';

export interface InstalledTokens {
  access_token: string;
  refresh_token: string;
  expires_in: number;
  hub_id: number;
}

export const CLIENT_ID = 'sandbox-hubspot-client-id';
export const CLIENT_SECRET = 'sandbox-hubspot-client-secret';
export const REDIRECT_URI = 'http://localhost:3000/oauth/hubspot/callback';
export const ALL_SCOPES = 'oauth crm.objects.contacts.read crm.objects.contacts.write';

export async function authorizeCode(app: Express, scope = ALL_SCOPES): Promise<string> {
  const res = await request(app)
    .get('/oauth/authorize')
    .query({ client_id: CLIENT_ID, redirect_uri: REDIRECT_URI, scope, state: 'xyz' })
    .expect(302);
  const code = new URL(res.headers['location'] ?? '').searchParams.get('code');
  if (!code) throw new Error('authorize did not return a code');
  return code;
}

/** The app's exchange of an authorization code for tokens (the test checks the answer). */
export const exchangeCode = (app: Express, code: string, redirectUri = REDIRECT_URI) =>
  request(app).post('/oauth/v1/token').type('form').send({
    grant_type: 'authorization_code',
    client_id: CLIENT_ID,
    client_secret: CLIENT_SECRET,
    redirect_uri: redirectUri,
    code,
  });

export async function install(app: Express, scope = ALL_SCOPES): Promise<InstalledTokens> {
  const res = await exchangeCode(app, await authorizeCode(app, scope)).expect(200);
  return res.body as InstalledTokens;
}

export type Method = 'get' | 'post' | 'put' | 'patch' | 'delete';

/** A supertest call with the bearer token of an install. */
export function authed(app: Express, accessToken: string) {
  return (method: Method, path: string, body?: object) => {
    const call = request(app)[method](path).set('authorization', `Bearer ${accessToken}`);
    return body === undefined ? call : call.send(body);
  };
}
