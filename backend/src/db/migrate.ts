import { fileURLToPath } from 'node:url';
import { runner } from 'node-pg-migrate';

export const MIGRATIONS_DIR = fileURLToPath(new URL('../../../migrations', import.meta.url));

/**
 * Applies the forward-only SQL migrations in migrations/; safe under concurrent boots: the runner takes an
 * advisory lock, and a process booting while another migrates waits for it instead of failing to start.
 */
export async function migrateUp(databaseUrl: string): Promise<string[]> {
  const applied = await runner({
    databaseUrl,
    dir: MIGRATIONS_DIR,
    direction: 'up',
    migrationsTable: 'schema_migrations',
    checkOrder: true,
    log: () => {},
    noLock: false,
    advisoryLockMode: 'wait',
  });
  return applied.map((migration) => migration.name);
}
