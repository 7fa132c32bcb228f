import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { pageAll, startTestSandbox, type TestSandbox } from './support.js';

const DAY = 24 * 60 * 60 * 1000;

interface Field {
  field_code: string;
  field_type: string;
  is_custom_field: boolean;
  options: { id: number; label: string }[] | null;
  subfields: { field_code: string }[] | null;
}

interface Deal {
  id: number;
  status: string;
  is_deleted: boolean;
  is_archived: boolean;
  won_time: string | null;
  close_time: string | null;
  lost_reason: string | null;
  custom_fields: Record<string, unknown>;
}

describe('records', () => {
  let test: TestSandbox;
  let fields: Field[];
  const key = (type: string): string =>
    fields.find((field) => field.is_custom_field && field.field_type === type)?.field_code ?? '';

  beforeAll(async () => {
    test = await startTestSandbox({ dataset: { records: 300, seed: 13 } });
    fields = (await pageAll<Field>(test, '/api/v2/dealFields?limit=500')).items;
  });
  afterAll(async () => {
    await test.close();
  });

  it('defines every custom field type, keyed by 40-character hashes', () => {
    const custom = fields.filter((field) => field.is_custom_field);
    expect(new Set(custom.map((field) => field.field_type))).toEqual(
      new Set([
        'varchar',
        'varchar_auto',
        'text',
        'double',
        'monetary',
        'int',
        'date',
        'daterange',
        'time',
        'timerange',
        'set',
        'enum',
        'user',
        'org',
        'people',
        'phone',
        'address',
        'visible_to',
      ]),
    );
    expect(custom.every((field) => /^[0-9a-f]{40}$/.test(field.field_code))).toBe(true);
    expect(
      fields.find((field) => field.field_code === key('monetary'))?.subfields?.map((subfield) => subfield.field_code),
    ).toEqual(['value', 'currency']);
  });

  it('writes and reads every custom field type in the v2 shapes', async () => {
    const enumField = fields.find((field) => field.field_code === key('enum'));
    const setField = fields.find((field) => field.field_code === key('set'));
    const person = [...test.sandbox.state.records.person.liveRecords()][0]?.id;
    const org = [...test.sandbox.state.records.organization.liveRecords()][0]?.id;
    const values: Record<string, unknown> = {
      [key('varchar')]: 'Gold 🥇',
      [key('varchar_auto')]: 'Referral',
      [key('text')]: 'Line 1\nLine 2',
      [key('double')]: 12.5,
      [key('int')]: 42,
      [key('monetary')]: { value: 500, currency: 'USD' },
      [key('date')]: '2026-04-01',
      [key('daterange')]: { value: '2026-04-01', until: '2026-05-01' },
      [key('time')]: { value: '09:30', timezone_name: 'Europe/London' },
      [key('timerange')]: { value: '09:00', until: '11:00', timezone_name: 'Europe/London' },
      [key('enum')]: enumField?.options?.[1]?.id,
      [key('set')]: [setField?.options?.[0]?.id, setField?.options?.[2]?.id],
      [key('user')]: 1,
      [key('org')]: org,
      [key('people')]: person,
      [key('phone')]: '+372 5555 5555',
      [key('address')]: { value: 'Narva mnt 7, Tallinn', locality: 'Tallinn' },
      [key('visible_to')]: 3,
    };
    const created = await test.call<{ data: Deal }>('POST', '/api/v2/deals', {
      body: { title: 'All the fields', custom_fields: values },
    });
    expect(created.status).toBe(200);
    const read = await test.call<{ data: Deal }>('GET', `/api/v2/deals/${created.body.data.id}`);
    const custom = read.body.data.custom_fields;
    expect(custom[key('monetary')]).toEqual({ value: 500, currency: 'USD' });
    expect(custom[key('time')]).toEqual({ value: '09:30:00', timezone_id: 318, timezone_name: 'Europe/London' });
    expect(custom[key('timerange')]).toMatchObject({ value: '09:00:00', until: '11:00:00' });
    expect(custom[key('enum')]).toBe(enumField?.options?.[1]?.id);
    expect(custom[key('set')]).toEqual([setField?.options?.[0]?.id, setField?.options?.[2]?.id]);
    expect(custom[key('address')]).toMatchObject({ value: 'Narva mnt 7, Tallinn', locality: 'Tallinn', country: null });
    // Every custom field of the account is present, null when empty.
    expect(Object.keys(custom)).toHaveLength(18);

    const labelled = await test.call<{ data: Deal }>(
      'GET',
      `/api/v2/deals/${created.body.data.id}?include_option_labels=true&custom_fields=${key('enum')},${key('set')}`,
    );
    expect(labelled.body.data.custom_fields).toEqual({
      [key('enum')]: { id: enumField?.options?.[1]?.id, label: enumField?.options?.[1]?.label },
      [key('set')]: [setField?.options?.[0], setField?.options?.[2]].map((option) => ({
        id: option?.id,
        label: option?.label,
      })),
    });

    const cleared = await test.call<{ data: Deal }>('PATCH', `/api/v2/deals/${created.body.data.id}`, {
      body: { custom_fields: { [key('monetary')]: null } },
    });
    expect(cleared.body.data.custom_fields[key('monetary')]).toBeNull();
    expect(cleared.body.data.custom_fields[key('varchar')]).toBe('Gold 🥇');
  });

  it('rejects invalid custom values, unknown keys and v1-style coercions', async () => {
    expect(
      (await test.call('POST', '/api/v2/deals', { body: { title: 'x', custom_fields: { [key('set')]: [] } } })).status,
    ).toBe(400);
    expect(
      (await test.call('POST', '/api/v2/deals', { body: { title: 'x', custom_fields: { [key('double')]: '12' } } }))
        .status,
    ).toBe(400);
    expect(
      (await test.call('POST', '/api/v2/deals', { body: { title: 'x', custom_fields: { ['f'.repeat(40)]: 1 } } }))
        .status,
    ).toBe(400);
    expect((await test.call('POST', '/api/v2/deals', { body: { title: 'x', visible_to: '3' } })).status).toBe(400);
  });

  it('sets won/close times from the status', async () => {
    const created = await test.call<{ data: Deal }>('POST', '/api/v2/deals', { body: { title: 'To be won' } });
    const won = await test.call<{ data: Deal }>('PATCH', `/api/v2/deals/${created.body.data.id}`, {
      body: { status: 'won' },
    });
    expect(won.body.data.won_time).toBe(won.body.data.close_time);
    expect(won.body.data.won_time).not.toBeNull();
    const lost = await test.call<{ data: Deal }>('PATCH', `/api/v2/deals/${created.body.data.id}`, {
      body: { status: 'lost', lost_reason: 'Budget' },
    });
    expect(lost.body.data).toMatchObject({ status: 'lost', won_time: null, lost_reason: 'Budget' });
    expect(
      (
        await test.call('PATCH', `/api/v2/deals/${created.body.data.id}`, {
          body: { status: 'open', lost_reason: 'x' },
        })
      ).status,
    ).toBe(400);
  });

  it('lists deleted deals with status=deleted for 30 days, then purges them', async () => {
    const created = await test.call<{ data: Deal }>('POST', '/api/v2/deals', { body: { title: 'Short-lived' } });
    const id = created.body.data.id;
    expect((await test.call('DELETE', `/api/v2/deals/${id}`)).body).toEqual({ success: true, data: { id } });
    const open = await pageAll<Deal>(test, '/api/v2/deals?limit=500');
    expect(open.items.map((deal) => deal.id)).not.toContain(id);
    const deleted = await pageAll<Deal>(test, '/api/v2/deals?limit=500&status=deleted');
    expect(deleted.items.find((deal) => deal.id === id)).toMatchObject({ is_deleted: true, status: 'deleted' });
    expect(deleted.items.every((deal) => deal.is_deleted)).toBe(true);
    expect((await test.call<{ data: Deal }>('GET', `/api/v2/deals/${id}`)).body.data.is_deleted).toBe(true);

    test.sandbox.state.advanceClock(29 * DAY);
    expect(
      (await pageAll<Deal>(test, '/api/v2/deals?limit=500&status=deleted')).items.map((deal) => deal.id),
    ).toContain(id);
    test.sandbox.state.advanceClock(1 * DAY);
    expect(
      (await pageAll<Deal>(test, '/api/v2/deals?limit=500&status=deleted')).items.map((deal) => deal.id),
    ).not.toContain(id);
    expect((await test.call('GET', `/api/v2/deals/${id}`)).status).toBe(404);
  });

  it('serves archived deals only from /deals/archived, and refuses to edit them', async () => {
    const created = await test.call<{ data: Deal }>('POST', '/api/v2/deals', {
      body: { title: 'To archive', status: 'won' },
    });
    const id = created.body.data.id;
    await test.call('PATCH', `/api/v2/deals/${id}`, { body: { is_archived: true } });
    expect((await pageAll<Deal>(test, '/api/v2/deals?limit=500')).items.map((deal) => deal.id)).not.toContain(id);
    const archived = await pageAll<Deal>(test, '/api/v2/deals/archived?limit=500');
    expect(archived.items.find((deal) => deal.id === id)).toMatchObject({ is_archived: true });
    expect(archived.items.every((deal) => deal.is_archived)).toBe(true);
    expect((await test.call('PATCH', `/api/v2/deals/${id}`, { body: { title: 'Edited' } })).status).toBe(403);
  });

  it('links an activity to its primary participant and checks the activity type', async () => {
    const person = [...test.sandbox.state.records.person.liveRecords()][1]?.id;
    const lunch = await test.call<{ data: { person_id: number; type: string } }>('POST', '/api/v2/activities', {
      body: { subject: 'Lunch', type: 'lunch', participants: [{ person_id: person, primary: true }] },
    });
    expect(lunch.body.data).toMatchObject({ person_id: person, type: 'lunch' });
    expect((await test.call('POST', '/api/v2/activities', { body: { subject: 'x', type: 'teleport' } })).status).toBe(
      400,
    );
  });

  it('downloads a file with its size', async () => {
    const file = [...test.sandbox.state.records.file.liveRecords()][0];
    const reply = await fetch(`${test.sandbox.apiBaseUrl}/v1/files/${file?.id}/download`, {
      headers: { 'x-api-token': test.sandbox.state.apiToken() },
    });
    expect(reply.status).toBe(200);
    expect((await reply.arrayBuffer()).byteLength).toBe(file?.file_size);
  });

  it('serves v1 under /api/v1 as well', async () => {
    expect((await test.call('GET', '/api/v1/users/me')).status).toBe(200);
  });

  it('answers 404 for unknown records and unknown paths with a token', async () => {
    expect((await test.call('GET', '/api/v2/persons/99999999')).status).toBe(404);
    expect((await test.call('GET', '/api/v2/nothing-here')).status).toBe(404);
    expect((await test.call('GET', '/api/v2/nothing-here', { token: null })).status).toBe(401);
  });
});
