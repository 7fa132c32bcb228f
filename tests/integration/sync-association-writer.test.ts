import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import {
  ASSOCIATION_BATCH_SIZE,
  type AssociationPair,
  writeAssociations,
} from '../../backend/src/transfer/sync/association-writer.js';
import { createRecords } from '../../backend/src/transfer/sync/create-writer.js';
import type { WriteOutcome } from '../../backend/src/transfer/sync/record-outcome.js';
import { upsertRecords } from '../../backend/src/transfer/sync/record-writer.js';
import { SOURCE_ID, startWriterHarness, type WriterHarness } from '../support/hubspot-writer-harness.js';

let h: WriterHarness;

beforeAll(async () => {
  h = await startWriterHarness();
}, 30_000);
afterAll(async () => {
  await h.close();
});

const range = (count: number) => Array.from({ length: count }, (_, i) => i + 1);
const AT = '2024-02-01T10:00:00Z';

/** Source id → HubSpot id of what a writer wrote (every outcome must be a write). */
function idsOf(outcomes: WriteOutcome[]): Map<string, string> {
  return new Map(
    outcomes.map((o) => {
      if (o.outcome === 'failed') throw new Error(o.error.message);
      return [o.sourceId, o.hubspotId];
    }),
  );
}

const upsert = async (objectType: string, inputs: { sourceId: string; properties: Record<string, string> }[]) =>
  idsOf(await upsertRecords(h.hubspot, { objectType, idProperty: SOURCE_ID, inputs }));
const create = async (objectType: string, inputs: { sourceId: string; properties: Record<string, string> }[]) =>
  idsOf(await createRecords(h.hubspot, { objectType, idProperty: SOURCE_ID, inputs }));

interface ReadAssociations {
  results: {
    from: { id: string };
    to: { toObjectId: number; associationTypes: { typeId: number; label: string | null }[] }[];
  }[];
}

async function associated(fromType: string, toType: string, fromIds: string[]) {
  const body = (await h.hs('POST', `/crm/v4/associations/${fromType}/${toType}/batch/read`, {
    inputs: fromIds.map((id) => ({ id })),
  })) as unknown as ReadAssociations;
  return new Map(
    body.results.map((r) => [
      r.from.id,
      r.to.map((t) => ({ id: String(t.toObjectId), typeIds: t.associationTypes.map((a) => a.typeId) })),
    ]),
  );
}

describe('association writer (v4 batches)', () => {
  it('writes each pair of object types in batches of 2,000 whatever the types (default, primary company, custom labels); skipped pairs are never sent; a missing end is an error', async () => {
    const companies = await upsert(
      'companies',
      range(3).map((i) => ({ sourceId: `as-org-${i}`, properties: { name: `Org ${i}` } })),
    );
    const contacts = await upsert(
      'contacts',
      range(71).map((i) => ({ sourceId: `as-person-${i}`, properties: { firstname: `Person ${i}` } })),
    );
    const deals = await upsert(
      'deals',
      range(2).map((i) => ({
        sourceId: `as-deal-${i}`,
        properties: { dealname: `Deal ${i}`, pipeline: 'default', dealstage: 'appointmentscheduled' },
      })),
    );
    const notes = await create(
      'notes',
      range(30).map((i) => ({ sourceId: `as-note-${i}`, properties: { hs_timestamp: AT, hs_note_body: `Note ${i}` } })),
    );
    const engagements = new Map<string, Map<string, string>>();
    for (const type of ['calls', 'emails', 'meetings', 'tasks'])
      engagements.set(type, await create(type, [{ sourceId: `as-${type}-1`, properties: { hs_timestamp: AT } }]));
    const label = (await h.hs('POST', '/crm/v4/associations/deals/contacts/labels', {
      name: 'decision_maker',
      label: 'Decision maker',
    })) as unknown as { results: { typeId: number }[] };
    const decisionMaker = label.results[0]?.typeId as number;
    // A contact deleted in HubSpot after it was transferred: its id is in our id map, HubSpot has no record.
    const gone = contacts.get('as-person-71') as string;
    await h.hs('DELETE', `/crm/v3/objects/contacts/${gone}`);

    const id = (map: Map<string, string>, sourceId: string) => map.get(sourceId) ?? null;
    const link = (
      fromType: string,
      from: [Map<string, string>, string],
      toType: string,
      to: [Map<string, string>, string],
      extra: Partial<AssociationPair> = {},
    ): AssociationPair => ({
      fromType,
      toType,
      fromSourceId: from[1],
      toSourceId: to[1],
      fromId: id(...from),
      toId: id(...to),
      ...extra,
    });

    // 30 notes × 70 contacts = 2,100 note–contact pairs: one full batch of 2,000 and one of 100.
    const notePairs = range(30).flatMap((n) =>
      range(70).map((p) => link('notes', [notes, `as-note-${n}`], 'contacts', [contacts, `as-person-${p}`])),
    );
    const pairs: AssociationPair[] = [
      ...notePairs,
      link('contacts', [contacts, 'as-person-1'], 'companies', [companies, 'as-org-1'], { primary: true }),
      link('contacts', [contacts, 'as-person-1'], 'companies', [companies, 'as-org-2'], { primary: true }),
      link('contacts', [contacts, 'as-person-2'], 'companies', [companies, 'as-org-2']),
      link('deals', [deals, 'as-deal-1'], 'contacts', [contacts, 'as-person-1']),
      // The same two records with a label too: one input with both types.
      link('deals', [deals, 'as-deal-1'], 'contacts', [contacts, 'as-person-1'], {
        label: { category: 'USER_DEFINED', typeId: decisionMaker },
      }),
      link('deals', [deals, 'as-deal-1'], 'companies', [companies, 'as-org-3'], { primary: true }),
      link('deals', [deals, 'as-deal-2'], 'companies', [companies, 'as-org-1']),
      link('deals', [deals, 'as-deal-2'], 'contacts', [contacts, 'as-person-5'], {
        label: { category: 'USER_DEFINED', typeId: decisionMaker },
      }),
      link('notes', [notes, 'as-note-1'], 'companies', [companies, 'as-org-1']),
      link('notes', [notes, 'as-note-1'], 'deals', [deals, 'as-deal-1']),
      ...['calls', 'emails', 'meetings', 'tasks'].flatMap((type) => {
        const engagement: [Map<string, string>, string] = [
          engagements.get(type) as Map<string, string>,
          `as-${type}-1`,
        ];
        return [
          link(type, engagement, 'contacts', [contacts, 'as-person-3']),
          link(type, engagement, 'companies', [companies, 'as-org-3']),
          link(type, engagement, 'deals', [deals, 'as-deal-2']),
        ];
      }),
      // The end was not transferred (an error) / was filtered out (skipped) / was deleted in HubSpot (an error).
      link('deals', [deals, 'as-deal-2'], 'contacts', [contacts, 'as-person-never']),
      { ...link('deals', [deals, 'as-deal-2'], 'contacts', [contacts, 'as-person-9']), skip: 'filtered_out' },
      link('deals', [deals, 'as-deal-1'], 'contacts', [contacts, 'as-person-71']),
    ];

    h.sent.length = 0;
    const outcomes = await writeAssociations(h.hubspot, pairs);

    const notOk = outcomes.filter((o) => o.outcome !== 'created');
    expect(
      notOk.map((o) => [o.pair.toSourceId, o.outcome, 'error' in o ? o.error.category : 'reason' in o ? o.reason : '']),
    ).toEqual([
      ['as-person-never', 'failed', 'MISSING_END'],
      ['as-person-9', 'skipped', 'filtered_out'],
      ['as-person-71', 'failed', 'OBJECT_NOT_FOUND'],
    ]);
    expect(outcomes).toHaveLength(pairs.length);

    // Largest batches: the 2,100 note–contact pairs in two calls of 2,000 and 100; the skipped pair never sent.
    const noteContactCalls = h.sent.filter((b) => b.path.startsWith('/crm/v4/associations/notes/contacts/'));
    expect(noteContactCalls.map((b) => b.inputs.length)).toEqual([ASSOCIATION_BATCH_SIZE, 100]);
    // One call per pair of object types: the default type, the Primary company and a custom label together.
    const callsPerPath = new Map<string, number>();
    for (const b of h.sent) callsPerPath.set(b.path, (callsPerPath.get(b.path) ?? 0) + 1);
    expect([...callsPerPath].filter(([path, calls]) => !path.endsWith('/batch/create') || calls !== 1)).toEqual([
      ['/crm/v4/associations/notes/contacts/batch/create', 2],
    ]);
    const dealContactInputs = h.sent.find((b) => b.path === '/crm/v4/associations/deals/contacts/batch/create')?.inputs;
    expect(
      dealContactInputs?.filter((input) => (input as { from: { id: string } }).from.id === deals.get('as-deal-1')),
    ).toEqual([
      {
        from: { id: deals.get('as-deal-1') },
        to: { id: contacts.get('as-person-1') },
        types: [
          { associationCategory: 'HUBSPOT_DEFINED', associationTypeId: 3 },
          { associationCategory: 'USER_DEFINED', associationTypeId: decisionMaker },
        ],
      },
      {
        from: { id: deals.get('as-deal-1') },
        to: { id: contacts.get('as-person-71') },
        types: [{ associationCategory: 'HUBSPOT_DEFINED', associationTypeId: 3 }],
      },
    ]);
    const sentPairs = h.sent.flatMap((b) =>
      b.inputs.map((input) => {
        const { from, to } = input as { from: { id: string | null }; to: { id: string | null } };
        return `${b.path.split('/')[4]}:${from.id}>${b.path.split('/')[5]}:${to.id}`;
      }),
    );
    expect(sentPairs).not.toContain(`deals:${deals.get('as-deal-2')}>contacts:${contacts.get('as-person-9')}`);
    expect(sentPairs.filter((key) => key.includes('null'))).toEqual([]);

    // Read back from HubSpot.
    const noteContacts = await associated('notes', 'contacts', [...notes.values()]);
    for (const noteId of notes.values()) expect(noteContacts.get(noteId)).toHaveLength(70);
    const personCompanies = (await associated('contacts', 'companies', [contacts.get('as-person-1') as string])).get(
      contacts.get('as-person-1') as string,
    );
    expect(personCompanies?.filter((c) => c.typeIds.includes(1)).map((c) => c.id)).toEqual([companies.get('as-org-1')]);
    expect(personCompanies?.map((c) => c.id).sort()).toEqual(
      [companies.get('as-org-1'), companies.get('as-org-2')].sort(),
    );
    const dealCompanies = await associated('deals', 'companies', [deals.get('as-deal-1') as string]);
    expect(dealCompanies.get(deals.get('as-deal-1') as string)).toEqual([
      { id: companies.get('as-org-3'), typeIds: expect.arrayContaining([5, 341]) },
    ]);
    const deal1Contacts = await associated('deals', 'contacts', [deals.get('as-deal-1') as string]);
    expect(deal1Contacts.get(deals.get('as-deal-1') as string)).toEqual([
      { id: contacts.get('as-person-1'), typeIds: expect.arrayContaining([3, decisionMaker]) },
    ]);
    const dealContacts = await associated('deals', 'contacts', [deals.get('as-deal-2') as string]);
    expect(dealContacts.get(deals.get('as-deal-2') as string)).toEqual([
      { id: contacts.get('as-person-5'), typeIds: expect.arrayContaining([decisionMaker]) },
    ]);
    for (const type of ['calls', 'emails', 'meetings', 'tasks']) {
      const engagementId = engagements.get(type)?.get(`as-${type}-1`) as string;
      for (const [toType, expected] of [
        ['contacts', contacts.get('as-person-3')],
        ['companies', companies.get('as-org-3')],
        ['deals', deals.get('as-deal-2')],
      ] as const) {
        expect((await associated(type, toType, [engagementId])).get(engagementId)?.map((t) => t.id)).toEqual([
          expected,
        ]);
      }
    }
  }, 60_000);
});
