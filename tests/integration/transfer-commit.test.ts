import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { withTransaction } from '../../backend/src/db/pool.js';
import { idMapRepository } from '../../backend/src/db/repositories/id-map.repository.js';
import { jobsRepository } from '../../backend/src/db/repositories/jobs.repository.js';
import { ledgerRepository } from '../../backend/src/db/repositories/ledger.repository.js';
import { transfersRepository } from '../../backend/src/db/repositories/transfers.repository.js';
import { StaleTaskError } from '../../backend/src/jobs/job-errors.js';
import { createTransferRun, type TransferBatch, type TransferRun } from '../../backend/src/jobs/transfer-run.js';
import { createTestDatabase, type TestDatabase } from '../support/database.js';
import { portalWithConnection } from '../support/fixtures.js';

let db: TestDatabase;
let portalSeq = 500;

beforeAll(async () => {
  db = await createTestDatabase();
});
afterAll(async () => {
  await db.drop();
});

/** A sync transfer of a fresh connection, with its tasks started in dependency order. */
async function startedSync(): Promise<TransferRun> {
  portalSeq += 1;
  const connection = await portalWithConnection(db.pool, portalSeq);
  const transfer = await withTransaction(db.pool, async (tx) => {
    const job = await jobsRepository.create(tx, {
      portalId: portalSeq,
      connectionId: connection.id,
      kind: 'sync',
      createdByUserId: 1,
    });
    return transfersRepository.createForJob(tx, job.id);
  });
  const run = createTransferRun(db.pool, transfer);
  await run.start(['organizations', 'persons']);
  return run;
}

/** One batch of persons: two records written to HubSpot, one refused, and the task's cursor moved on. */
async function writePersonsBatch(tx: TransferBatch, between?: () => Promise<void>) {
  await tx.intend([
    { itemType: 'record', hubspotObject: 'contacts', itemKey: 'p-1', action: 'created' },
    {
      itemType: 'record',
      hubspotObject: 'contacts',
      itemKey: 'p-2',
      action: 'reused',
      previousValues: { firstname: 'Ann' },
    },
  ]);
  await tx.mapIds([
    { object: 'persons', sourceId: 'p-1', hubspotObject: 'contacts', hubspotId: '901' },
    { object: 'persons', sourceId: 'p-2', hubspotObject: 'contacts', hubspotId: '902' },
  ]);
  await tx.confirm([
    { itemType: 'record', hubspotObject: 'contacts', itemKey: 'p-1', hubspotId: '901' },
    { itemType: 'record', hubspotObject: 'contacts', itemKey: 'p-2', hubspotId: '902' },
  ]);
  await between?.();
  await tx.recordErrors('persons', [
    {
      sourceId: 'p-3',
      code: 'VALIDATION_ERROR',
      message: 'Email address x is invalid',
      context: { propertyName: ['email'] },
    },
  ]);
  await tx.advance('persons', { cursor: { after: 'p-3' }, counts: { read: 3, created: 1, updated: 1, failed: 1 } });
}

/** Every row the batch may have left, read from the database. */
async function rowsOf(run: TransferRun) {
  const { id, connectionId } = run.transfer;
  const count = async (sql: string, param: string) =>
    Number((await db.pool.query<{ n: string }>(sql, [param])).rows[0]?.n);
  const task = await db.pool.query<{
    cursor: unknown;
    cursor_version: number;
    read_count: string;
    failed_count: string;
  }>(
    `SELECT cursor, cursor_version, read_count, failed_count FROM transfer_tasks WHERE transfer_id = $1 AND object = 'persons'`,
    [id],
  );
  return {
    idMap: await count('SELECT count(*) AS n FROM id_map WHERE connection_id = $1', connectionId),
    ledger: await count('SELECT count(*) AS n FROM ledger_entries WHERE transfer_id = $1', id),
    errors: await count('SELECT count(*) AS n FROM record_errors WHERE transfer_id = $1', id),
    cursor: task.rows[0]?.cursor ?? null,
    read: Number(task.rows[0]?.read_count),
  };
}

const NOTHING = { idMap: 0, ledger: 0, errors: 0, cursor: null, read: 0 };

describe('commit(tx): one batch, one transaction', () => {
  it('commits the batch’s id-map, ledger and error rows with the task’s cursor and counts', async () => {
    const run = await startedSync();
    const before = run.tasks().find((task) => task.object === 'persons');
    await run.commit((tx) => writePersonsBatch(tx));
    expect(await rowsOf(run)).toEqual({ idMap: 2, ledger: 2, errors: 1, cursor: { after: 'p-3' }, read: 3 });
    const ledger = await db.pool.query(
      'SELECT item_key, action, state, hubspot_id, previous_values FROM ledger_entries WHERE transfer_id = $1 ORDER BY item_key',
      [run.transfer.id],
    );
    expect(ledger.rows).toEqual([
      { item_key: 'p-1', action: 'created', state: 'confirmed', hubspot_id: '901', previous_values: null },
      {
        item_key: 'p-2',
        action: 'reused',
        state: 'confirmed',
        hubspot_id: '902',
        previous_values: { firstname: 'Ann' },
      },
    ]);
    const after = run.tasks().find((task) => task.object === 'persons');
    expect(after?.cursorVersion).toBe((before?.cursorVersion ?? 0) + 1);
    expect(after?.counts).toEqual({ read: 3, created: 1, updated: 1, skipped: 0, failed: 1 });
  });

  it('leaves none of the batch’s rows when the work throws half-way', async () => {
    const run = await startedSync();
    const failure = new Error('HubSpot refused the batch');
    await expect(
      run.commit(async (tx) => {
        await writePersonsBatch(tx);
        throw failure;
      }),
    ).rejects.toBe(failure);
    expect(await rowsOf(run)).toEqual(NOTHING);
    expect(run.tasks().find((task) => task.object === 'persons')?.counts.read).toBe(0);
  });

  it('leaves none of the batch’s rows when its connection is killed half-way', async () => {
    const run = await startedSync();
    await expect(
      run.commit((tx) =>
        writePersonsBatch(tx, async () => {
          // Another session kills this transaction's backend after its id-map and ledger rows are written.
          const pid = (await tx.client.query<{ pid: number }>('SELECT pg_backend_pid() AS pid')).rows[0]?.pid;
          await db.pool.query('SELECT pg_terminate_backend($1)', [pid]);
        }),
      ),
    ).rejects.toThrow();
    expect(await rowsOf(run)).toEqual(NOTHING);
    // The pool replaced the dead connection: the next batch commits.
    await run.commit((tx) => writePersonsBatch(tx));
    expect((await rowsOf(run)).read).toBe(3);
  });

  it('refuses the batch of a stale worker once another attempt took the task over', async () => {
    const stale = await startedSync();
    const takeover = createTransferRun(db.pool, stale.transfer);
    await takeover.start(['organizations', 'persons']);
    await expect(stale.commit((tx) => writePersonsBatch(tx))).rejects.toBeInstanceOf(StaleTaskError);
    expect(await rowsOf(stale)).toEqual(NOTHING);
    await takeover.commit((tx) => tx.advance('persons', { cursor: { after: 'p-9' }, counts: { read: 9 } }));
    expect(await rowsOf(takeover)).toMatchObject({ cursor: { after: 'p-9' }, read: 9 });
  });

  it('keeps the tasks in dependency order and adds only the missing ones on a later start', async () => {
    const run = await startedSync();
    const tasks = await run.start(['organizations', 'persons', 'deals']);
    expect(tasks.map((task) => [task.object, task.position])).toEqual([
      ['organizations', 1],
      ['persons', 2],
      ['deals', 3],
    ]);
  });

  it('confirms written items in one call: an intent written before the call keeps its values, others land confirmed', async () => {
    const run = await startedSync();
    const record = (itemKey: string) => ({ itemType: 'record', hubspotObject: 'engagements', itemKey });
    // The create call's intent, durable before the call (outside any batch's commit).
    await run.intend([{ ...record('n-1'), action: 'created', writeTraceId: 'n-1' }]);
    expect(await ledgerRepository.unconfirmed(db.pool, run.transfer.id)).toMatchObject([
      { itemKey: 'n-1', state: 'intended' },
    ]);
    await run.commit((tx) =>
      tx.confirmWritten([
        { ...record('n-1'), action: 'reused', previousValues: { hs_note_body: 'later' }, hubspotId: '701' },
        { ...record('n-2'), action: 'reused', previousValues: { hs_note_body: 'before' }, hubspotId: '702' },
      ]),
    );
    const entries = await ledgerRepository.forTransfer(db.pool, run.transfer.id);
    expect(
      entries.map(({ itemKey, action, state, hubspotId, previousValues, writeTraceId }) => ({
        itemKey,
        action,
        state,
        hubspotId,
        previousValues,
        writeTraceId,
      })),
    ).toEqual([
      {
        itemKey: 'n-1',
        action: 'created',
        state: 'confirmed',
        hubspotId: '701',
        previousValues: null,
        writeTraceId: 'n-1',
      },
      {
        itemKey: 'n-2',
        action: 'reused',
        state: 'confirmed',
        hubspotId: '702',
        previousValues: { hs_note_body: 'before' },
        writeTraceId: null,
      },
    ]);
  });

  it("finds association ends in one query: the mapped end's id, else whether its own task failed it in this transfer", async () => {
    const run = await startedSync();
    const other = await startedSync();
    await run.commit(async (tx) => {
      await tx.mapIds([{ object: 'persons', sourceId: 'p-1', hubspotObject: 'contacts', hubspotId: '901' }]);
      await tx.recordErrors('persons', [{ sourceId: 'p-2', code: 'VALIDATION_ERROR', message: 'refused' }]);
      // The same id failed as an organization: not a failed person.
      await tx.recordErrors('organizations', [{ sourceId: 'p-3', code: 'VALIDATION_ERROR', message: 'refused' }]);
    });
    // Failed in another transfer: not this one's failure.
    await other.commit((tx) => tx.recordErrors('persons', [{ sourceId: 'p-4', code: 'X', message: 'refused' }]));
    const ends = await idMapRepository.associationEnds(db.pool, {
      connectionId: run.transfer.connectionId,
      transferId: run.transfer.id,
      ends: ['p-1', 'p-2', 'p-3', 'p-4', 'p-5'].map((sourceId) => ({ object: 'persons', sourceId })),
      tasks: [
        { object: 'organizations', task: 'organizations' },
        { object: 'persons', task: 'persons' },
      ],
    });
    expect(ends.sort((a, b) => a.sourceId.localeCompare(b.sourceId))).toEqual([
      { object: 'persons', sourceId: 'p-1', hubspotId: '901', failed: false },
      { object: 'persons', sourceId: 'p-2', hubspotId: null, failed: true },
      { object: 'persons', sourceId: 'p-3', hubspotId: null, failed: false },
      { object: 'persons', sourceId: 'p-4', hubspotId: null, failed: false },
      { object: 'persons', sourceId: 'p-5', hubspotId: null, failed: false },
    ]);
  });
});
