import type { Express } from 'express';
import request from 'supertest';
import { ConnectTicketResponse } from '../../shared/src/contracts/index.js';
import { signedCall, withIdentity } from './signed-request.js';
import { TEST_PUBLIC_ORIGIN } from './test-app.js';

/** The `name=value` pairs a response sets, as a browser would send them back (for supertest's Cookie header). */
export function browserCookies(res: { headers: Record<string, unknown> }): string {
  const set = (res.headers['set-cookie'] as string[] | undefined) ?? [];
  return set.map((cookie) => cookie.split(';', 1)[0]).join('; ');
}

/** Path and query of one of our own public URLs, for supertest. */
const local = (url: string) => {
  const parsed = new URL(url);
  if (parsed.origin !== TEST_PUBLIC_ORIGIN) throw new Error(`expected a URL of ours, got ${url}`);
  return `${parsed.pathname}${parsed.search}`;
};

/** Install → HubSpot authorize (the sandbox approves) → our callback, as a browser follows it. */
export async function installPortal(app: Express): Promise<void> {
  const start = await request(app).get('/oauth/hubspot/install');
  const authorize = await fetch(start.headers.location as string, { redirect: 'manual' });
  const done = await request(app)
    .get(local(authorize.headers.get('location') as string))
    .set('Accept', 'application/json')
    .set('Cookie', browserCookies(start));
  if (done.status !== 200) throw new Error(`install failed: ${done.status} ${JSON.stringify(done.body)}`);
}

/**
 * Connects a source the way the UI does: a signed ticket request, then the browser tab: our start →
 * the source's authorize (the sandbox or stub approves) → our callback.
 */
/** Returns the message of the page the flow ends on. */
export async function connectSource(app: Express, portalId: number, source: string, userId = 7): Promise<string> {
  const ticket = await signedCall(app, {
    method: 'POST',
    path: withIdentity('/api/v1/connect-tickets', portalId, userId),
    body: { source },
  });
  if (ticket.status !== 201) throw new Error(`connect ticket failed: ${ticket.status} ${JSON.stringify(ticket.body)}`);
  const start = await request(app).get(local(ConnectTicketResponse.parse(ticket.body).connectUrl));
  if (start.status !== 302) throw new Error(`connect start failed: ${start.status} ${JSON.stringify(start.body)}`);
  const authorize = await fetch(start.headers.location as string, { redirect: 'manual' });
  const callback = await request(app)
    .get(local(authorize.headers.get('location') as string))
    .set('Accept', 'application/json')
    .set('Cookie', browserCookies(start));
  if (callback.status !== 200)
    throw new Error(`connect callback failed: ${callback.status} ${JSON.stringify(callback.body)}`);
  return (callback.body as { message: string }).message;
}

export const connectPipedrive = (app: Express, portalId: number, userId = 7): Promise<string> =>
  connectSource(app, portalId, 'pipedrive', userId);
