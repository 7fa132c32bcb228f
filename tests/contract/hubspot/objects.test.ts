import { afterAll, beforeAll, describe, expect } from '@jest/globals';
import { call, contract, expectShape, failure, fixture, installApp, type Installed } from './support/contract.js';

let app: Installed;
beforeAll(async () => {
  app = await installApp();
});
afterAll(async () => {
  await app.sandbox.close();
});

const objects = () => app.client.crm.objects;

describe('HubSpot CRM objects v3 contract', () => {
  contract(
    'POST /crm/v3/objects/:objectType',
    'creates (201) a SimplePublicObject with string values; a duplicate email is 409',
    async () => {
      const raw = await call(app.client, 'POST', '/crm/v3/objects/contacts', {
        properties: { email: 'create@example.com', firstname: 'Cre' },
      });
      expect(raw.status).toBe(201);
      expectShape(raw.body, fixture('object'));
      const conflict = await failure(
        objects().basicApi.create('contacts', { properties: { email: 'create@example.com' }, associations: [] }),
      );
      expect(conflict.code).toBe(409);
      expectShape(conflict.body, fixture('error-409-contact'));
      expect(conflict.body['message']).toBe(`Contact already exists. Existing ID: ${String(raw.body['id'])}`);
    },
  );

  contract(
    'GET /crm/v3/objects/:objectType',
    'pages with paging.next.after and link; unauthenticated is 401',
    async () => {
      for (let i = 0; i < 3; i += 1)
        await objects().basicApi.create('companies', { properties: { name: `Co ${i}` }, associations: [] });
      const page = await call(app.client, 'GET', '/crm/v3/objects/companies', undefined, {
        limit: '2',
        properties: 'name',
      });
      expectShape(page.body, fixture('collection'));
      const typed = await objects().basicApi.getPage(
        'companies',
        2,
        (page.body['paging'] as { next: { after: string } }).next.after,
        ['name'],
      );
      expect(typed.results).toHaveLength(1);
      expect(typed.paging).toBeUndefined();
      const anonymous = await call(app.anonymous, 'GET', '/crm/v3/objects/contacts');
      expect(anonymous.status).toBe(401);
      expectShape(anonymous.body, fixture('error-401'));
      expect(anonymous.body['category']).toBe('INVALID_AUTHENTICATION');
    },
  );

  contract(
    'GET /crm/v3/objects/:objectType/:objectId',
    'reads by id and by idProperty; a missing id is 404 OBJECT_NOT_FOUND',
    async () => {
      const created = await objects().basicApi.create('contacts', {
        properties: { email: 'read@example.com' },
        associations: [],
      });
      const byEmail = await objects().basicApi.getById(
        'contacts',
        'read@example.com',
        ['email'],
        undefined,
        undefined,
        false,
        'email',
      );
      expect(byEmail.id).toBe(created.id);
      expect(byEmail.createdAt).toBeInstanceOf(Date);
      const missing = await failure(objects().basicApi.getById('contacts', '999999999'));
      expect(missing.code).toBe(404);
      expectShape(missing.body, fixture('error-envelope'));
      expect(missing.body['category']).toBe('OBJECT_NOT_FOUND');
    },
  );

  contract(
    'PATCH /crm/v3/objects/:objectType/:objectId',
    'updates (200); a bad option is 400 with the error envelope',
    async () => {
      const created = await objects().basicApi.create('contacts', {
        properties: { email: 'patch@example.com' },
        associations: [],
      });
      const updated = await objects().basicApi.update('contacts', created.id, {
        properties: { lifecyclestage: 'customer' },
      });
      expect(updated.properties['lifecyclestage']).toBe('customer');
      const bad = await failure(
        objects().basicApi.update('contacts', created.id, { properties: { lifecyclestage: 'royalty' } }),
      );
      expect(bad.code).toBe(400);
      expectShape(bad.body, fixture('error'));
      expect(bad.body['message']).toMatch(/^Property values were not valid: \[/);
    },
  );

  contract(
    'DELETE /crm/v3/objects/:objectType/:objectId',
    'archives (204); the record then reads as archived only',
    async () => {
      const created = await objects().basicApi.create('companies', { properties: { name: 'Gone' }, associations: [] });
      await objects().basicApi.archive('companies', created.id);
      expect((await failure(objects().basicApi.getById('companies', created.id))).code).toBe(404);
      const archived = await objects().basicApi.getById('companies', created.id, undefined, undefined, undefined, true);
      expect(archived.archived).toBe(true);
    },
  );

  contract(
    'POST /crm/v3/objects/contacts/gdpr-delete',
    'deletes a contact for good (204): not even readable as archived, associations gone, email free; unknown is 404',
    async () => {
      const contact = await objects().basicApi.create('contacts', {
        properties: { email: 'forget-me@example.com' },
        associations: [],
      });
      const company = await objects().basicApi.create('companies', { properties: { name: 'Keeps' }, associations: [] });
      await app.client.crm.associations.v4.basicApi.createDefault('contacts', contact.id, 'companies', company.id);
      await app.client.crm.contacts.basicApi.purge({ objectId: 'forget-me@example.com', idProperty: 'email' });
      expect(
        (await failure(objects().basicApi.getById('contacts', contact.id, undefined, undefined, undefined, true))).code,
      ).toBe(404);
      const companyContacts = await call(
        app.client,
        'GET',
        `/crm/v4/objects/companies/${company.id}/associations/contacts`,
      );
      expect(companyContacts.body['results']).toEqual([]);
      await objects().basicApi.create('contacts', { properties: { email: 'forget-me@example.com' }, associations: [] });
      const unknown = await call(app.client, 'POST', '/crm/v3/objects/contacts/gdpr-delete', { objectId: '999999999' });
      expect(unknown.status).toBe(404);
      expectShape(unknown.body, fixture('error-envelope'));
    },
  );

  contract(
    'POST /crm/v3/objects/:objectType/batch/create',
    'creates (201), or 207 with per-input errors keyed by objectWriteTraceId',
    async () => {
      const ok = await call(app.client, 'POST', '/crm/v3/objects/companies/batch/create', {
        inputs: [{ properties: { name: 'A' } }, { properties: { name: 'B' } }],
      });
      expect(ok.status).toBe(201);
      expect(ok.body['status']).toBe('COMPLETE');
      const partial = await call(app.client, 'POST', '/crm/v3/objects/companies/batch/create', {
        inputs: [
          { objectWriteTraceId: 't1', properties: { name: 'C' } },
          { objectWriteTraceId: 't2', properties: { missing: '1' } },
        ],
      });
      expect(partial.status).toBe(207);
      expectShape(partial.body, fixture('batch-207'));
      const typed = await objects().batchApi.create('companies', {
        inputs: [{ properties: { name: 'D' }, associations: [] }],
      });
      expect(typed.results[0]?.properties['name']).toBe('D');
    },
  );

  contract(
    'POST /crm/v3/objects/:objectType/batch/upsert',
    'upserts on a unique property with new flags (200)',
    async () => {
      const property = await call(app.client, 'POST', '/crm/v3/properties/companies', {
        name: 'source_key',
        label: 'Source key',
        type: 'string',
        fieldType: 'text',
        groupName: 'companyinformation',
        hasUniqueValue: true,
      });
      expect(property.status).toBe(201);
      const body = { inputs: [{ id: 'k-1', idProperty: 'source_key', properties: { name: 'Keyed' } }] };
      const first = await call(app.client, 'POST', '/crm/v3/objects/companies/batch/upsert', body);
      expect(first.status).toBe(200);
      expect((first.body['results'] as Array<{ new: boolean }>)[0]?.new).toBe(true);
      const typed = await objects().batchApi.upsert('companies', body);
      expect(typed.results[0]?._new).toBe(false);
    },
  );

  contract(
    'POST /crm/v3/objects/:objectType/batch/update',
    'updates by id (200); an unknown id is a 207 error entry',
    async () => {
      const created = await objects().basicApi.create('companies', { properties: { name: 'Upd' }, associations: [] });
      const res = await call(app.client, 'POST', '/crm/v3/objects/companies/batch/update', {
        inputs: [
          { id: created.id, properties: { city: 'Berlin' } },
          { id: '999999999', properties: { city: 'Paris' } },
        ],
      });
      expect(res.status).toBe(207);
      expect((res.body['errors'] as Array<{ category: string }>)[0]?.category).toBe('OBJECT_NOT_FOUND');
      const typed = await objects().batchApi.update('companies', {
        inputs: [{ id: created.id, properties: { city: 'Rome' } }],
      });
      expect(typed.results[0]?.properties['city']).toBe('Rome');
    },
  );

  contract(
    'POST /crm/v3/objects/:objectType/batch/read',
    'reads (200), 207 naming the ids that do not exist',
    async () => {
      const created = await objects().basicApi.create('companies', {
        properties: { name: 'Readable' },
        associations: [],
      });
      const typed = await objects().batchApi.read('companies', {
        inputs: [{ id: created.id }],
        properties: ['name'],
        propertiesWithHistory: [],
      });
      expect(typed.results[0]?.properties['name']).toBe('Readable');
      const partial = await call(app.client, 'POST', '/crm/v3/objects/companies/batch/read', {
        inputs: [{ id: created.id }, { id: '999999999' }],
        properties: [],
        propertiesWithHistory: [],
      });
      expect(partial.status).toBe(207);
      expect((partial.body['errors'] as Array<{ context: { ids: string[] } }>)[0]?.context.ids).toEqual(['999999999']);
    },
  );

  contract('POST /crm/v3/objects/:objectType/batch/archive', 'archives (204), even ids that do not exist', async () => {
    const created = await objects().basicApi.create('companies', {
      properties: { name: 'Batch gone' },
      associations: [],
    });
    const res = await call(app.client, 'POST', '/crm/v3/objects/companies/batch/archive', {
      inputs: [{ id: created.id }, { id: '999999999' }],
    });
    expect(res.status).toBe(204);
    expect((await failure(objects().basicApi.getById('companies', created.id))).code).toBe(404);
  });

  contract(
    'POST /crm/v3/objects/:objectType/search',
    'returns total, results and integer paging; limit > 200 is 400',
    async () => {
      await objects().basicApi.create('contacts', {
        properties: { email: 'search1@example.com', firstname: 'Sea' },
        associations: [],
      });
      const raw = await call(app.client, 'POST', '/crm/v3/objects/contacts/search', {
        filterGroups: [{ filters: [{ propertyName: 'email', operator: 'CONTAINS_TOKEN', value: '*@example.com' }] }],
        limit: 1,
      });
      expect(raw.status).toBe(200);
      expectShape(raw.body, fixture('search'));
      const typed = await objects().searchApi.doSearch('contacts', {
        query: 'sea',
        limit: 10,
        after: '0',
        sorts: [],
        properties: ['firstname'],
        filterGroups: [],
      });
      expect(typed.total).toBe(1);
      const tooBig = await call(app.client, 'POST', '/crm/v3/objects/contacts/search', { limit: 201 });
      expect(tooBig.status).toBe(400);
      expectShape(tooBig.body, fixture('error-envelope'));
      expect(tooBig.body['category']).toBe('VALIDATION_ERROR');
    },
  );
});
