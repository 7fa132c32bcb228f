/**
 * `postinstall` (and by hand: `npx tsx scripts/relocate-postgres-binaries.ts`): makes the embedded
 * Postgres binaries reachable by the `postgres` user when the checkout is under a private folder.
 */
import { relocatePostgresBinaries } from '../backend/src/db/postgres-binaries.js';

const target = relocatePostgresBinaries();
if (target)
  process.stdout.write(
    `Embedded Postgres binaries copied to ${target} (the checkout is not reachable by the postgres user)\n`,
  );
