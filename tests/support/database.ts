import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { createDatabase, dropDatabase } from '../../backend/src/db/create-database.js';
import { waitForNoSessions } from './postgres-cleanup.js';

export interface TestDatabase {
  url: string;
  pool: pg.Pool;
  drop(): Promise<void>;
}

function adminUrl(): string {
  const url = process.env.PG_ADMIN_URL;
  if (!url)
    throw new Error('PG_ADMIN_URL is not set: run the tests through npm test (jest globalSetup starts Postgres)');
  return url;
}

/** A fresh, migrated database for one test file (a copy of the template built in globalSetup). */
export async function createTestDatabase(): Promise<TestDatabase> {
  const name = `t_${process.env.JEST_WORKER_ID ?? '0'}_${randomBytes(6).toString('hex')}`;
  await createDatabase(adminUrl(), name, 'app_template');
  const url = new URL(adminUrl());
  url.pathname = `/${name}`;
  const pool = new pg.Pool({ connectionString: url.toString(), max: 10 });
  return {
    url: url.toString(),
    pool,
    async drop() {
      await pool.end();
      // Clients of the file (e.g. the job queue's LISTEN connection) may still be closing: wait for them,
      // so DROP … WITH (FORCE) does not kill a connection whose owner would report it as an error.
      await waitForNoSessions(adminUrl(), name);
      await dropDatabase(adminUrl(), name);
    },
  };
}
