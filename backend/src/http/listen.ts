import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Express } from 'express';

export interface Listening {
  server: Server;
  /** Where this machine reaches the server (loopback when it listens on every interface). */
  localUrl: string;
  /** The URL printed for people (localhost for loopback). */
  displayUrl: string;
}

/** Listens on HOST:PORT (PORT 0: any free port). */
export async function listen(app: Express, host: string, port: number): Promise<Listening> {
  const server: Server = await new Promise((resolve) => {
    const listening = app.listen(port, host, () => resolve(listening));
  });
  const bound = (server.address() as AddressInfo).port;
  const localHost = host === '0.0.0.0' ? '127.0.0.1' : host;
  const displayHost = host === '0.0.0.0' || host === '127.0.0.1' ? 'localhost' : host;
  return { server, localUrl: `http://${localHost}:${bound}`, displayUrl: `http://${displayHost}:${bound}` };
}

/** The lines `npm start` prints once it answers. */
export function startBanner(url: string, headline: string, extra: readonly string[] = []): string {
  return [
    '',
    headline,
    ...extra,
    `  API:     ${url}`,
    `  Health:  ${url}/healthz`,
    `  Install: ${url}/oauth/hubspot/install`,
    '',
  ].join('\n');
}
