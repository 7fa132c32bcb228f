import { afterAll, beforeAll, describe, expect } from '@jest/globals';
import { call, contract, expectShape, fixture, installApp, type Installed } from './support/contract.js';

/**
 * Contacts v1 secondary e-mails: HubSpot's only API for a contact's other addresses (no v3 or batch form, no
 * model in the official client, so called through its `apiRequest`). Shapes from HubSpot's legacy reference.
 */
let app: Installed;
let vid: string;
beforeAll(async () => {
  app = await installApp();
  const created = await app.client.crm.contacts.basicApi.create({
    properties: { email: 'main@contract.example' },
    associations: [],
  });
  vid = created.id;
});
afterAll(async () => {
  await app.sandbox.close();
});

const path = (email: string) => `/contacts/v1/secondary-email/${vid}/email/${encodeURIComponent(email)}`;

describe('HubSpot contacts v1 secondary e-mails contract', () => {
  contract(
    'PUT /contacts/v1/secondary-email/:vid/email/:email',
    'adds an address; the answer lists them all',
    async () => {
      const raw = await call(app.client, 'PUT', path('other@contract.example'));
      expect(raw.status).toBe(200);
      expectShape(raw.body, fixture('secondary-emails'));
      expect(raw.body['secondaryEmails']).toEqual(['other@contract.example']);
    },
  );

  contract('GET /contacts/v1/secondary-email/:vid', "lists the contact's secondary addresses", async () => {
    const raw = await call(app.client, 'GET', `/contacts/v1/secondary-email/${vid}`);
    expect(raw.status).toBe(200);
    expectShape(raw.body, fixture('secondary-emails'));
  });

  contract('DELETE /contacts/v1/secondary-email/:vid/email/:email', 'removes an address', async () => {
    const raw = await call(app.client, 'DELETE', path('other@contract.example'));
    expect(raw.status).toBe(200);
    expect(raw.body['secondaryEmails']).toEqual([]);
  });
});
