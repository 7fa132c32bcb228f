import { afterAll, beforeAll, expect, it } from '@jest/globals';
import { PG_MIGRATE_LOCK_ID } from 'node-pg-migrate';
import { migrateUp } from '../../backend/src/db/migrate.js';
import { createTestDatabase, type TestDatabase } from '../support/database.js';
import { waitFor } from '../support/wait-for.js';

let db: TestDatabase;
beforeAll(async () => {
  db = await createTestDatabase();
});
afterAll(async () => {
  await db.drop();
});

it('runs on Node 22', () => {
  expect(process.version).toMatch(/^v22\./);
});

it('gives each test file a real, migrated Postgres database', async () => {
  const version = await db.pool.query<{ server_version_num: string }>('SHOW server_version_num');
  expect(Number(version.rows[0]?.server_version_num)).toBeGreaterThanOrEqual(150000);
  const tables = await db.pool.query<{ table_name: string }>(
    "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' ORDER BY table_name",
  );
  expect(tables.rows.map((row) => row.table_name)).toEqual(
    expect.arrayContaining(['hubspot_tokens', 'oauth_states', 'portals', 'schema_migrations']),
  );
});

it('lets a process boot while another one migrates: it waits for the migration lock instead of failing', async () => {
  // Another process (this connection) is migrating: it holds the runner's advisory lock.
  const migrating = await db.pool.connect();
  try {
    await migrating.query('SELECT pg_advisory_lock($1)', [PG_MIGRATE_LOCK_ID]);
    let outcome = 'pending';
    const booting = migrateUp(db.url).then(
      (applied) => ((outcome = 'migrated'), applied),
      (error: unknown) => ((outcome = 'failed'), Promise.reject(error)),
    );
    const waitingForLock = async () =>
      (
        await db.pool.query<{ waiting: number }>(
          `SELECT count(*)::int AS waiting FROM pg_locks
            WHERE locktype = 'advisory' AND NOT granted AND database = (SELECT oid FROM pg_database WHERE datname = current_database())`,
        )
      ).rows[0]?.waiting ?? 0;
    await waitFor(
      async () => ({ waiting: await waitingForLock(), outcome }),
      (state) => state.waiting === 1 || state.outcome !== 'pending',
      20_000,
      'the booting process to wait for the lock',
    );
    expect(outcome).toBe('pending');
    await migrating.query('SELECT pg_advisory_unlock($1)', [PG_MIGRATE_LOCK_ID]);
    await expect(booting).resolves.toEqual([]);
  } finally {
    migrating.release();
  }
});
