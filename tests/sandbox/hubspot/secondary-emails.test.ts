import { beforeEach, describe, expect, it } from '@jest/globals';
import { createHubSpotSandbox } from '../../../sandbox/hubspot/index.js';
import { authed, install } from './support/install.js';

type Api = ReturnType<typeof authed>;
let api: Api;

beforeEach(async () => {
  const { app } = createHubSpotSandbox();
  api = authed(app, (await install(app)).access_token);
});

const contact = async (email: string): Promise<string> =>
  (await api('post', '/crm/v3/objects/contacts', { properties: { email } }).expect(201)).body.id as string;

describe('HubSpot sandbox: secondary e-mails (contacts v1)', () => {
  it('adds an address once per call, lists it in hs_additional_emails, and takes a repeat as a no-op', async () => {
    const vid = await contact('anna@alpha.example');
    const added = await api('put', `/contacts/v1/secondary-email/${vid}/email/Anna.Private%40home.example`).expect(200);
    expect(added.body).toEqual({
      portalId: expect.any(Number),
      vid: Number(vid),
      secondaryEmails: ['anna.private@home.example'],
    });
    await api('put', `/contacts/v1/secondary-email/${vid}/email/anna%40old.example`).expect(200);
    const again = await api('put', `/contacts/v1/secondary-email/${vid}/email/anna.private%40home.example`).expect(200);
    expect(again.body.secondaryEmails).toEqual(['anna.private@home.example', 'anna@old.example']);
    const read = await api('get', `/crm/v3/objects/contacts/${vid}?properties=hs_additional_emails`).expect(200);
    expect(read.body.properties.hs_additional_emails).toBe('anna.private@home.example;anna@old.example');
    // The property stays read-only through the objects API.
    await api('patch', `/crm/v3/objects/contacts/${vid}`, {
      properties: { hs_additional_emails: 'x@y.example' },
    }).expect(400);
    const removed = await api('delete', `/contacts/v1/secondary-email/${vid}/email/anna%40old.example`).expect(200);
    expect(removed.body.secondaryEmails).toEqual(['anna.private@home.example']);
  });

  it('refuses an invalid address, one another contact holds, and an unknown contact', async () => {
    const anna = await contact('anna@alpha.example');
    const bert = await contact('bert@beta.example');
    const invalid = await api('put', `/contacts/v1/secondary-email/${anna}/email/not-an-address`).expect(400);
    expect(invalid.body.errors[0].code).toBe('INVALID_EMAIL');
    const taken = await api('put', `/contacts/v1/secondary-email/${anna}/email/bert%40beta.example`).expect(409);
    expect(taken.body.message).toBe(`Contact already exists. Existing ID: ${bert}`);
    await api('put', `/contacts/v1/secondary-email/999999/email/x%40y.example`).expect(404);
    const listed = await api('get', `/contacts/v1/secondary-email/${anna}`).expect(200);
    expect(listed.body.secondaryEmails).toEqual([]);
  });

  it('refuses an address another contact holds as a secondary one, until that contact drops it or is archived', async () => {
    const anna = await contact('anna@alpha.example');
    const bert = await contact('bert@beta.example');
    await api('put', `/contacts/v1/secondary-email/${bert}/email/shared%40team.example`).expect(200);
    const taken = await api('put', `/contacts/v1/secondary-email/${anna}/email/Shared%40Team.example`).expect(409);
    expect(taken.body.message).toBe(`Contact already exists. Existing ID: ${bert}`);

    await api('delete', `/contacts/v1/secondary-email/${bert}/email/shared%40team.example`).expect(200);
    await api('put', `/contacts/v1/secondary-email/${anna}/email/shared%40team.example`).expect(200);
    await api('put', `/contacts/v1/secondary-email/${bert}/email/shared%40team.example`).expect(409);

    await api('delete', `/crm/v3/objects/contacts/${anna}`).expect(204);
    const freed = await api('put', `/contacts/v1/secondary-email/${bert}/email/shared%40team.example`).expect(200);
    expect(freed.body.secondaryEmails).toEqual(['shared@team.example']);
  });
});
