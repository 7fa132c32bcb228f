import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { type Receiver, startReceiver } from './receiver.js';
import { startTestSandbox, type TestSandbox } from './support.js';

interface V2Payload {
  meta: {
    action: string;
    entity: string;
    entity_id: string;
    attempt: number;
    change_source: string;
    webhook_id: string;
    version: string;
  };
  data: Record<string, unknown> | null;
  previous: Record<string, unknown> | null;
}

describe('webhooks', () => {
  let test: TestSandbox;
  let receiver: Receiver;
  beforeEach(async () => {
    test = await startTestSandbox({ dataset: { records: 60, seed: 4 } });
    receiver = await startReceiver();
  });
  afterEach(async () => {
    await test.close();
    await receiver.close();
  });

  const subscribe = (body: Record<string, unknown>) =>
    test.call<{ data: { id: number } }>('POST', '/v1/webhooks', {
      body: {
        subscription_url: receiver.url,
        name: 'test hook',
        http_auth_user: 'hook-user',
        http_auth_password: 's3cret',
        ...body,
      },
    });

  it('POSTs create, change and delete events with the basic-auth credentials', async () => {
    const hook = await subscribe({ event_action: '*', event_object: 'person' });
    expect(hook.status).toBe(201);
    const created = await test.call<{ data: { id: number } }>('POST', '/api/v2/persons', {
      body: { name: 'Webhook Person', emails: [{ value: 'wh@example.com' }] },
    });
    const id = created.body.data.id;
    await test.call('PATCH', `/api/v2/persons/${id}`, { body: { name: 'Webhook Person Renamed' } });
    await test.call('DELETE', `/api/v2/persons/${id}`);

    const deliveries = await receiver.received(3);
    const expectedAuth = `Basic ${Buffer.from('hook-user:s3cret').toString('base64')}`;
    expect(deliveries.map((delivery) => delivery.headers.authorization)).toEqual([
      expectedAuth,
      expectedAuth,
      expectedAuth,
    ]);
    expect(deliveries.every((delivery) => delivery.headers['content-type'] === 'application/json')).toBe(true);
    const [create, change, remove] = deliveries.map((delivery) => delivery.body as V2Payload);
    expect(create?.meta).toMatchObject({
      action: 'create',
      entity: 'person',
      entity_id: String(id),
      attempt: 1,
      change_source: 'api',
      version: '2.0',
      webhook_id: String(hook.body.data.id),
    });
    expect(create?.data).toMatchObject({ id, name: 'Webhook Person' });
    expect(create?.previous).toBeNull();
    expect(change?.meta.action).toBe('change');
    expect(change?.data).toMatchObject({ id, name: 'Webhook Person Renamed' });
    // Only the changed fields, with their old values.
    expect(change?.previous).toMatchObject({ name: 'Webhook Person' });
    expect(Object.keys(change?.previous ?? {})).not.toContain('emails');
    expect(remove?.meta.action).toBe('delete');
    expect(remove?.data).toBeNull();
    expect(remove?.previous).toMatchObject({ id, name: 'Webhook Person Renamed' });
  });

  it('filters by action and object, and marks UI-side changes as app changes', async () => {
    await subscribe({ event_action: 'create', event_object: 'deal' });
    await test.call('POST', '/api/v2/persons', { body: { name: 'Not a deal' } });
    await test.call('POST', '/_sandbox/records/deals', { body: { title: 'Made in the UI' } });
    const [delivery] = await receiver.received(1);
    expect((delivery?.body as V2Payload).meta).toMatchObject({
      action: 'create',
      entity: 'deal',
      change_source: 'app',
    });
    await test.sandbox.state.webhooks.idle();
    expect(receiver.deliveries).toHaveLength(1);
  });

  it('sends the v1 format to version 1.0 webhooks', async () => {
    await subscribe({ event_action: 'updated', event_object: 'deal', version: '1.0' });
    const deal = [...test.sandbox.state.records.deal.liveRecords()].find((candidate) => !candidate.is_archived);
    await test.call('PATCH', `/api/v2/deals/${deal?.id}`, { body: { title: 'v1 title' } });
    const [delivery] = await receiver.received(1);
    expect(delivery?.body).toMatchObject({
      v: 1,
      event: 'updated.deal',
      retry: 0,
      meta: { action: 'updated', object: 'deal' },
      current: { title: 'v1 title' },
      previous: { title: deal?.title },
    });
    expect((delivery?.body as { current: { update_time: string } }).current.update_time).toMatch(
      /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/,
    );
  });

  it('retries a failed delivery after 3, 30 and 150 seconds', async () => {
    await subscribe({ event_action: 'create', event_object: 'organization' });
    receiver.answerWith([500, 503, 502, 500]);
    await test.call('POST', '/api/v2/organizations', { body: { name: 'Flaky receiver Ltd' } });
    await receiver.received(1);
    await test.sandbox.state.webhooks.idle();
    const { state } = test.sandbox;
    state.advanceClock(2999);
    await state.webhooks.idle();
    expect(receiver.deliveries).toHaveLength(1);
    state.advanceClock(1);
    await receiver.received(2);
    await state.webhooks.idle();
    state.advanceClock(30_000);
    await receiver.received(3);
    await state.webhooks.idle();
    state.advanceClock(150_000);
    const all = await receiver.received(4);
    expect(all.map((delivery) => (delivery.body as V2Payload).meta.attempt)).toEqual([1, 2, 3, 4]);
    await state.webhooks.idle();
    state.advanceClock(3_600_000);
    await state.webhooks.idle();
    expect(receiver.deliveries).toHaveLength(4);
    const log = await test.call<{ deliveries: { status: number; attempt: number }[] }>(
      'GET',
      '/_sandbox/webhooks/deliveries',
    );
    expect(log.body.deliveries.map((entry) => entry.status)).toEqual([500, 503, 502, 500]);
  });

  it('lists and deletes webhooks', async () => {
    const hook = await subscribe({ event_action: '*', event_object: '*' });
    const list = await test.call<{ data: { id: number; http_auth_user: string }[] }>('GET', '/v1/webhooks');
    expect(list.body.data).toEqual([expect.objectContaining({ id: hook.body.data.id, http_auth_user: 'hook-user' })]);
    expect((await test.call('DELETE', `/v1/webhooks/${hook.body.data.id}`)).status).toBe(200);
    expect((await test.call('DELETE', `/v1/webhooks/${hook.body.data.id}`)).status).toBe(404);
    await test.call('POST', '/api/v2/persons', { body: { name: 'Nobody listens' } });
    await test.sandbox.state.webhooks.idle();
    expect(receiver.deliveries).toHaveLength(0);
  });
});
