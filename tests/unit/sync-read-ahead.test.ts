import { describe, expect, it } from '@jest/globals';
import { readAhead } from '../../backend/src/transfer/sync/read-ahead.js';

/** A source of `count` pages whose reads the test finishes one by one; it logs what happened when. */
function source(count: number, failAt?: number) {
  const log: string[] = [];
  const pending: (() => void)[] = [];
  async function* pages() {
    try {
      for (let page = 1; page <= count; page += 1) {
        log.push(`read ${page}`);
        await new Promise<void>((resolve) => pending.push(resolve));
        if (page === failAt) throw new Error(`page ${page} refused`);
        yield page;
      }
    } finally {
      log.push('closed');
    }
  }
  /** Lets the oldest unfinished read finish (after the reader had a chance to start it). */
  const finishRead = async () => {
    for (let turn = 0; turn < 10 && pending.length === 0; turn += 1) await Promise.resolve();
    pending.shift()?.();
  };
  return { log, pages: pages(), finishRead };
}

describe('reading the next source page ahead', () => {
  it('starts reading page n + 1 while the caller works on page n, and hands pages over in order', async () => {
    const { log, pages, finishRead } = source(3);
    const reader = readAhead(pages);
    const first = reader.next();
    await finishRead();
    expect(await first).toEqual({ done: false, value: 1 });
    await finishRead();
    // The caller holds page 1; page 2 is already read.
    expect(log).toEqual(['read 1', 'read 2']);
    const second = await reader.next();
    await finishRead();
    const third = await reader.next();
    const end = await reader.next();
    expect([second.value, third.value, end.done]).toEqual([2, 3, true]);
    expect(log).toEqual(['read 1', 'read 2', 'read 3', 'closed']);
  });

  it('throws a failed read ahead only when the caller asks for that page', async () => {
    const { pages, finishRead } = source(3, 2);
    const reader = readAhead(pages);
    const first = reader.next();
    await finishRead();
    expect((await first).value).toBe(1);
    await finishRead();
    await expect(reader.next()).rejects.toThrow('page 2 refused');
  });

  it('closes the source when the caller stops early', async () => {
    const { log, pages, finishRead } = source(5);
    const reader = readAhead(pages);
    const first = reader.next();
    await finishRead();
    await first;
    const closing = reader.return(undefined);
    await finishRead();
    await closing;
    expect(log).toEqual(['read 1', 'read 2', 'closed']);
  });
});
