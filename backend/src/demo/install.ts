import type { Logger } from 'pino';
import type { Services } from '../compose.js';
import type { Portal } from '../db/repositories/portals.repository.js';

/**
 * Installs the app in the demo portal through the real OAuth flow: authorize (the sandbox approves),
 * then the same callback handling a real install gets, carrying the install's browser nonce as the
 * browser's cookie would.
 */
export async function installDemo(runtime: { services: Pick<Services, 'install'>; logger: Logger }): Promise<Portal> {
  const { install } = runtime.services;
  const { url, browserNonce } = await install.authorizeUrl();
  const authorize = await fetch(url, { redirect: 'manual' });
  const location = authorize.headers.get('location');
  if (authorize.status !== 302 || !location) throw new Error(`demo install: authorize answered ${authorize.status}`);
  const callback = new URL(location);
  const code = callback.searchParams.get('code');
  const state = callback.searchParams.get('state');
  if (!code || !state) throw new Error('demo install: authorize gave no code');
  const portal = await install.completeInstall({ code, state, browserNonce });
  runtime.logger.info({ portalId: portal.id }, 'demo portal installed');
  return portal;
}
