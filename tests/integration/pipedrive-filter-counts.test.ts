/**
 * The Pipedrive connector's filtered counts (settings' record filter "count") against the sandbox: each
 * equals the records the sandbox holds that the filter keeps, computed here from its own tables; deals
 * without dates cost one summary call; a count stopped after a page resumes in a new session exactly.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { CountState, SourceRecordFilter, SourceSession } from '../../backend/src/sources/connector.js';
import { createSandboxClock } from '../../sandbox/common/clock.js';
import { type RunningPipedriveSandbox, startPipedriveSandbox } from '../../sandbox/pipedrive/index.js';
import {
  PIPEDRIVE_REDIRECT_URI,
  sandboxPipedriveConnector,
  sandboxPipedriveSession,
} from '../support/pipedrive-connector.js';

const DAY = '2024-09-01';
const SINCE = Date.parse(`${DAY}T00:00:00Z`);
const NONE: SourceRecordFilter = {
  sourceFilterId: null,
  ownerId: null,
  pipelineId: null,
  createdAfter: null,
  updatedAfter: null,
};

let sandbox: RunningPipedriveSandbox;
let session: () => Promise<SourceSession>;

beforeAll(async () => {
  const clock = createSandboxClock();
  sandbox = await startPipedriveSandbox({
    clock,
    dataset: { records: 6000, seed: 5 },
    redirectUri: PIPEDRIVE_REDIRECT_URI,
  });
  const connector = sandboxPipedriveConnector(sandbox, clock);
  session = () => sandboxPipedriveSession(connector, 's');
}, 60_000);

afterAll(async () => {
  await sandbox.close();
});

async function counted(on: SourceSession, objectKey: string, filter: SourceRecordFilter, from?: CountState) {
  if (!on.countFiltered) throw new Error('Pipedrive sessions count by filter');
  let last: CountState | undefined;
  for await (const state of on.countFiltered(objectKey, filter, from)) last = state;
  if (!last?.done) throw new Error(`countFiltered(${objectKey}) did not finish`);
  return last;
}

const live = <E extends keyof RunningPipedriveSandbox['state']['records']>(entity: E) => [
  ...sandbox.state.records[entity].liveRecords(),
];

describe('filtered counts', () => {
  it('keep exactly the records each filter keeps, for every object', async () => {
    const owner = sandbox.state.store.users[1]?.id ?? 0;
    const pipeline = live('pipeline')[0]?.id ?? 0;
    const byOwner = { ...NONE, ownerId: String(owner) };
    const on = await session();
    const cases: [string, SourceRecordFilter, number][] = [
      [
        'persons',
        { ...byOwner, createdAfter: DAY },
        live('person').filter((r) => r.owner_id === owner && r.add_time >= SINCE).length,
      ],
      [
        'organizations',
        { ...NONE, updatedAfter: DAY },
        live('organization').filter((r) => r.update_time >= SINCE).length,
      ],
      ['products', byOwner, live('product').filter((r) => r.owner_id === owner).length],
      [
        'deals',
        { ...NONE, pipelineId: String(pipeline), createdAfter: DAY },
        live('deal').filter((r) => !r.is_archived && r.pipeline_id === pipeline && r.add_time >= SINCE).length,
      ],
      [
        'activities',
        { ...byOwner, updatedAfter: DAY },
        live('activity').filter((r) => r.owner_id === owner && r.update_time >= SINCE).length,
      ],
      [
        'notes',
        { ...byOwner, createdAfter: DAY },
        live('note').filter((r) => r.user_id === owner && r.add_time >= SINCE).length,
      ],
    ];
    for (const [objectKey, filter, expected] of cases) {
      const state = await counted(on, objectKey, filter);
      expect({ objectKey, total: state.total }).toEqual({ objectKey, total: expected });
    }
    // Every filter keeps some records: none of these checks compares zero with zero.
    for (const [objectKey, , expected] of cases)
      expect({ objectKey, some: expected > 0 }).toEqual({ objectKey, some: true });
  });

  it('count deals without dates with one summary call, whatever the account size', async () => {
    const owner = sandbox.state.store.users[0]?.id ?? 0;
    const on = await session();
    const state = await counted(on, 'deals', { ...NONE, ownerId: String(owner) });
    expect(state.total).toBe(live('deal').filter((r) => !r.is_archived && r.owner_id === owner).length);
    expect(on.usage()).toEqual({ requests: 1, cost: 40 });
  });

  it('resume in a new session from where a count stopped, counting nothing twice', async () => {
    const filter = { ...NONE, updatedAfter: '2020-01-01' };
    const first = await session();
    if (!first.countFiltered) throw new Error('Pipedrive sessions count by filter');
    const steps = first.countFiltered('activities', filter);
    const step = await steps.next();
    await steps.return(undefined);
    if (step.done) throw new Error('the count yielded nothing');
    expect(step.value.done).toBe(false);
    const resumed = await counted(await session(), 'activities', filter, step.value);
    const since = Date.parse('2020-01-01T00:00:00Z');
    const expected = live('activity').filter((r) => r.update_time >= since);
    expect(resumed.total).toBe(expected.length);
    const byType: Record<string, number> = {};
    for (const activity of expected) byType[activity.type] = (byType[activity.type] ?? 0) + 1;
    expect(resumed.breakdown).toEqual(byType);
  });
});
