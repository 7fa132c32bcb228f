import { afterAll, beforeAll, describe, expect } from '@jest/globals';
import { call, contract, expectShape, fixture, installApp, type Installed } from './support/contract.js';

let app: Installed;
beforeAll(async () => {
  app = await installApp();
});
afterAll(async () => {
  await app.sandbox.close();
});

let counter = 0;
async function pair(): Promise<{ contactId: string; companyId: string }> {
  counter += 1;
  const contact = await app.client.crm.objects.basicApi.create('contacts', {
    properties: { email: `assoc${counter}@example.com` },
    associations: [],
  });
  const company = await app.client.crm.objects.basicApi.create('companies', {
    properties: { name: `Assoc ${counter}` },
    associations: [],
  });
  return { contactId: contact.id, companyId: company.id };
}
const v4 = () => app.client.crm.associations.v4;
const HUBSPOT_DEFINED = 'HUBSPOT_DEFINED' as const;

describe('HubSpot associations v4 contract', () => {
  contract(
    'POST /crm/v4/associations/:fromObjectType/:toObjectType/batch/create',
    "creates labelled associations (200 since HubSpot's 2025 change, hubspot-api-python#448)",
    async () => {
      const { contactId, companyId } = await pair();
      const raw = await call(app.client, 'POST', '/crm/v4/associations/contacts/companies/batch/create', {
        inputs: [
          {
            from: { id: contactId },
            to: { id: companyId },
            types: [{ associationCategory: HUBSPOT_DEFINED, associationTypeId: 279 }],
          },
        ],
      });
      expect(raw.status).toBe(200);
      expectShape(raw.body, fixture('association-batch-create'));
    },
  );

  contract(
    'POST /crm/v4/associations/:fromObjectType/:toObjectType/batch/associate/default',
    'creates default associations',
    async () => {
      const { contactId, companyId } = await pair();
      const raw = await call(app.client, 'POST', '/crm/v4/associations/contacts/companies/batch/associate/default', {
        inputs: [{ from: { id: contactId }, to: { id: companyId } }],
      });
      expect(raw.status).toBe(200);
      expectShape(raw.body, fixture('default-association'));
      expect(
        (raw.body['results'] as Array<{ associationSpec: { associationTypeId: number } }>)[0]?.associationSpec
          .associationTypeId,
      ).toBe(279);
    },
  );

  contract(
    'POST /crm/v4/associations/:fromObjectType/:toObjectType/batch/read',
    'reads associations with their types; none found is a 207 error',
    async () => {
      const { contactId, companyId } = await pair();
      await v4().batchApi.createDefault('contacts', 'companies', {
        inputs: [{ _from: { id: contactId }, to: { id: companyId } }],
      });
      const raw = await call(app.client, 'POST', '/crm/v4/associations/contacts/companies/batch/read', {
        inputs: [{ id: contactId }],
      });
      expectShape(raw.body, fixture('association-batch-read'));
      const typed = await v4().batchApi.getPage('contacts', 'companies', { inputs: [{ id: contactId }] });
      expect(typed.results[0]?.to[0]?.toObjectId).toBe(Number(companyId));
      const none = await call(app.client, 'POST', '/crm/v4/associations/contacts/companies/batch/read', {
        inputs: [{ id: '999999999' }],
      });
      expect(none.status).toBe(207);
    },
  );

  contract(
    'POST /crm/v4/associations/:fromObjectType/:toObjectType/batch/archive',
    'removes associations (204)',
    async () => {
      const { contactId, companyId } = await pair();
      await v4().basicApi.createDefault('contacts', contactId, 'companies', companyId);
      await v4().batchApi.archive('contacts', 'companies', {
        inputs: [{ _from: { id: contactId }, to: [{ id: companyId }] }],
      });
      expect((await v4().basicApi.getPage('contacts', contactId, 'companies')).results).toEqual([]);
    },
  );

  contract(
    'POST /crm/v4/associations/:fromObjectType/:toObjectType/batch/labels/archive',
    'removes a label but keeps the unlabeled association',
    async () => {
      const { contactId, companyId } = await pair();
      await v4().basicApi.create('contacts', contactId, 'companies', companyId, [
        { associationCategory: HUBSPOT_DEFINED as never, associationTypeId: 1 },
      ]);
      const res = await call(app.client, 'POST', '/crm/v4/associations/contacts/companies/batch/labels/archive', {
        inputs: [
          {
            from: { id: contactId },
            to: { id: companyId },
            types: [{ associationCategory: HUBSPOT_DEFINED, associationTypeId: 1 }],
          },
        ],
      });
      expect(res.status).toBe(204);
      const left = await v4().basicApi.getPage('contacts', contactId, 'companies');
      expect(left.results[0]?.associationTypes.map((t) => t.typeId)).toEqual([279]);
    },
  );

  contract(
    'PUT /crm/v4/objects/:objectType/:objectId/associations/default/:toObjectType/:toObjectId',
    'associates two records by default',
    async () => {
      const { contactId, companyId } = await pair();
      const typed = await v4().basicApi.createDefault('contacts', contactId, 'companies', companyId);
      expect(typed.results[0]?.associationSpec.associationTypeId).toBe(279);
    },
  );

  contract(
    'GET /crm/v4/objects/:objectType/:objectId/associations/:toObjectType',
    "pages a record's associations",
    async () => {
      const { contactId, companyId } = await pair();
      await v4().basicApi.createDefault('contacts', contactId, 'companies', companyId);
      const page = await v4().basicApi.getPage('contacts', contactId, 'companies');
      expect(page.results[0]?.toObjectId).toBe(Number(companyId));
    },
  );

  contract(
    'PUT /crm/v4/objects/:objectType/:objectId/associations/:toObjectType/:toObjectId',
    'associates with given types (201) and returns the labels',
    async () => {
      const { contactId, companyId } = await pair();
      const raw = await call(
        app.client,
        'PUT',
        `/crm/v4/objects/contacts/${contactId}/associations/companies/${companyId}`,
        [{ associationCategory: HUBSPOT_DEFINED, associationTypeId: 1 }],
      );
      expect(raw.status).toBe(201);
      expect(raw.body['labels']).toEqual(['Primary']);
    },
  );

  contract(
    'DELETE /crm/v4/objects/:objectType/:objectId/associations/:toObjectType/:toObjectId',
    'removes every association between two records (204)',
    async () => {
      const { contactId, companyId } = await pair();
      await v4().basicApi.createDefault('contacts', contactId, 'companies', companyId);
      await v4().basicApi.archive('contacts', contactId, 'companies', companyId);
      expect((await v4().basicApi.getPage('companies', companyId, 'contacts')).results).toEqual([]);
    },
  );

  contract(
    'GET /crm/v4/associations/:fromObjectType/:toObjectType/labels',
    "lists the pair's association types",
    async () => {
      const raw = await call(app.client, 'GET', '/crm/v4/associations/contacts/companies/labels');
      expectShape(raw.body, fixture('association-labels'));
      const typed = await v4().schema.definitionsApi.getAll('contacts', 'companies');
      expect(typed.results.map((r) => r.typeId)).toEqual(expect.arrayContaining([1, 279]));
    },
  );

  contract(
    'POST /crm/v4/associations/:fromObjectType/:toObjectType/labels',
    'creates a USER_DEFINED label (and its inverse)',
    async () => {
      const typed = await v4().schema.definitionsApi.create('deals', 'companies', {
        label: 'Reseller',
        name: 'reseller',
        inverseLabel: 'Resold deal',
      });
      expect(typed.results.map((r) => r.label).sort()).toEqual(['Reseller', 'Resold deal']);
    },
  );

  contract('PUT /crm/v4/associations/:fromObjectType/:toObjectType/labels', 'renames a label (204)', async () => {
    const created = await v4().schema.definitionsApi.create('deals', 'contacts', {
      label: 'Champion',
      name: 'champion',
    });
    const typeId = created.results[0]?.typeId ?? 0;
    await v4().schema.definitionsApi.update('deals', 'contacts', { associationTypeId: typeId, label: 'Sponsor' });
    const labels = await v4().schema.definitionsApi.getAll('deals', 'contacts');
    expect(labels.results.find((r) => r.typeId === typeId)?.label).toBe('Sponsor');
  });

  contract(
    'DELETE /crm/v4/associations/:fromObjectType/:toObjectType/labels/:associationTypeId',
    'deletes a label (204)',
    async () => {
      const created = await v4().schema.definitionsApi.create('contacts', 'contacts', {
        label: 'Colleague',
        name: 'colleague',
      });
      const typeId = created.results[0]?.typeId ?? 0;
      await v4().schema.definitionsApi.remove('contacts', 'contacts', typeId);
      const labels = await v4().schema.definitionsApi.getAll('contacts', 'contacts');
      expect(labels.results.some((r) => r.typeId === typeId)).toBe(false);
    },
  );
});
