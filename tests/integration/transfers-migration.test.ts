import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, expect, it } from '@jest/globals';
import { runner } from 'node-pg-migrate';
import pg from 'pg';
import { createDatabase, dropDatabase } from '../../backend/src/db/create-database.js';
import { MIGRATIONS_DIR } from '../../backend/src/db/migrate.js';
import { waitForNoSessions } from '../support/postgres-cleanup.js';

const adminUrl = process.env.PG_ADMIN_URL ?? '';
const name = `t_migration_${randomBytes(6).toString('hex')}`;
let url: string;
let pool: pg.Pool;

const migrate = (count?: number) =>
  runner({
    databaseUrl: url,
    dir: MIGRATIONS_DIR,
    direction: 'up',
    migrationsTable: 'schema_migrations',
    checkOrder: true,
    log: () => {},
    ...(count ? { count } : {}),
  });

beforeAll(async () => {
  await createDatabase(adminUrl, name);
  const parsed = new URL(adminUrl);
  parsed.pathname = `/${name}`;
  url = parsed.toString();
  pool = new pg.Pool({ connectionString: url, max: 2 });
});
afterAll(async () => {
  await pool.end();
  await waitForNoSessions(adminUrl, name);
  await dropDatabase(adminUrl, name);
});

it('turns the jobs of an existing database into transfers, and an unfinished audit’s counts into its tasks', async () => {
  // The schema before transfers existed, with one finished and one half-counted audit.
  await migrate(2);
  await pool.query(`INSERT INTO portals (id, status, installed_by_user_id, scopes) VALUES (77, 'installed', 1, '{}')`);
  const connection = await pool.query<{ id: string }>(
    `INSERT INTO connections (portal_id, source, status) VALUES (77, 'pipedrive', 'connected') RETURNING id`,
  );
  const connectionId = connection.rows[0]?.id;
  const counts = {
    persons: { cursor: 'c-persons', total: 1500, breakdown: {}, done: false },
    deals: { cursor: null, total: 40, breakdown: { open: 30, won: 10 }, facets: { currency: { EUR: 40 } }, done: true },
  };
  const jobs = await pool.query<{ id: string }>(
    `INSERT INTO jobs (portal_id, connection_id, kind, status, checkpoint) VALUES
       (77, $1, 'audit', 'COMPLETE', '{}'), (77, $1, 'audit', 'PAUSED', $2) RETURNING id`,
    [connectionId, JSON.stringify({ counts, usage: { requests: 5, cost: 50 } })],
  );
  const pausedId = jobs.rows[1]?.id;

  await migrate();

  const transfers = await pool.query('SELECT id, kind FROM transfers ORDER BY created_at');
  expect(transfers.rows.map((row: { kind: string }) => row.kind)).toEqual(['audit', 'audit']);
  const tasks = await pool.query(
    'SELECT object, status, cursor, read_count FROM transfer_tasks WHERE transfer_id = $1 ORDER BY object',
    [pausedId],
  );
  expect(tasks.rows).toEqual([
    {
      object: 'deals',
      status: 'done',
      cursor: { cursor: null, breakdown: { open: 30, won: 10 }, facets: { currency: { EUR: 40 } } },
      read_count: '40',
    },
    { object: 'persons', status: 'running', cursor: { cursor: 'c-persons', breakdown: {} }, read_count: '1500' },
  ]);
  const checkpoint = await pool.query('SELECT checkpoint FROM jobs WHERE id = $1', [pausedId]);
  expect(checkpoint.rows[0]).toEqual({ checkpoint: { usage: { requests: 5, cost: 50 } } });
});
