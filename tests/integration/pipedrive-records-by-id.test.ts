/**
 * Pipedrive records by id ("retry failed records" reads them again) against the Pipedrive sandbox's
 * audit-completeness account: live deals 1–7, archived deals 8–11, deleted deal 12; live notes 1–4, deleted
 * note 5. Ids the account does not hold, or holds deleted, are left out; v2 objects cost one list call per
 * 100 ids (plus one for archived deals the list lacks), notes one call each.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { SourceSession } from '../../backend/src/sources/connector.js';
import { createSandboxClock } from '../../sandbox/common/clock.js';
import {
  PIPEDRIVE_TEST_DATASETS,
  type RunningPipedriveSandbox,
  startPipedriveSandbox,
} from '../../sandbox/pipedrive/index.js';
import {
  PIPEDRIVE_REDIRECT_URI,
  sandboxPipedriveConnector,
  sandboxPipedriveSession,
} from '../support/pipedrive-connector.js';

let sandbox: RunningPipedriveSandbox;
let session: SourceSession;

beforeAll(async () => {
  const clock = createSandboxClock();
  sandbox = await startPipedriveSandbox({
    clock,
    dataset: { file: PIPEDRIVE_TEST_DATASETS.auditCompleteness },
    redirectUri: PIPEDRIVE_REDIRECT_URI,
  });
  const connector = sandboxPipedriveConnector(sandbox, clock, { maxRetries: 3, baseDelayMs: 50, maxDelayMs: 2000 });
  session = await sandboxPipedriveSession(connector);
});
afterAll(() => sandbox.close());

const ids = (records: { id: string }[]) => records.map((record) => record.id).sort((a, b) => Number(a) - Number(b));

describe('Pipedrive records by id', () => {
  it('reads deals in one list call, archived ones in one more, and leaves out deleted and unknown ids', async () => {
    const before = session.usage().requests;
    const deals = await session.readMany('deals', ['2', '9', '12', '999', '2', 'x']);
    expect(ids(deals)).toEqual(['2', '9']);
    expect(session.usage().requests - before).toBe(2);
    expect(deals.find((deal) => deal.id === '2')?.values.title).toBe('Open in Proposal');
  });

  it('reads a live deal list without the archived call when every id is answered', async () => {
    const before = session.usage().requests;
    expect(ids(await session.readMany('deals', ['1', '3']))).toEqual(['1', '3']);
    expect(session.usage().requests - before).toBe(1);
  });

  it('reads organizations and persons in one call each, and notes one by one', async () => {
    const before = session.usage().requests;
    expect(ids(await session.readMany('organizations', ['1', '2', '5']))).toEqual(['1', '2']);
    expect(ids(await session.readMany('notes', ['1', '4', '5']))).toEqual(['1', '4']);
    expect(session.usage().requests - before).toBe(4);
    expect(await session.readMany('persons', [])).toEqual([]);
  });
});
