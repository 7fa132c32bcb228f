import { createHash, randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parentsTraversable } from '../db/traversable.js';

/**
 * The folder for the embedded Postgres cluster and generated local secrets. Postgres runs as the
 * `postgres` user, which must traverse every parent folder; a checkout under a private folder falls back
 * to a per-checkout folder under the system temp dir.
 */
export function resolveDataDir(configured: string): { dir: string; fallbackFrom?: string } {
  const wanted = resolve(configured);
  if (parentsTraversable(join(wanted, 'postgres'))) return { dir: wanted };
  const id = createHash('sha256').update(wanted).digest('hex').slice(0, 12);
  return { dir: join(tmpdir(), `smart-transfer-${id}`), fallbackFrom: wanted };
}

/** A 32-byte key generated once and kept (0600) in the data folder: for local and demo use only. */
export function localEncryptionKey(dataDir: string): Buffer {
  const file = join(dataDir, 'encryption.key');
  if (existsSync(file)) return Buffer.from(readFileSync(file, 'utf8').trim(), 'base64');
  mkdirSync(dataDir, { recursive: true });
  const key = randomBytes(32);
  writeFileSync(file, key.toString('base64'), { mode: 0o600 });
  chmodSync(file, 0o600);
  return key;
}
