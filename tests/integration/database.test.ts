import { afterAll, beforeAll, expect, it } from '@jest/globals';
import { createTestDatabase, type TestDatabase } from '../support/database.js';

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
