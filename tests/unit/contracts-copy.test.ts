import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from '@jest/globals';
import {
  actualCopy,
  CONTRACTS_COPY_DIR,
  CONTRACTS_SOURCE_DIR,
  expectedCopy,
  GENERATED_HEADER,
  staleFiles,
  syncContracts,
} from '../../scripts/sync-contracts.ts';

describe('the copy of the API contracts in hubspot-app', () => {
  it('is up to date with shared/src/contracts (run `npx tsx scripts/sync-contracts.ts` if this fails)', () => {
    expect(staleFiles()).toEqual([]);
    expect([...actualCopy().keys()]).toEqual([...expectedCopy().keys()]);
    expect([...actualCopy().keys()]).toEqual(
      expect.arrayContaining(['connect.ts', 'errors.ts', 'guide.ts', 'index.ts', 'paths.ts', 'sources.ts']),
    );
  });

  it('marks every copied file as generated, over the exact source text', () => {
    for (const [name, content] of actualCopy()) {
      expect(content.startsWith(GENERATED_HEADER)).toBe(true);
      expect(content.slice(GENERATED_HEADER.length)).toBe(readFileSync(join(CONTRACTS_SOURCE_DIR, name), 'utf8'));
    }
    expect(CONTRACTS_COPY_DIR.endsWith(join('hubspot-app', 'app', 'shared', 'contracts'))).toBe(true);
  });
});

describe('scripts/sync-contracts.ts', () => {
  it('detects an edited, a missing and a left-over file, and sync repairs all three', () => {
    const work = mkdtempSync(join(tmpdir(), 'contracts-sync-'));
    try {
      const source = join(work, 'source');
      const copy = join(work, 'copy');
      mkdirSync(source);
      writeFileSync(join(source, 'a.ts'), 'export const a = 1;\n');
      writeFileSync(join(source, 'b.ts'), 'export const b = 2;\n');
      writeFileSync(join(source, 'a.test.ts'), 'not a contract\n');
      expect(syncContracts(source, copy)).toEqual(['a.ts', 'b.ts']);
      expect(staleFiles(source, copy)).toEqual([]);

      writeFileSync(join(copy, 'a.ts'), `${GENERATED_HEADER}export const a = 'edited by hand';\n`);
      rmSync(join(copy, 'b.ts'));
      writeFileSync(join(copy, 'gone.ts'), `${GENERATED_HEADER}export const gone = true;\n`);
      expect(staleFiles(source, copy)).toEqual(['a.ts', 'b.ts', 'gone.ts']);

      expect(syncContracts(source, copy)).toEqual(['a.ts', 'b.ts', 'gone.ts']);
      expect(staleFiles(source, copy)).toEqual([]);
      expect(readFileSync(join(copy, 'a.ts'), 'utf8')).toBe(`${GENERATED_HEADER}export const a = 1;\n`);
      expect([...actualCopy(copy).keys()]).toEqual(['a.ts', 'b.ts']);
    } finally {
      rmSync(work, { recursive: true, force: true });
    }
  });
});
