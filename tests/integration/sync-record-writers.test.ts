import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import { type PersonInput, writeContacts } from '../../backend/src/transfer/sync/contact-writer.js';
import { createReconciling, SEARCH_INDEX_LAG_MS } from '../../backend/src/transfer/sync/create-reconciling.js';
import { createRecords, resumeInFlightBatch } from '../../backend/src/transfer/sync/create-writer.js';
import type { WriteOutcome } from '../../backend/src/transfer/sync/record-outcome.js';
import { type RecordInput, upsertRecords } from '../../backend/src/transfer/sync/record-writer.js';
import {
  type HubSpotRecord,
  SOURCE_ID,
  startWriterHarness,
  type WriterHarness,
} from '../support/hubspot-writer-harness.js';

let h: WriterHarness;

beforeAll(async () => {
  h = await startWriterHarness();
}, 30_000);
afterAll(async () => {
  await h.close();
});
beforeEach(async () => {
  h.sent.length = 0;
  await h.control('DELETE', '/faults/targeted');
});

const range = (count: number) => Array.from({ length: count }, (_, i) => i + 1);

const inputsFor: Record<string, (prefix: string, i: number, round: number) => Record<string, string>> = {
  companies: (prefix, i, round) => ({ name: `${prefix} company ${i} r${round}` }),
  contacts: (prefix, i, round) => ({ email: `${prefix}-${i}@example.com`, firstname: `First ${i} r${round}` }),
  deals: (prefix, i, round) => ({
    dealname: `${prefix} deal ${i} r${round}`,
    pipeline: 'default',
    dealstage: 'appointmentscheduled',
  }),
};
const NAME_OF: Record<string, string> = { companies: 'name', contacts: 'firstname', deals: 'dealname' };

const byId = (records: HubSpotRecord[]) => new Map(records.map((record) => [record.id, record]));

describe('record writer (upsert on the source-id property)', () => {
  it.each(['companies', 'contacts', 'deals'])(
    '%s: a batch of 100 upserted twice creates each record once, results matched to inputs by source id',
    async (objectType) => {
      const prefix = `twice-${objectType}`;
      const make = inputsFor[objectType] as (prefix: string, i: number, round: number) => Record<string, string>;
      const batch = (round: number): RecordInput[] =>
        range(100).map((i) => ({ sourceId: `${prefix}-${i}`, properties: make(prefix, i, round) }));

      const first = await upsertRecords(h.hubspot, { objectType, idProperty: SOURCE_ID, inputs: batch(1) });
      expect(first.map((o) => o.outcome)).toEqual(range(100).map(() => 'created'));
      const second = await upsertRecords(h.hubspot, { objectType, idProperty: SOURCE_ID, inputs: batch(2) });
      expect(second.map((o) => o.outcome)).toEqual(range(100).map(() => 'updated'));
      expect(h.sent).toHaveLength(2);

      // HubSpot holds 100, each carrying the source id and the second round's values of the input our
      // outcome paired it with (a positional match on shuffled results would scramble these).
      const held = byId(await h.recordsWithPrefix(objectType, prefix, [NAME_OF[objectType] as string]));
      expect(held.size).toBe(100);
      second.forEach((outcome, index) => {
        const sent = batch(2)[index] as RecordInput;
        if (outcome.outcome === 'failed') throw new Error(outcome.error.message);
        expect(outcome.hubspotId).toBe((first[index] as { hubspotId: string }).hubspotId);
        const record = held.get(outcome.hubspotId);
        expect([record?.properties[SOURCE_ID], record?.properties[NAME_OF[objectType] as string]]).toEqual([
          sent.sourceId,
          sent.properties[NAME_OF[objectType] as string],
        ]);
      });
    },
    30_000,
  );

  it('one invalid e-mail (.con) in a batch of 100: 99 land, one per-record error with a hint', async () => {
    const prefix = 'tld';
    const inputs = range(100).map((i) => ({
      sourceId: `${prefix}-${i}`,
      properties: { email: i === 57 ? `${prefix}-${i}@example.con` : `${prefix}-${i}@example.com` },
    }));
    const outcomes = await upsertRecords(h.hubspot, { objectType: 'contacts', idProperty: SOURCE_ID, inputs });
    const failed = outcomes.filter((o): o is Extract<WriteOutcome, { outcome: 'failed' }> => o.outcome === 'failed');
    expect(failed.map((o) => [o.sourceId, o.error.code])).toEqual([['tld-57', 'INVALID_EMAIL']]);
    expect(failed[0]?.error.hint).toMatch(/e-mail/);
    const held = await h.recordsWithPrefix('contacts', prefix);
    expect(held).toHaveLength(99);
    expect(held.map((r) => r.properties[SOURCE_ID])).not.toContain('tld-57');
  });

  it('a batch HubSpot refuses whole for one invalid value is sent again without it: 99 land in two calls', async () => {
    const prefix = 'whole';
    const inputs = range(100).map((i) => ({
      sourceId: `${prefix}-${i}`,
      properties: { email: `${prefix}-${i}@example.${i === 8 ? 'cpm' : 'com'}` },
    }));
    // HubSpot refuses a batch with a typo TLD whole (docs/notes/hubspot-crm.md "Batch writes"): staged with its body.
    const entry = {
      isValid: false,
      message: `Email address ${prefix}-8@example.cpm is invalid`,
      error: 'INVALID_EMAIL',
      name: 'email',
      propertyValue: `${prefix}-8@example.cpm`,
    };
    await h.control('POST', '/faults/targeted', {
      method: 'POST',
      path: '/crm/v3/objects/contacts/batch/upsert',
      respond: {
        status: 400,
        body: {
          status: 'error',
          category: 'VALIDATION_ERROR',
          message: `Property values were not valid: ${JSON.stringify([entry])}`,
          errors: [{ message: entry.message, code: 'INVALID_EMAIL', context: { propertyName: ['email'] } }],
        },
      },
    });
    const outcomes = await upsertRecords(h.hubspot, { objectType: 'contacts', idProperty: SOURCE_ID, inputs });
    expect(h.sent.map((batch) => batch.inputs.length)).toEqual([100, 99]);
    expect(outcomes.filter((o) => o.outcome === 'failed').map((o) => o.sourceId)).toEqual(['whole-8']);
    expect(await h.recordsWithPrefix('contacts', prefix)).toHaveLength(99);
  });

  it('the same source record twice in one batch is sent once (HubSpot refuses duplicate ids whole)', async () => {
    const inputs = [
      { sourceId: 'dup-1', properties: { name: 'old name' } },
      { sourceId: 'dup-2', properties: { name: 'other' } },
      { sourceId: 'dup-1', properties: { name: 'new name' } },
    ];
    const outcomes = await upsertRecords(h.hubspot, { objectType: 'companies', idProperty: SOURCE_ID, inputs });
    expect(outcomes.map((o) => o.outcome)).toEqual(['created', 'created', 'created']);
    expect(h.sent[0]?.inputs).toHaveLength(2);
    const held = await h.recordsWithPrefix('companies', 'dup-', ['name']);
    expect(held.map((r) => [r.properties[SOURCE_ID], r.properties['name']]).sort()).toEqual([
      ['dup-1', 'new name'],
      ['dup-2', 'other'],
    ]);
  });
});

describe('contacts adopted by primary e-mail', () => {
  it('updates an existing HubSpot contact instead of duplicating it, returning its previous values; persons sharing an e-mail become one contact', async () => {
    const existing = await h.hs('POST', '/crm/v3/objects/contacts', {
      properties: { email: 'ann@adopt.example.com', firstname: 'Ann', phone: '+1 555 0100' },
      associations: [],
    });
    const persons: PersonInput[] = [
      {
        sourceId: 'adopt-1',
        email: 'Ann@Adopt.example.com',
        sourceCreatedAt: '2022-01-01T00:00:00Z',
        properties: { email: 'Ann@Adopt.example.com', firstname: 'Annie', phone: '+1 555 0199' },
      },
      {
        sourceId: 'adopt-2',
        email: 'bob@adopt.example.com',
        sourceCreatedAt: '2023-05-01T00:00:00Z',
        properties: { email: 'bob@adopt.example.com', firstname: 'Bob (newer)' },
      },
      {
        sourceId: 'adopt-3',
        email: 'bob@adopt.example.com',
        sourceCreatedAt: '2019-05-01T00:00:00Z',
        properties: { email: 'bob@adopt.example.com', firstname: 'Bob (older)' },
      },
      {
        sourceId: 'adopt-4',
        email: null,
        sourceCreatedAt: '2020-01-01T00:00:00Z',
        properties: { firstname: 'No mail' },
      },
    ];
    const outcomes = await writeContacts(h.hubspot, { idProperty: SOURCE_ID, persons });

    const [ann, newer, older, noMail] = outcomes;
    expect(ann).toEqual({
      sourceId: 'adopt-1',
      outcome: 'adopted',
      hubspotId: existing['id'],
      previousValues: { email: 'ann@adopt.example.com', firstname: 'Ann', phone: '+1 555 0100', [SOURCE_ID]: null },
    });
    expect(older).toMatchObject({ sourceId: 'adopt-3', outcome: 'created' });
    expect(newer).toEqual({
      sourceId: 'adopt-2',
      outcome: 'merged',
      hubspotId: (older as { hubspotId: string }).hubspotId,
      mergedInto: 'adopt-3',
    });
    expect(noMail).toMatchObject({ sourceId: 'adopt-4', outcome: 'created' });
    // One read by e-mail, one upsert, one update.
    expect(h.sent.map((batch) => batch.path)).toEqual([
      '/crm/v3/objects/contacts/batch/read',
      '/crm/v3/objects/contacts/batch/upsert',
      '/crm/v3/objects/contacts/batch/update',
    ]);

    const held = await h.recordsWithPrefix('contacts', 'adopt-', ['email', 'firstname', 'phone']);
    expect(
      held.map((r) => [r.id, r.properties[SOURCE_ID], r.properties['email'], r.properties['firstname']]).sort(),
    ).toEqual(
      [
        [existing['id'], 'adopt-1', 'ann@adopt.example.com', 'Annie'],
        [(older as { hubspotId: string }).hubspotId, 'adopt-3', 'bob@adopt.example.com', 'Bob (older)'],
        [(noMail as { hubspotId: string }).hubspotId, 'adopt-4', null, 'No mail'],
      ].sort(),
    );

    // A second run changes the same contacts: nothing is adopted again, nothing is created.
    h.sent.length = 0;
    const again = await writeContacts(h.hubspot, { idProperty: SOURCE_ID, persons });
    expect(again.map((o) => o.outcome)).toEqual(['updated', 'merged', 'updated', 'updated']);
    expect(await h.recordsWithPrefix('contacts', 'adopt-')).toHaveLength(3);
  });
  it('reads HubSpot by e-mail only for a batch that has one: persons without an e-mail are one upsert', async () => {
    const persons: PersonInput[] = ['no-mail-1', 'no-mail-2'].map((sourceId) => ({
      sourceId,
      email: null,
      sourceCreatedAt: '2020-01-01T00:00:00Z',
      properties: { firstname: sourceId },
    }));
    h.sent.length = 0;
    const outcomes = await writeContacts(h.hubspot, { idProperty: SOURCE_ID, persons });
    expect(outcomes.map((o) => o.outcome)).toEqual(['created', 'created']);
    expect(h.sent.map((batch) => batch.path)).toEqual(['/crm/v3/objects/contacts/batch/upsert']);
    expect(await h.recordsWithPrefix('contacts', 'no-mail-')).toHaveLength(2);
  });
});

describe('persons sharing an e-mail across batches', () => {
  it('keeps the contact an earlier batch wrote: a later, older person is merged into it, and a re-run changes nothing', async () => {
    const carl = (sourceId: string, sourceCreatedAt: string): PersonInput => ({
      sourceId,
      email: 'carl@across.example.com',
      sourceCreatedAt,
      properties: { email: 'carl@across.example.com', firstname: `Carl ${sourceId}` },
    });
    const [first] = await writeContacts(h.hubspot, {
      idProperty: SOURCE_ID,
      persons: [carl('across-2', '2023-01-01T00:00:00Z')],
    });
    expect(first).toMatchObject({ outcome: 'created' });
    const hubspotId = (first as { hubspotId: string }).hubspotId;

    const persons = [carl('across-1', '2019-01-01T00:00:00Z'), carl('across-2', '2023-01-01T00:00:00Z')];
    for (let run = 0; run < 2; run += 1) {
      const outcomes = await writeContacts(h.hubspot, { idProperty: SOURCE_ID, persons });
      expect(outcomes).toEqual([
        { sourceId: 'across-1', outcome: 'merged', hubspotId, mergedInto: 'across-2' },
        { sourceId: 'across-2', outcome: 'updated', hubspotId },
      ]);
    }
    const held = await h.recordsWithPrefix('contacts', 'across-', ['firstname']);
    expect(held.map((r) => [r.id, r.properties[SOURCE_ID], r.properties['firstname']])).toEqual([
      [hubspotId, 'across-2', 'Carl across-2'],
    ]);
  });
});

describe('other e-mail addresses of persons sharing an e-mail', () => {
  const OTHERS = 'st_other_emails';
  const dana = (sourceId: string, sourceCreatedAt: string, others: string): PersonInput => ({
    sourceId,
    email: 'dana@others.example.com',
    sourceCreatedAt,
    properties: { email: 'dana@others.example.com', firstname: `Dana ${sourceId}`, [OTHERS]: others },
  });
  const write = (persons: PersonInput[]) =>
    writeContacts(h.hubspot, { idProperty: SOURCE_ID, otherEmailsProperty: OTHERS, persons });
  const held = async () =>
    (await h.recordsWithPrefix('contacts', 'others-', [OTHERS])).map((r) => [
      r.properties[SOURCE_ID],
      r.properties[OTHERS],
    ]);

  it('keeps every merged person’s addresses in the one contact: a batch’s together, a later batch’s added', async () => {
    // As setup creates it: a text property.
    await h.hs('POST', '/crm/v3/properties/contacts', {
      name: OTHERS,
      label: 'Other e-mails',
      type: 'string',
      fieldType: 'text',
      groupName: 'contactinformation',
    });
    const [older, newer] = await write([
      dana('others-1', '2019-01-01T00:00:00Z', 'dana@home.example.com'),
      dana('others-2', '2023-01-01T00:00:00Z', 'Dana@Home.example.com;dana@work.example.com'),
    ]);
    expect(older).toMatchObject({ sourceId: 'others-1', outcome: 'created' });
    const hubspotId = (older as { hubspotId: string }).hubspotId;
    expect(newer).toEqual({ sourceId: 'others-2', outcome: 'merged', hubspotId, mergedInto: 'others-1' });
    expect(await held()).toEqual([['others-1', 'dana@home.example.com;dana@work.example.com']]);

    // A younger person of a later batch: the contact stays others-1's, and gets the address it lacks.
    h.sent.length = 0;
    const later = [dana('others-3', '2024-01-01T00:00:00Z', 'dana@work.example.com;dana@new.example.com')];
    expect(await write(later)).toEqual([
      { sourceId: 'others-3', outcome: 'merged', hubspotId, mergedInto: 'others-1' },
    ]);
    expect(h.sent.map((batch) => batch.path)).toEqual([
      '/crm/v3/objects/contacts/batch/read',
      '/crm/v3/objects/contacts/batch/update',
    ]);
    expect(await held()).toEqual([['others-1', 'dana@home.example.com;dana@work.example.com;dana@new.example.com']]);

    // Again: the contact holds them all, so nothing is written.
    h.sent.length = 0;
    await write(later);
    expect(h.sent.map((batch) => batch.path)).toEqual(['/crm/v3/objects/contacts/batch/read']);
  });
});

describe('creates without a unique property (engagements)', () => {
  const notes = (prefix: string, count: number): RecordInput[] =>
    range(count).map((i) => ({
      sourceId: `${prefix}-${i}`,
      properties: { hs_timestamp: '2024-02-01T10:00:00Z', hs_note_body: `Note ${i} of ${prefix}` },
    }));

  it('creates with a trace id per input and matches the results by source id', async () => {
    const inputs = notes('note', 40);
    const outcomes = await createRecords(h.hubspot, { objectType: 'notes', idProperty: SOURCE_ID, inputs });
    expect(outcomes.every((o) => o.outcome === 'created')).toBe(true);
    expect((h.sent[0]?.inputs as { objectWriteTraceId: string }[]).map((i) => i.objectWriteTraceId)).toEqual(
      inputs.map((i) => i.sourceId),
    );
    const held = byId(await h.recordsWithPrefix('notes', 'note-', ['hs_note_body']));
    outcomes.forEach((outcome, index) => {
      const record = held.get((outcome as { hubspotId: string }).hubspotId);
      expect(record?.properties['hs_note_body']).toBe(inputs[index]?.properties['hs_note_body']);
    });
  });

  it('a 5xx after HubSpot applied the create is not repeated; resuming the batch finds every record and creates none', async () => {
    await h.control('POST', '/faults/targeted', {
      method: 'POST',
      path: '/crm/v3/objects/calls/batch/create',
      afterApply: { respond: { status: 503 } },
    });
    const request = {
      objectType: 'calls',
      idProperty: SOURCE_ID,
      inputs: range(30).map((i) => ({
        sourceId: `lost-${i}`,
        properties: { hs_timestamp: '2024-02-01T10:00:00Z', hs_call_title: `Call ${i}` },
      })),
    };
    await expect(createRecords(h.hubspot, request)).rejects.toMatchObject({ status: 503 });
    expect(h.sent).toHaveLength(1);

    h.sent.length = 0;
    const outcomes = await resumeInFlightBatch(h.hubspot, request);
    expect(outcomes.map((o) => o.outcome)).toEqual(request.inputs.map(() => 'created'));
    expect(h.sent).toEqual([]);
    const held = await h.recordsWithPrefix('calls', 'lost-');
    expect(held).toHaveLength(30);
    expect(new Set(outcomes.map((o) => (o as { hubspotId: string }).hubspotId))).toEqual(
      new Set(held.map((r) => r.id)),
    );
  });

  it('a create whose answer is lost is reconciled in the same attempt, after waiting for the search index: each record once', async () => {
    await h.control('POST', '/faults/targeted', {
      method: 'POST',
      path: '/crm/v3/objects/calls/batch/create',
      afterApply: { reset: true },
    });
    const request = {
      objectType: 'calls',
      idProperty: SOURCE_ID,
      inputs: range(20).map((i) => ({
        sourceId: `reconciled-${i}`,
        properties: { hs_timestamp: '2024-02-01T10:00:00Z', hs_call_title: `Call ${i}` },
      })),
    };
    const waits: number[] = [];
    const outcomes = await createReconciling(h.hubspot, request, async (ms) => {
      waits.push(ms);
    });
    expect(waits).toEqual([SEARCH_INDEX_LAG_MS]);
    expect(outcomes.map((o) => o.outcome)).toEqual(request.inputs.map(() => 'created'));
    // The one create call landed; the reconciliation found every record and created nothing more.
    expect(h.sent).toHaveLength(1);
    const held = await h.recordsWithPrefix('calls', 'reconciled-');
    expect(held).toHaveLength(20);
    expect(new Set(outcomes.map((o) => (o as { hubspotId: string }).hubspotId))).toEqual(
      new Set(held.map((r) => r.id)),
    );
  });

  it('after a crash, resuming in-flight batches creates only what never landed: no duplicates, nothing lost', async () => {
    const landed = { objectType: 'notes', idProperty: SOURCE_ID, inputs: notes('crash-a', 10) };
    const neverSent = { objectType: 'notes', idProperty: SOURCE_ID, inputs: notes('crash-b', 10) };
    // Batch A reached HubSpot and the connection dropped before its answer; batch B's call never left.
    await h.control('POST', '/faults/targeted', {
      method: 'POST',
      path: '/crm/v3/objects/notes/batch/create',
      afterApply: { reset: true },
    });
    await expect(createRecords(h.hubspot, landed)).rejects.toMatchObject({ status: null });
    expect(h.sent).toHaveLength(1);
    h.sent.length = 0;

    const outcomesA = await resumeInFlightBatch(h.hubspot, landed);
    const outcomesB = await resumeInFlightBatch(h.hubspot, neverSent);
    expect([...outcomesA, ...outcomesB].every((o) => o.outcome === 'created')).toBe(true);
    expect(h.sent.map((batch) => batch.inputs.length)).toEqual([10]);
    for (const [prefix, outcomes, inputs] of [
      ['crash-a-', outcomesA, landed.inputs],
      ['crash-b-', outcomesB, neverSent.inputs],
    ] as const) {
      const held = await h.recordsWithPrefix('notes', prefix);
      expect(held.map((r) => r.properties[SOURCE_ID]).sort()).toEqual(inputs.map((i) => i.sourceId).sort());
      expect(new Set(outcomes.map((o) => (o as { hubspotId: string }).hubspotId))).toEqual(
        new Set(held.map((r) => r.id)),
      );
    }
  });
});
