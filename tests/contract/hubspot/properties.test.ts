import { afterAll, beforeAll, describe, expect } from '@jest/globals';
import { call, contract, expectShape, failure, fixture, installApp, type Installed } from './support/contract.js';

let app: Installed;
beforeAll(async () => {
  app = await installApp();
});
afterAll(async () => {
  await app.sandbox.close();
});

const property = (name: string, extra: object = {}) => ({
  name,
  label: name,
  type: 'string',
  fieldType: 'text',
  groupName: 'contactinformation',
  ...extra,
});
const properties = () => app.client.crm.properties;

describe('HubSpot properties v3 contract', () => {
  contract(
    'GET /crm/v3/properties/:objectType',
    'lists definitions ({results}) with the default properties',
    async () => {
      const typed = await properties().coreApi.getAll('deals');
      expect(typed.results.map((p) => p.name)).toEqual(expect.arrayContaining(['dealname', 'dealstage', 'pipeline']));
      const raw = await call(app.client, 'GET', '/crm/v3/properties/contacts');
      expectShape((raw.body['results'] as unknown[])[0], fixture('property'));
    },
  );

  contract('POST /crm/v3/properties/:objectType', 'creates (201) a Property; a taken name is 409', async () => {
    const created = await call(app.client, 'POST', '/crm/v3/properties/contacts', property('favorite_food'));
    expect(created.status).toBe(201);
    expectShape(created.body, fixture('property'));
    const again = await call(app.client, 'POST', '/crm/v3/properties/contacts', property('favorite_food'));
    expect(again.status).toBe(409);
    expectShape(again.body, fixture('error-envelope'));
  });

  contract(
    'GET /crm/v3/properties/:objectType/:propertyName',
    'reads one definition; an unknown name is 404',
    async () => {
      const email = await properties().coreApi.getByName('contacts', 'email');
      expect(email.type).toBe('string');
      expect((await failure(properties().coreApi.getByName('contacts', 'no_such_thing'))).code).toBe(404);
    },
  );

  contract('PATCH /crm/v3/properties/:objectType/:propertyName', 'updates a custom definition (200)', async () => {
    await call(app.client, 'POST', '/crm/v3/properties/contacts', property('nickname'));
    const updated = await properties().coreApi.update('contacts', 'nickname', { label: 'Nick name' });
    expect(updated.label).toBe('Nick name');
  });

  contract('DELETE /crm/v3/properties/:objectType/:propertyName', 'archives a custom property (204)', async () => {
    await call(app.client, 'POST', '/crm/v3/properties/contacts', property('to_archive'));
    await properties().coreApi.archive('contacts', 'to_archive');
    const archived = await properties().coreApi.getByName('contacts', 'to_archive', true);
    expect(archived.archived).toBe(true);
  });

  contract(
    'POST /crm/v3/properties/:objectType/batch/create',
    'creates several (201) or reports failures per input (207)',
    async () => {
      const ok = await call(app.client, 'POST', '/crm/v3/properties/contacts/batch/create', {
        inputs: [property('batch_a'), property('batch_b')],
      });
      expect(ok.status).toBe(201);
      const partial = await call(app.client, 'POST', '/crm/v3/properties/contacts/batch/create', {
        inputs: [property('batch_c'), property('batch_a')],
      });
      expect(partial.status).toBe(207);
      expect(partial.body['numErrors']).toBe(1);
    },
  );

  contract('POST /crm/v3/properties/:objectType/batch/read', 'reads several by name', async () => {
    const typed = await properties().batchApi.read('contacts', {
      archived: false,
      inputs: [{ name: 'email' }, { name: 'firstname' }],
    });
    expect(typed.results.map((p) => p.name).sort()).toEqual(['email', 'firstname']);
  });

  contract(
    'POST /crm/v3/properties/:objectType/batch/archive',
    'answers 204 whatever the state of each property',
    async () => {
      await call(app.client, 'POST', '/crm/v3/properties/contacts', property('batch_gone'));
      const res = await call(app.client, 'POST', '/crm/v3/properties/contacts/batch/archive', {
        inputs: [{ name: 'batch_gone' }, { name: 'never_existed' }],
      });
      expect(res.status).toBe(204);
    },
  );

  contract('GET /crm/v3/properties/:objectType/groups', 'lists groups ({results})', async () => {
    const typed = await properties().groupsApi.getAll('contacts');
    expect(typed.results.map((g) => g.name)).toContain('contactinformation');
  });

  contract('POST /crm/v3/properties/:objectType/groups', 'creates a group (201)', async () => {
    const raw = await call(app.client, 'POST', '/crm/v3/properties/contacts/groups', {
      name: 'mypropertygroup',
      label: 'My Property Group',
    });
    expect(raw.status).toBe(201);
    expectShape(raw.body, fixture('property-group'));
  });

  contract('GET /crm/v3/properties/:objectType/groups/:groupName', 'reads a group; unknown is 404', async () => {
    const group = await properties().groupsApi.getByName('contacts', 'contactinformation');
    expect(group.archived).toBe(false);
    expect((await failure(properties().groupsApi.getByName('contacts', 'nope'))).code).toBe(404);
  });

  contract('PATCH /crm/v3/properties/:objectType/groups/:groupName', 'updates a group label', async () => {
    await call(app.client, 'POST', '/crm/v3/properties/contacts/groups', { name: 'renamable', label: 'Before' });
    const group = await properties().groupsApi.update('contacts', 'renamable', { label: 'After' });
    expect(group.label).toBe('After');
  });

  contract('DELETE /crm/v3/properties/:objectType/groups/:groupName', 'archives an empty group (204)', async () => {
    await call(app.client, 'POST', '/crm/v3/properties/contacts/groups', { name: 'empty_group', label: 'Empty' });
    await properties().groupsApi.archive('contacts', 'empty_group');
    expect((await failure(properties().groupsApi.getByName('contacts', 'empty_group'))).code).toBe(404);
  });
});
