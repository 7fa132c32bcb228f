import { join } from 'node:path';
import type { Logger } from 'pino';
import { createDatabase, databaseExists, dropDatabase } from './db/create-database.js';
import { startEmbeddedServer } from './db/embedded-server.js';
import { migrateUp } from './db/migrate.js';

export interface RuntimeDatabase {
  url: string;
  stop(): Promise<void>;
}

/** The app's own database in its embedded Postgres. */
const APP_DATABASE = 'smart_transfer';

/**
 * DATABASE_URL when given; otherwise the app's own embedded Postgres under the data folder, with the
 * app's database, or `freshDatabase` dropped and recreated at every start (the demo's).
 */
export async function openRuntimeDatabase(options: {
  databaseUrl?: string;
  freshDatabase?: string;
  dataDir: string;
  logger: Logger;
}): Promise<RuntimeDatabase> {
  let url = options.databaseUrl;
  let stop = async () => {};
  if (!url) {
    const server = await startEmbeddedServer({
      dataDir: join(options.dataDir, 'postgres'),
      persistent: true,
      durable: true,
    });
    const name = options.freshDatabase ?? APP_DATABASE;
    if (options.freshDatabase !== undefined) await dropDatabase(server.adminUrl, name);
    if (!(await databaseExists(server.adminUrl, name))) await createDatabase(server.adminUrl, name);
    url = server.urlFor(name);
    stop = () => server.stop();
    options.logger.info({ dataDir: options.dataDir, database: name }, 'embedded postgres started');
  }
  const applied = await migrateUp(url);
  if (applied.length > 0) options.logger.info({ migrations: applied }, 'migrations applied');
  return { url, stop };
}
