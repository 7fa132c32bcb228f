/**
 * HubSpot uploads only hubspot-app/, so the UI cannot import shared/ directly. This script copies the
 * zod API contracts from shared/src/contracts into hubspot-app/app/shared/contracts, each file with a
 * "generated" header; tests/unit/contracts-copy.test.ts fails when the copy drifts.
 *
 *   npx tsx scripts/sync-contracts.ts           write the copy
 *   npx tsx scripts/sync-contracts.ts --check   exit 1 (and list the files) when the copy is stale
 */
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const REPO_ROOT = fileURLToPath(new URL('..', import.meta.url));
export const CONTRACTS_SOURCE_DIR = join(REPO_ROOT, 'shared', 'src', 'contracts');
export const CONTRACTS_COPY_DIR = join(REPO_ROOT, 'hubspot-app', 'app', 'shared', 'contracts');

export const GENERATED_HEADER =
  '// generated from shared/src/contracts by scripts/sync-contracts.ts — do not edit\n' +
  '// (change shared/src/contracts, then run `npx tsx scripts/sync-contracts.ts`)\n\n';

const isContractFile = (name: string): boolean => name.endsWith('.ts') && !name.endsWith('.test.ts');

function contractFiles(dir: string): string[] {
  return readdirSync(dir).filter(isContractFile).sort();
}

/** What the copy of each contract file must contain: file name → content. */
export function expectedCopy(sourceDir = CONTRACTS_SOURCE_DIR): Map<string, string> {
  return new Map(
    contractFiles(sourceDir).map((name) => [name, GENERATED_HEADER + readFileSync(join(sourceDir, name), 'utf8')]),
  );
}

/** The copy as it is on disk: file name → content. */
export function actualCopy(copyDir = CONTRACTS_COPY_DIR): Map<string, string> {
  let names: string[];
  try {
    names = contractFiles(copyDir);
  } catch {
    return new Map();
  }
  return new Map(names.map((name) => [name, readFileSync(join(copyDir, name), 'utf8')]));
}

/** Files that are missing, stale or left over in the copy (empty when the copy is up to date). */
export function staleFiles(sourceDir = CONTRACTS_SOURCE_DIR, copyDir = CONTRACTS_COPY_DIR): string[] {
  const expected = expectedCopy(sourceDir);
  const actual = actualCopy(copyDir);
  const names = new Set([...expected.keys(), ...actual.keys()]);
  return [...names].filter((name) => expected.get(name) !== actual.get(name)).sort();
}

/** Rewrites the copy from the source; removes copied files whose source is gone. */
export function syncContracts(sourceDir = CONTRACTS_SOURCE_DIR, copyDir = CONTRACTS_COPY_DIR): string[] {
  const changed = staleFiles(sourceDir, copyDir);
  const expected = expectedCopy(sourceDir);
  mkdirSync(copyDir, { recursive: true });
  for (const name of changed) {
    const content = expected.get(name);
    if (content === undefined) rmSync(join(copyDir, name));
    else writeFileSync(join(copyDir, name), content);
  }
  return changed;
}

function main(argv: string[]): number {
  if (argv.includes('--check')) {
    const stale = staleFiles();
    if (stale.length === 0) return 0;
    console.error(`hubspot-app contracts are out of date: ${stale.join(', ')}. Run: npx tsx scripts/sync-contracts.ts`);
    return 1;
  }
  const changed = syncContracts();
  console.log(changed.length === 0 ? 'contracts copy already up to date' : `updated: ${changed.join(', ')}`);
  return 0;
}

const invokedPath = process.argv[1];
if (invokedPath !== undefined && import.meta.url === pathToFileURL(invokedPath).href) {
  process.exitCode = main(process.argv.slice(2));
}
