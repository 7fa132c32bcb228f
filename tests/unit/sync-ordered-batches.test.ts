import { describe, expect, it } from '@jest/globals';
import { orderedBatches } from '../../backend/src/transfer/sync/ordered-batches.js';

/** Batches whose HubSpot writes the test finishes (or fails) one by one; the log says what happened when. */
function batches() {
  const log: string[] = [];
  const finish = new Map<string, (error?: Error) => void>();
  const batch = (name: string) => async () => {
    log.push(`write ${name}`);
    await new Promise<void>((resolve, reject) => finish.set(name, (error) => (error ? reject(error) : resolve())));
    log.push(`written ${name}`);
    return async () => {
      log.push(`commit ${name}`);
    };
  };
  /** Lets the pipeline run every step that no longer waits for a write. */
  const settle = () => new Promise((resolve) => setImmediate(resolve));
  const end = async (name: string, error?: Error) => {
    finish.get(name)?.(error);
    await settle();
  };
  return { log, batch, end, settle };
}

describe('several batches in flight, committed in order', () => {
  it('writes up to `depth` batches at once and commits them in push order whichever write ends first', async () => {
    const { log, batch, end, settle } = batches();
    const pipeline = orderedBatches(2);
    await pipeline.push(batch('1'));
    await pipeline.push(batch('2'));
    const third = pipeline.push(batch('3'));
    await settle();
    // Two in flight: the third waits for a slot.
    expect(log).toEqual(['write 1', 'write 2']);
    await end('2');
    // Batch 2 is written but may not commit before batch 1.
    expect(log).toEqual(['write 1', 'write 2', 'written 2']);
    await end('1');
    await third;
    expect(log).toEqual(['write 1', 'write 2', 'written 2', 'written 1', 'commit 1', 'commit 2', 'write 3']);
    const drained = pipeline.drain();
    await end('3');
    await drained;
    expect(log.slice(-2)).toEqual(['written 3', 'commit 3']);
  });

  it('commits the batches before a failed one, none after it, and throws once every write has settled', async () => {
    const { log, batch, end } = batches();
    const pipeline = orderedBatches(3);
    for (const name of ['1', '2', '3']) await pipeline.push(batch(name));
    await end('3');
    await end('2', new Error('batch 2 refused'));
    let thrown: unknown = null;
    const drained = pipeline.drain().catch((error: unknown) => {
      thrown = error;
    });
    await end('1');
    await drained;
    expect(log).toEqual(['write 1', 'write 2', 'write 3', 'written 3', 'written 1', 'commit 1']);
    expect(thrown).toEqual(new Error('batch 2 refused'));
    // The next push is refused with the same failure, and starts nothing.
    await expect(pipeline.push(batch('4'))).rejects.toThrow('batch 2 refused');
    expect(log).not.toContain('write 4');
  });

  it('does not throw a failure before the writes still in flight have settled', async () => {
    const { log, batch, end, settle } = batches();
    const pipeline = orderedBatches(2);
    await pipeline.push(batch('1'));
    await pipeline.push(batch('2'));
    let thrown = false;
    const drained = pipeline.drain().catch(() => {
      thrown = true;
    });
    await end('1', new Error('batch 1 refused'));
    await settle();
    expect(thrown).toBe(false);
    await end('2');
    await drained;
    expect(thrown).toBe(true);
    expect(log).toEqual(['write 1', 'write 2', 'written 2']);
  });

  it('starts a batch naming a record of one in flight only once that one has committed', async () => {
    const { log, batch, end, settle } = batches();
    const pipeline = orderedBatches(4);
    await pipeline.push(batch('1'), ['a', 'b']);
    await pipeline.push(batch('2'), ['c']);
    const third = pipeline.push(batch('3'), ['b', 'd']);
    await settle();
    expect(log).toEqual(['write 1', 'write 2']);
    await end('1');
    await third;
    expect(log).toEqual(['write 1', 'write 2', 'written 1', 'commit 1', 'write 3']);
    await end('2');
    await end('3');
    await pipeline.drain();
    expect(log.slice(-3)).toEqual(['commit 2', 'written 3', 'commit 3']);
  });
});
