import { afterAll, beforeAll, describe, expect } from '@jest/globals';
import { call, contract, expectShape, failure, fixture, installApp, type Installed } from './support/contract.js';

let app: Installed;
beforeAll(async () => {
  app = await installApp();
});
afterAll(async () => {
  await app.sandbox.close();
});

describe('HubSpot owners v3 and settings users v3 contract', () => {
  contract('GET /crm/v3/owners', 'lists owners, filterable by email', async () => {
    const raw = await call(app.client, 'GET', '/crm/v3/owners');
    expectShape((raw.body['results'] as unknown[])[0], fixture('owner'));
    const typed = await app.client.crm.owners.ownersApi.getPage('admin@hub-12345678.example');
    expect(typed.results).toHaveLength(1);
    expect((await app.client.crm.owners.ownersApi.getPage('nobody@example.com')).results).toEqual([]);
  });

  contract('GET /crm/v3/owners/:ownerId', 'reads an owner by id or by userId; unknown is 404', async () => {
    const [owner] = (await app.client.crm.owners.ownersApi.getPage()).results;
    const byId = await app.client.crm.owners.ownersApi.getById(Number(owner?.id));
    expect(byId.email).toBe(owner?.email);
    const byUser = await app.client.crm.owners.ownersApi.getById(owner?.userId ?? 0, 'userId');
    expect(byUser.id).toBe(owner?.id);
    expect((await failure(app.client.crm.owners.ownersApi.getById(1))).code).toBe(404);
  });

  contract('POST /settings/v3/users', 'invites a user (201), who also becomes an owner', async () => {
    const raw = await call(app.client, 'POST', '/settings/v3/users', {
      email: 'new.rep@example.com',
      firstName: 'New',
      lastName: 'Rep',
      sendWelcomeEmail: true,
    });
    expect(raw.status).toBe(201);
    expectShape(raw.body, fixture('user'));
    const owners = await app.client.crm.owners.ownersApi.getPage('new.rep@example.com');
    expect(owners.results[0]?.userId).toBe(Number(raw.body['id']));
    const again = await call(app.client, 'POST', '/settings/v3/users', { email: 'new.rep@example.com' });
    expect(again.status).toBe(409);
  });

  contract('GET /settings/v3/users', 'lists users', async () => {
    const typed = await app.client.settings.users.usersApi.getPage();
    expect(typed.results.length).toBeGreaterThan(0);
  });

  contract('GET /settings/v3/users/:userId', 'reads a user by id or email', async () => {
    const created = await app.client.settings.users.usersApi.create({ email: 'lookup@example.com' });
    expect((await app.client.settings.users.usersApi.getById('lookup@example.com', 'EMAIL')).id).toBe(created.id);
    expect((await failure(app.client.settings.users.usersApi.getById('1'))).code).toBe(404);
  });

  contract('PUT /settings/v3/users/:userId', 'updates a user', async () => {
    const created = await app.client.settings.users.usersApi.create({ email: 'rename@example.com' });
    expect((await app.client.settings.users.usersApi.replace(created.id, { firstName: 'Renamed' })).firstName).toBe(
      'Renamed',
    );
  });

  contract('DELETE /settings/v3/users/:userId', 'removes a user (204); its owner is archived', async () => {
    const created = await app.client.settings.users.usersApi.create({ email: 'leaver@example.com' });
    await app.client.settings.users.usersApi.archive(created.id);
    expect((await app.client.crm.owners.ownersApi.getPage('leaver@example.com')).results).toEqual([]);
    expect(
      (await app.client.crm.owners.ownersApi.getPage('leaver@example.com', undefined, undefined, true)).results,
    ).toHaveLength(1);
  });
});
