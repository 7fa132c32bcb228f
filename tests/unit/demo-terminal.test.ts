import { describe, expect, it } from '@jest/globals';
import { progressPrinter } from '../../backend/src/demo/terminal.js';

/** A stand-in for process.stdout that keeps what is written. */
function output(isTTY: boolean) {
  const written: string[] = [];
  const stream = { isTTY, write: (text: string) => written.push(text) > 0 } as unknown as NodeJS.WriteStream;
  return { stream, text: () => written.join('') };
}

describe('the demo’s progress output', () => {
  it('redraws one bar in place on a terminal, then ends its line before the next step', () => {
    const out = output(true);
    const printer = progressPrinter(out.stream);
    printer.step?.('sync');
    printer.syncProgress?.(0, 2000);
    printer.syncProgress?.(1000, 2000);
    printer.syncProgress?.(2000, 2000);
    printer.end();
    const text = out.text();
    expect(text.startsWith('Syncing records…\n')).toBe(true);
    expect(text.match(/\r/g)).toHaveLength(3);
    expect(text).toContain(`[${'#'.repeat(15)}${'.'.repeat(15)}] 1,000 / 2,000 records (50 %)`);
    expect(text.endsWith(`[${'#'.repeat(30)}] 2,000 / 2,000 records (100 %)\n`)).toBe(true);
  });

  it('prints plain lines, at most one per tenth, when stdout is not a terminal', () => {
    const out = output(false);
    const printer = progressPrinter(out.stream);
    for (let done = 0; done <= 1000; done += 25) printer.syncProgress?.(done, 1000);
    const lines = out.text().trim().split('\n');
    expect(out.text()).not.toContain('\r');
    expect(lines).toHaveLength(11);
    expect(lines.at(-1)).toBe('  sync: 1,000 / 1,000 records (100 %)');
  });
});
