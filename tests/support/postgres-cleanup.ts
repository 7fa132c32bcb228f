import { readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { stopOrphanCluster } from '../../backend/src/db/embedded-server.js';

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** Removes throw-away clusters named `<prefix>-<pid>-*` whose owning process is dead (a killed test run). */
export function removeStaleClusters(prefix: string): void {
  for (const name of readdirSync(tmpdir())) {
    const match = new RegExp(`^${prefix}-(\\d+)-`).exec(name);
    if (!match) continue;
    if (processAlive(Number(match[1]))) continue;
    const dir = join(tmpdir(), name);
    stopOrphanCluster(dir);
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * Waits (up to ~5 s) until no session is connected to `name`: clients that are closing (e.g. a job queue's
 * LISTEN connection) would otherwise see their connection killed by a forced drop or a server stop.
 */
export async function waitForNoSessions(adminUrl: string, name: string): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    for (let attempt = 0; attempt < 100; attempt += 1) {
      const result = await client.query<{ n: number }>(
        'SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = $1',
        [name],
      );
      if (result.rows[0]?.n === 0) return;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  } finally {
    await client.end();
  }
}
