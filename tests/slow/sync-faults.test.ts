import { afterAll, beforeAll, expect, it } from '@jest/globals';
import { SyncResponse } from '../../shared/src/contracts/index.js';
import type { AuditHarness } from '../support/audit-harness.js';
import { runTransfer } from '../support/sync-harness.js';
import {
  addTargeted,
  cleanSyncOutcome,
  preparedHarness,
  remainingTargeted,
  setFaults,
  type SyncOutcome,
  syncOutcomeOf,
} from '../support/sync-outcome.js';

/**
 * The initial sync under injected faults gives the same HubSpot result as a clean run of the same account:
 * HubSpot answers 10 % of calls with a 429, 2 % with a 5xx, drops 1 % of connections and applies 1 % of
 * requests before answering a 5xx (a write landed, its answer lost); Pipedrive answers 5 % of reads with a
 * 429 and 2 % with a 5xx. Exactly one record per live source record, the same associations.
 */
const DATASET = { records: 600, seed: 7 };
let clean: SyncOutcome;
let harness: AuditHarness | undefined;

beforeAll(async () => {
  clean = await cleanSyncOutcome(52001, DATASET);
}, 600_000);
afterAll(() => harness?.close());

it('writes the same records and associations as a clean run while HubSpot and Pipedrive fail at random', async () => {
  harness = await preparedHarness(52002, DATASET);
  await setFaults(harness.hubspot.apiBaseUrl, {
    seed: 14,
    rates: { rateLimited: 0.1, serverError: 0.02, connectionReset: 0.01, applyThenFail: 0.01 },
  });
  await setFaults(harness.pipedrive.apiBaseUrl, { seed: 14, rates: { rateLimited: 0.05, serverError: 0.02 } });
  // The account is read in a few dozen calls: these make sure the worst answers meet the paths they threaten.
  const targeted = [
    // A create that landed, its answer lost: the batch is reconciled, not created again.
    [
      harness.hubspot,
      { method: 'POST', path: '/crm/v3/objects/calls/batch/create', afterApply: { respond: { status: 503 } } },
    ],
    [harness.hubspot, { method: 'POST', path: '/crm/v3/objects/notes/batch/create', afterApply: { reset: true } }],
    // An upsert and an association batch that landed, their answers lost: repeated harmlessly.
    [
      harness.hubspot,
      { method: 'POST', path: '/crm/v3/objects/deals/batch/upsert', afterApply: { respond: { status: 502 } } },
    ],
    [
      harness.hubspot,
      {
        method: 'POST',
        path: '/crm/v4/associations/deals/contacts/batch/create',
        afterApply: { reset: true },
      },
    ],
    // Pipedrive limits a read and fails another.
    [harness.pipedrive, { method: 'GET', path: '/api/v2/persons', respond: { status: 429 } }],
    [harness.pipedrive, { method: 'GET', path: '/api/v2/deals', respond: { status: 503 } }],
  ] as const;
  for (const [sandbox, fault] of targeted) await addTargeted(sandbox.apiBaseUrl, fault);
  const sync = await runTransfer(harness, 'sync', (body) => SyncResponse.parse(body));
  expect(sync.job.status).toBe('COMPLETE');
  // The faults did fire: every targeted one, and random rate limits and server errors.
  for (const sandbox of [harness.hubspot, harness.pipedrive])
    expect(await remainingTargeted(sandbox.apiBaseUrl)).toEqual([]);
  const stats = (await (await fetch(`${harness.hubspot.apiBaseUrl}/_sandbox/stats`)).json()) as {
    endpoints: { statuses: Record<string, number> }[];
  };
  const statuses = stats.endpoints.flatMap((endpoint) => Object.keys(endpoint.statuses));
  expect(statuses).toEqual(expect.arrayContaining(['429', expect.stringMatching(/^5\d\d$/)]));
  await setFaults(harness.hubspot.apiBaseUrl, {
    rates: { rateLimited: 0, serverError: 0, connectionReset: 0, applyThenFail: 0 },
  });
  const faulted = await syncOutcomeOf(harness);
  expect(faulted.records).toEqual(clean.records);
  expect(faulted.associations).toEqual(clean.associations);
  // Sanity: the account spans several batches per object.
  expect(clean.records['contacts']?.length).toBeGreaterThan(100);
}, 900_000);
