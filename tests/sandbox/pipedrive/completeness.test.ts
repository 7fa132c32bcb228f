/**
 * What an audit of a whole account needs from the sandbox: soft-deleted rows in lists (listDeleted),
 * the archived-deal split, per-deal counts through include_fields, leads, and what a non-admin,
 * reduced-scope or deactivated connection gets. Expected values are computed from the dataset file.
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { PIPEDRIVE_TEST_DATASETS } from '../../../sandbox/pipedrive/index.js';
import { startReceiver } from './receiver.js';
import { oauthAccessToken, pageAll, startTestSandbox, type TestSandbox } from './support.js';

interface Row {
  id: number;
  is_deleted?: boolean;
  is_archived?: boolean;
  status?: string;
  owner_id?: number;
  visible_to?: number;
  deal_id?: number | null;
  lead_id?: string | null;
  done?: boolean;
  stage_id?: number;
  file_size?: number;
}
interface LeadRow {
  id: string;
  is_archived?: boolean;
  owner_id?: number;
  visible_to?: number;
}
interface DatasetFile {
  users: { id: number; is_admin?: boolean; active_flag?: boolean }[];
  persons: Row[];
  organizations: Row[];
  products: Row[];
  deals: Row[];
  dealProducts: Row[];
  participants: Row[];
  activities: Row[];
  notes: Row[];
  files: Row[];
  leads: LeadRow[];
  leadLabels: { id: string }[];
}

const dataset = JSON.parse(readFileSync(PIPEDRIVE_TEST_DATASETS.auditCompleteness, 'utf8')) as DatasetFile;
const live = <T extends { is_deleted?: boolean }>(rows: T[]): T[] => rows.filter((row) => row.is_deleted !== true);
const ids = (rows: { id: number | string }[]): (number | string)[] =>
  rows.map((row) => row.id).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
const NON_ADMIN = 2;
const PRIVATE_OWNER = 3;
/** What a non-admin (not the owner) may see: everything except visible_to 1 rows of other users. */
const visibleTo = (userId: number) => (row: { owner_id?: number; visible_to?: number }) =>
  row.visible_to !== 1 || row.owner_id === userId;

describe('audit completeness: the account as the sandbox serves it', () => {
  let test: TestSandbox;
  beforeAll(async () => {
    test = await startTestSandbox({ dataset: { file: PIPEDRIVE_TEST_DATASETS.auditCompleteness } });
  });
  afterAll(async () => {
    await test.close();
  });

  describe('soft-deleted rows (listDeleted, on in this dataset)', () => {
    it('lists deleted persons, organizations, products and activities with is_deleted: true, and only while the option is on', async () => {
      for (const [path, rows] of [
        ['/api/v2/persons', dataset.persons],
        ['/api/v2/organizations', dataset.organizations],
        ['/api/v2/products', dataset.products],
        ['/api/v2/activities', dataset.activities],
      ] as const) {
        const listed = (await pageAll<{ id: number; is_deleted: boolean }>(test, path)).items;
        expect(ids(listed)).toEqual(ids(rows));
        expect(ids(listed.filter((row) => row.is_deleted))).toEqual(ids(rows.filter((row) => row.is_deleted === true)));
      }
      test.sandbox.state.configure({ listDeleted: false });
      try {
        const listed = (await pageAll<{ id: number; is_deleted: boolean }>(test, '/api/v2/persons')).items;
        expect(ids(listed)).toEqual(ids(live(dataset.persons)));
      } finally {
        test.sandbox.state.configure({ listDeleted: true });
      }
    });

    it('lists deleted notes and files with active_flag: false', async () => {
      for (const [path, rows] of [
        ['/v1/notes?limit=500', dataset.notes],
        ['/v1/files?limit=100', dataset.files],
      ] as const) {
        const reply = await test.call<{ data: { id: number; active_flag: boolean }[] }>('GET', path);
        expect(ids(reply.body.data)).toEqual(ids(rows));
        expect(ids(reply.body.data.filter((row) => !row.active_flag))).toEqual(
          ids(rows.filter((row) => row.is_deleted === true)),
        );
      }
    });

    it('keeps deleted deals out of /deals (the spec: no status = all not deleted deals); status=deleted lists them', async () => {
      const all = (await pageAll<{ id: number }>(test, '/api/v2/deals')).items;
      expect(all.some((deal) => dataset.deals.find((row) => row.id === deal.id)?.is_deleted)).toBe(false);
      const deleted = (await pageAll<{ id: number; is_deleted: boolean }>(test, '/api/v2/deals?status=deleted')).items;
      expect(ids(deleted)).toEqual(
        ids(dataset.deals.filter((row) => row.is_deleted === true && row.is_archived !== true)),
      );
    });
  });

  describe('archived deals', () => {
    const active = live(dataset.deals).filter((deal) => deal.is_archived !== true);
    const archived = live(dataset.deals).filter((deal) => deal.is_archived === true);

    it('splits deals between /deals and /deals/archived, by status too', async () => {
      expect(archived.map((deal) => deal.status ?? 'open').sort()).toEqual(['lost', 'open', 'won', 'won']);
      const listed = (
        await pageAll<{ id: number; is_archived: boolean; archive_time: string | null }>(test, '/api/v2/deals')
      ).items;
      expect(ids(listed)).toEqual(ids(active));
      expect(listed.every((deal) => !deal.is_archived && deal.archive_time === null)).toBe(true);
      const archivedListed = (
        await pageAll<{ id: number; is_archived: boolean; archive_time: string | null }>(test, '/api/v2/deals/archived')
      ).items;
      expect(ids(archivedListed)).toEqual(ids(archived));
      expect(archivedListed.every((deal) => deal.is_archived && deal.archive_time !== null)).toBe(true);
      for (const status of ['open', 'won', 'lost']) {
        const byStatus = (await pageAll<{ id: number }>(test, `/api/v2/deals/archived?status=${status}`)).items;
        expect(ids(byStatus)).toEqual(ids(archived.filter((deal) => (deal.status ?? 'open') === status)));
      }
      const inStage = (await pageAll<{ id: number }>(test, '/api/v2/deals/archived?stage_id=5')).items;
      expect(ids(inStage)).toEqual(ids(archived.filter((deal) => deal.stage_id === 5)));
    });

    it('counts each side in its own summary', async () => {
      const summary = await test.call<{ data: { total_count: number } }>('GET', '/v1/deals/summary');
      const archivedSummary = await test.call<{ data: { total_count: number } }>('GET', '/v1/deals/summary/archived');
      const won = await test.call<{ data: { total_count: number } }>('GET', '/v1/deals/summary/archived?status=won');
      expect(summary.body.data.total_count).toBe(active.length);
      expect(archivedSummary.body.data.total_count).toBe(archived.length);
      expect(won.body.data.total_count).toBe(archived.filter((deal) => deal.status === 'won').length);
    });
  });

  describe('include_fields counts on deals', () => {
    it('returns products, participants, files, notes and activities per deal, counting live rows only', async () => {
      const fields =
        'products_count,participants_count,files_count,notes_count,activities_count,done_activities_count,undone_activities_count';
      const deals = [
        ...(await pageAll<Record<string, number>>(test, `/api/v2/deals?include_fields=${fields}`)).items,
        ...(await pageAll<Record<string, number>>(test, `/api/v2/deals/archived?include_fields=${fields}`)).items,
      ];
      expect(deals.length).toBe(live(dataset.deals).length);
      const countFor = (rows: Row[], dealId: number, accept: (row: Row) => boolean = () => true): number =>
        live(rows).filter((row) => row.deal_id === dealId && accept(row)).length;
      for (const deal of deals) {
        const id = deal.id ?? 0;
        expect(deal).toMatchObject({
          products_count: countFor(dataset.dealProducts, id),
          participants_count: countFor(dataset.participants, id),
          files_count: countFor(dataset.files, id),
          notes_count: countFor(dataset.notes, id),
          activities_count: countFor(dataset.activities, id),
          done_activities_count: countFor(dataset.activities, id, (row) => row.done === true),
          undone_activities_count: countFor(dataset.activities, id, (row) => row.done !== true),
        });
      }
      expect(deals.reduce((sum, deal) => sum + (deal.products_count ?? 0), 0)).toBe(live(dataset.dealProducts).length);
    });

    it('answers an unknown include_fields value with a 400', async () => {
      const reply = await test.call<{ success: boolean }>('GET', '/api/v2/deals?include_fields=everything');
      expect(reply.status).toBe(400);
      expect(reply.body.success).toBe(false);
    });

    it('leaves the optional fields out unless asked for', async () => {
      const reply = await test.call<{ data: Record<string, unknown>[] }>('GET', '/api/v2/deals?limit=1');
      expect(reply.body.data[0]).not.toHaveProperty('products_count');
    });
  });

  describe('leads', () => {
    it('lists active leads in /leads and archived ones in /leads/archived, with UUID ids, and lead labels', async () => {
      const active = await test.call<{ data: { id: string; is_archived: boolean; value: unknown }[] }>(
        'GET',
        '/v1/leads',
      );
      const archived = await test.call<{ data: { id: string; is_archived: boolean }[] }>('GET', '/v1/leads/archived');
      expect(ids(active.body.data)).toEqual(ids(dataset.leads.filter((lead) => lead.is_archived !== true)));
      expect(ids(archived.body.data)).toEqual(ids(dataset.leads.filter((lead) => lead.is_archived === true)));
      expect(active.body.data.every((lead) => /^[0-9a-f-]{36}$/.test(lead.id))).toBe(true);
      const labels = await test.call<{ data: { id: string }[] }>('GET', '/v1/leadLabels');
      expect(ids(labels.body.data)).toEqual(ids(dataset.leadLabels));
      const first = dataset.leads[0];
      const one = await test.call<{ data: { id: string } }>('GET', `/v1/leads/${first?.id ?? ''}`);
      expect(one.body.data.id).toBe(first?.id);
    });

    it('serves activities and notes that point at a lead', async () => {
      const leadId = dataset.activities.find((activity) => activity.lead_id)?.lead_id ?? '';
      const activities = (await pageAll<{ id: number; lead_id: string }>(test, `/api/v2/activities?lead_id=${leadId}`))
        .items;
      expect(ids(activities)).toEqual(ids(dataset.activities.filter((activity) => activity.lead_id === leadId)));
      const notes = await test.call<{ data: { id: number; lead_id: string }[] }>('GET', `/v1/notes?lead_id=${leadId}`);
      expect(ids(notes.body.data)).toEqual(ids(dataset.notes.filter((note) => note.lead_id === leadId)));
    });
  });

  describe('who is connected', () => {
    it('hides visible_to 1 records of other users from a non-admin, in lists and single reads; their owner and admins see them', async () => {
      const token = test.sandbox.state.apiToken(NON_ADMIN);
      const persons = (
        await pageAll<{ id: number }>(
          { ...test, call: (method, path, init) => test.call(method, path, { ...init, token }) },
          '/api/v2/persons',
        )
      ).items;
      expect(ids(persons)).toEqual(ids(dataset.persons.filter(visibleTo(NON_ADMIN))));
      const privatePerson = dataset.persons.find(
        (person) => person.visible_to === 1 && person.owner_id === PRIVATE_OWNER,
      );
      expect((await test.call('GET', `/api/v2/persons/${privatePerson?.id ?? 0}`, { token })).status).toBe(404);
      expect(
        (
          await test.call('GET', `/api/v2/persons/${privatePerson?.id ?? 0}`, {
            token: test.sandbox.state.apiToken(PRIVATE_OWNER),
          })
        ).status,
      ).toBe(200);
      expect((await test.call('GET', `/api/v2/persons/${privatePerson?.id ?? 0}`)).status).toBe(200);
      expect(
        (
          await test.call('PATCH', `/api/v2/persons/${privatePerson?.id ?? 0}`, {
            token,
            body: { name: 'Renamed by someone else' },
          })
        ).status,
      ).toBe(404);
      expect((await test.call('DELETE', `/api/v2/persons/${privatePerson?.id ?? 0}`, { token })).status).toBe(404);

      const deals = await test.call<{ data: { id: number }[] }>('GET', '/api/v2/deals?limit=500', { token });
      expect(ids(deals.body.data)).toEqual(
        ids(
          live(dataset.deals)
            .filter((deal) => deal.is_archived !== true)
            .filter(visibleTo(NON_ADMIN)),
        ),
      );
      const summary = await test.call<{ data: { total_count: number } }>('GET', '/v1/deals/summary', { token });
      expect(summary.body.data.total_count).toBe(deals.body.data.length);
      const leads = await test.call<{ data: { id: string }[] }>('GET', '/v1/leads', { token });
      expect(ids(leads.body.data)).toEqual(
        ids(dataset.leads.filter((lead) => lead.is_archived !== true).filter(visibleTo(NON_ADMIN))),
      );
    });

    it('tells admin from non-admin in /users/me access[]', async () => {
      for (const user of dataset.users.filter((candidate) => candidate.active_flag !== false)) {
        const me = await test.call<{ data: { id: number; access: { app: string; admin: boolean }[] } }>(
          'GET',
          '/v1/users/me',
          { token: test.sandbox.state.apiToken(user.id) },
        );
        expect(me.body.data.id).toBe(user.id);
        expect(me.body.data.access.find((access) => access.app === 'sales')?.admin).toBe(user.is_admin === true);
      }
    });

    it('connects over OAuth as the chosen user with the chosen scopes, and refuses other operations with 403 "Scope and URL mismatch"', async () => {
      test.sandbox.state.configure({ installingUserId: NON_ADMIN, scope: 'base,contacts:read' });
      try {
        const bearer = await oauthAccessToken(test);
        const me = await test.call<{ data: { id: number } }>('GET', '/v1/users/me', { bearer });
        expect(me.body.data.id).toBe(NON_ADMIN);
        const persons = await test.call<{ data: { id: number }[] }>('GET', '/api/v2/persons?limit=500', { bearer });
        expect(ids(persons.body.data)).toEqual(ids(dataset.persons.filter(visibleTo(NON_ADMIN))));
        const deals = await test.call('GET', '/api/v2/deals', { bearer });
        expect(deals.status).toBe(403);
        expect(deals.body).toEqual({
          success: false,
          error: 'Scope and URL mismatch',
          errorCode: 403,
          error_info: 'Please check developers.pipedrive.com',
        });
        expect((await test.call('GET', '/v1/leads', { bearer })).status).toBe(403);
        // API tokens are not scoped.
        expect(
          (await test.call('GET', '/api/v2/deals', { token: test.sandbox.state.apiToken(NON_ADMIN) })).status,
        ).toBe(200);
      } finally {
        test.sandbox.state.configure({
          installingUserId: 1,
          scope:
            'base,deals:read,contacts:read,activities:read,products:read,leads:read,users:read,recents:read,search:read,admin',
        });
      }
    });

    it('answers 401 to a deactivated user, by API token and by OAuth', async () => {
      const deactivated = dataset.users.find((user) => user.active_flag === false);
      expect(
        (await test.call('GET', '/v1/users/me', { token: test.sandbox.state.apiToken(deactivated?.id ?? 0) })).status,
      ).toBe(401);
      test.sandbox.state.configure({ installingUserId: NON_ADMIN });
      try {
        const bearer = await oauthAccessToken(test);
        expect((await test.call('GET', '/v1/users/me', { bearer })).status).toBe(200);
        await fetch(`${test.sandbox.apiBaseUrl}/_sandbox/users/${NON_ADMIN}`, {
          method: 'PATCH',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ active_flag: false }),
        });
        const refused = await test.call('GET', '/v1/users/me', { bearer });
        expect(refused.status).toBe(401);
        expect(refused.headers.get('x-401-by-gw')).toBe('true');
      } finally {
        await fetch(`${test.sandbox.apiBaseUrl}/_sandbox/users/${NON_ADMIN}`, {
          method: 'PATCH',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ active_flag: true }),
        });
        test.sandbox.state.configure({ installingUserId: 1 });
      }
    });

    it("sends a private record's webhooks only to webhooks of users who can see it", async () => {
      const receiver = await startReceiver();
      try {
        const subscribe = (userId: number, name: string) =>
          test.call('POST', '/v1/webhooks', {
            token: test.sandbox.state.apiToken(userId),
            body: { subscription_url: `${receiver.url}?hook=${name}`, event_action: '*', event_object: 'person', name },
          });
        await subscribe(NON_ADMIN, 'non-admin');
        await subscribe(1, 'admin');
        await test.call('POST', '/_sandbox/records/persons', {
          body: { name: 'Private newcomer', owner_id: PRIVATE_OWNER, visible_to: 1, user_id: PRIVATE_OWNER },
        });
        await test.call('POST', '/_sandbox/records/persons', {
          body: { name: 'Shared newcomer', owner_id: PRIVATE_OWNER, visible_to: 3, user_id: PRIVATE_OWNER },
        });
        await receiver.received(3);
        await test.sandbox.state.webhooks.idle();
        const names = receiver.deliveries.map(
          (delivery) =>
            `${(delivery.body as { meta: { webhook_id: string } }).meta.webhook_id}:${String((delivery.body as { data: { name: string } }).data.name)}`,
        );
        expect(names).toHaveLength(3);
        const hooks = await test.call<{ data: { id: number; name: string }[] }>('GET', '/v1/webhooks');
        const idOf = (name: string) => String(hooks.body.data.find((hook) => hook.name === name)?.id);
        expect(names.sort()).toEqual(
          [
            `${idOf('admin')}:Private newcomer`,
            `${idOf('admin')}:Shared newcomer`,
            `${idOf('non-admin')}:Shared newcomer`,
          ].sort(),
        );
      } finally {
        await receiver.close();
      }
    });
  });
});

describe('the transferred-only dataset', () => {
  it('holds persons, organizations, deals, products, activities and notes, and nothing else', async () => {
    const test = await startTestSandbox({ dataset: { file: PIPEDRIVE_TEST_DATASETS.transferredOnly } });
    try {
      for (const path of ['/v1/leads', '/v1/leads/archived', '/v1/filters', '/v1/files']) {
        expect((await test.call<{ data: unknown[] }>('GET', path)).body.data).toEqual([]);
      }
      expect((await pageAll(test, '/api/v2/deals/archived')).items).toEqual([]);
      expect((await pageAll(test, '/api/v2/deals/products?deal_ids=1,2,3,4,5,6')).items).toEqual([]);
      const overview = await fetch(`${test.sandbox.apiBaseUrl}/_sandbox`).then(
        (response) => response.json() as Promise<{ records: Record<string, number> }>,
      );
      expect(
        Object.entries(overview.records)
          .filter(([, count]) => count > 0)
          .map(([entity]) => entity)
          .sort(),
      ).toEqual(['activity', 'deal', 'note', 'organization', 'person', 'pipeline', 'product', 'stage'].sort());
    } finally {
      await test.close();
    }
  });
});

describe('generated datasets', () => {
  it('hold leads (1 % on top of the records), some archived, with activities and notes pointing at them', async () => {
    const test = await startTestSandbox({ dataset: { records: 2000, seed: 9 } });
    try {
      const { store, records } = test.sandbox.state;
      expect(store.leads).toHaveLength(20);
      const leadIds = new Set(store.leads.map((lead) => lead.id));
      const linked = [...records.activity.liveRecords(), ...records.note.liveRecords()].filter(
        (row) => row.lead_id !== null,
      );
      expect(linked.length).toBeGreaterThan(0);
      expect(linked.every((row) => row.lead_id !== null && leadIds.has(row.lead_id) && row.deal_id === null)).toBe(
        true,
      );
      const active = await test.call<{ data: unknown[] }>('GET', '/v1/leads?limit=500');
      const archived = await test.call<{ data: unknown[] }>('GET', '/v1/leads/archived?limit=500');
      expect(active.body.data.length + archived.body.data.length).toBe(20);
      expect(archived.body.data.length).toBe(store.leads.filter((lead) => lead.is_archived).length);
    } finally {
      await test.close();
    }
  });
});
