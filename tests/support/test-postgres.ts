import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createDatabase } from '../../backend/src/db/create-database.js';
import { type EmbeddedServer, startEmbeddedServer } from '../../backend/src/db/embedded-server.js';
import { migrateUp } from '../../backend/src/db/migrate.js';
import { removeStaleClusters } from './postgres-cleanup.js';

export const TEMPLATE_DATABASE = 'app_template';

/** One real Postgres per test run, with a migrated template database that each test file clones. */
export async function startTestPostgres(): Promise<EmbeddedServer> {
  removeStaleClusters('jest-pg');
  const server = await startEmbeddedServer({
    dataDir: join(tmpdir(), `jest-pg-${process.pid}-${Date.now()}`),
    persistent: false,
    durable: false,
  });
  await createDatabase(server.adminUrl, TEMPLATE_DATABASE);
  await migrateUp(server.urlFor(TEMPLATE_DATABASE));
  return server;
}
