/**
 * A second source is one module plus one line in the list: a tiny test-only CRM ("Stub CRM", served by a
 * small express app below) registered through the same list as Pipedrive, connected and audited end to
 * end by the unchanged product code, and listed among the apps.
 */
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import express from 'express';
import { z } from 'zod';
import { collectPages, pagesFrom } from '../../backend/src/http-client/paging.js';
import { TEXT } from '../../backend/src/hubspot/object-model/index.js';
import type { CountState, SourceCatalog, SourceConnector } from '../../backend/src/sources/connector.js';
import { SOURCES } from '../../backend/src/sources/index.js';
import type { SourceModule } from '../../backend/src/sources/source-module.js';
import { type RunningHubSpotSandbox, startHubSpotSandbox } from '../../sandbox/hubspot/index.js';
import { AppsResponse, AuditResponse, GuideResponse } from '../../shared/src/contracts/index.js';
import { createTestDatabase, type TestDatabase } from '../support/database.js';
import { connectSource, installPortal } from '../support/flows.js';
import { sandboxControl } from '../support/sandbox-control.js';
import { signedCall, withIdentity } from '../support/signed-request.js';
import { hubspotSandboxConfig, TEST_CLIENT_SECRET, testConfig, testServices } from '../support/test-app.js';
import { waitFor } from '../support/wait-for.js';

const PORTAL_ID = 5150;
const CONTACTS = Array.from({ length: 7 }, (_, index) => ({
  id: String(index + 1),
  email: `c${index + 1}@stub.example`,
  nickname: `Nick ${index + 1}`,
}));
const ACCESS_TOKEN = 'stub-access-token';

/** The stub CRM's API: OAuth (approves at once), its account, its contact fields and contacts in pages of 3. */
function stubCrm(): express.Express {
  const app = express();
  app.get('/authorize', (req, res) => {
    const back = new URL(String(req.query.redirect_uri));
    back.searchParams.set('code', 'stub-code');
    back.searchParams.set('state', String(req.query.state));
    res.redirect(302, back.toString());
  });
  app.post('/token', express.json(), (req, res) => {
    if (req.body?.code !== 'stub-code') return void res.status(400).json({ error: 'invalid_grant' });
    res.json({ access_token: ACCESS_TOKEN, refresh_token: 'stub-refresh' });
  });
  app.use((req, res, next) =>
    req.headers.authorization === `Bearer ${ACCESS_TOKEN}` ? next() : res.status(401).end(),
  );
  app.get('/account', (_req, res) => res.json({ id: 'acct-1', name: 'Stub Inc.' }));
  app.get('/contacts', (req, res) => {
    const start = Number(req.query.cursor ?? 0);
    const next = start + 3 < CONTACTS.length ? String(start + 3) : null;
    res.json({ items: CONTACTS.slice(start, start + 3), next });
  });
  return app;
}

/** The test-only source's connector: OAuth against the stub, a catalog of one object, counting by pages. */
function stubConnector(config: { baseUrl: string }): SourceConnector {
  return {
    id: 'stubcrm',
    authorizeUrl: ({ state, redirectUri }) =>
      `${config.baseUrl}/authorize?${new URLSearchParams({ state, redirect_uri: redirectUri })}`,
    async exchangeCode({ code }) {
      const response = await fetch(`${config.baseUrl}/token`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ code }),
      });
      const body = (await response.json()) as { access_token: string; refresh_token: string };
      return {
        accessToken: body.access_token,
        refreshToken: body.refresh_token,
        expiresInSeconds: 3600,
        scopes: [],
        apiDomain: null,
      };
    },
    refresh: () => Promise.reject(new Error('the stub never expires a token in this test')),
    session({ accessToken }) {
      let requests = 0;
      const get = async <T>(path: string): Promise<T> => {
        requests += 1;
        const response = await fetch(`${config.baseUrl}${path}`, {
          headers: { authorization: `Bearer ${await accessToken()}` },
        });
        return (await response.json()) as T;
      };
      const contactPages = (from: string | null) =>
        pagesFrom(
          (cursor) =>
            get<{ items: typeof CONTACTS; next: string | null }>(
              `/contacts${cursor === null ? '' : `?cursor=${cursor}`}`,
            ),
          from,
        );
      const account = async () => {
        const { id, name } = await get<{ id: string; name: string }>('/account');
        return { accountId: id, accountName: name, defaultCurrency: null, locale: 'en_US', timeZone: null };
      };
      return {
        account,
        // The stub CRM has one user who sees everything.
        access: () => Promise.resolve({ userName: 'Stub user', admin: true, missingScopes: [] }),
        async catalog(): Promise<SourceCatalog> {
          const field = (key: string, label: string) => ({
            key,
            label,
            type: 'text',
            isCustom: key !== 'email',
            options: null,
            subfields: null,
            mandatory: false,
          });
          return {
            objects: [
              { key: 'contacts', label: 'Contacts', fields: [field('email', 'Email'), field('nickname', 'Nickname')] },
            ],
            pipelines: [],
            users: [],
            currencies: [],
            activityTypes: [],
            account: await account(),
          };
        },
        countableObjects: () => ['contacts'],
        readOne: () => Promise.resolve(null),
        readMany: () => Promise.resolve([]),
        async *count(_key, resumeFrom): AsyncGenerator<CountState> {
          let total = resumeFrom?.total ?? 0;
          for await (const page of contactPages(resumeFrom?.cursor ?? null)) {
            total += page.items.length;
            yield { cursor: page.next, total, breakdown: {}, done: page.next === null };
          }
        },
        async *read() {
          const records = await collectPages(contactPages(null));
          yield { records: records.map(({ id, ...values }) => ({ id, updatedAt: null, values })), cursor: null };
        },
        usage: () => ({ requests, cost: 0 }),
      };
    },
  };
}

const stubSource: SourceModule<{ baseUrl: string }> = {
  id: 'stubcrm',
  name: 'Stub CRM',
  description: 'A test-only CRM.',
  availability: 'available',
  auth: { kind: 'oauth2', tokensExpire: false },
  config: {
    schema: z.object({ STUB_CRM_URL: z.string().url() }).transform((env) => ({ baseUrl: env.STUB_CRM_URL })),
    requiredInProduction: [],
  },
  createConnector: (config) => stubConnector(config),
  mappingRules: {
    source: 'stubcrm',
    sourceName: 'Stub CRM',
    propertyPrefix: 'stubcrm',
    objects: [
      {
        key: 'contacts',
        label: 'Contacts',
        source: 'contacts',
        hubspotObject: 'contacts',
        singular: 'contact',
        fields: { email: { targets: [{ to: 'standard', name: 'email' }] } },
      },
    ],
    notTransferred: {},
    holdings: [],
    activities: { source: 'activities', byType: {}, otherTypes: 'tasks' },
    commonFields: {},
    fieldTypes: { text: { targets: [{ to: 'created', kind: TEXT }] } },
    pipelines: { closedStages: [], unknownProbabilityPercent: 100 },
  },
  valueConverters: {},
  // Contacts only, with no owners, pipelines or activities: the stub's records keep none of those.
  recordShape: {
    fields: {
      stage: 'stage',
      dueDate: 'due',
      dueTime: 'due_at',
      fullName: 'nickname',
      phones: 'phones',
      amount: 'amount',
      createdAt: 'created',
      closedAt: 'closed',
    },
    owner: () => null,
    createdAt: () => null,
    updatedAt: (record) => record.updatedAt,
    pipeline: () => null,
    stage: () => null,
    status: () => null,
    closeTimes: () => [],
    expectedCloseDay: () => null,
    activityType: () => null,
    dueDay: () => null,
    dueTime: () => null,
    currency: () => null,
    hasSplitName: () => false,
    billingFrequency: () => null,
  },
};

let db: TestDatabase;
let hubspot: RunningHubSpotSandbox;
let stub: Server;
let services: Awaited<ReturnType<typeof testServices>>;
const api = (method: 'GET' | 'POST', path: string, body?: unknown) =>
  signedCall(services.app, { method, path: withIdentity(path, PORTAL_ID), ...(body === undefined ? {} : { body }) });

beforeAll(async () => {
  db = await createTestDatabase();
  hubspot = await startHubSpotSandbox({ defaultPortalId: 1, clientSecret: TEST_CLIENT_SECRET });
  const control = sandboxControl(hubspot.apiBaseUrl);
  await control('POST', '/portals', {
    portalId: PORTAL_ID,
    users: [{ email: 'owner@hubspot.example', firstName: 'Owner' }],
  });
  await control('POST', '/oauth/next-approval', { portalId: PORTAL_ID });
  stub = await new Promise((resolve) => {
    const listening = stubCrm().listen(0, '127.0.0.1', () => resolve(listening));
  });
  const config = testConfig({
    hubspot: hubspotSandboxConfig(hubspot),
    // The stub's config comes out of its own schema, from its own variable, like Pipedrive's.
    sources: {
      stubcrm: stubSource.config.schema.parse({
        STUB_CRM_URL: `http://127.0.0.1:${(stub.address() as AddressInfo).port}`,
      }),
    },
  });
  // The one line that registers a source, as in backend/src/sources/index.ts.
  const sources = [...SOURCES, stubSource];
  services = await testServices(db, config, { now: () => new Date() }, { workers: true, sources });
  await installPortal(services.app);
  await connectSource(services.app, PORTAL_ID, 'stubcrm');
}, 60_000);

afterAll(async () => {
  await services.close();
  await new Promise((resolve) => stub.close(resolve));
  await hubspot.close();
  await db.drop();
});

describe('a second source registered through the list', () => {
  it('appears in the list of apps, connected', async () => {
    const apps = AppsResponse.parse((await api('GET', '/api/v1/apps')).body).apps;
    expect(apps.map((app) => [app.id, app.availability, app.connectionStatus])).toContainEqual([
      'stubcrm',
      'available',
      'connected',
    ]);
    expect(apps.find((app) => app.id === 'stubcrm')?.name).toBe('Stub CRM');
  });

  it('is what the User guide talks about once it is the connected source', async () => {
    const guide = GuideResponse.parse((await api('GET', '/api/v1/guide')).body);
    expect(guide.steps.find((step) => step.id === 'connect')).toMatchObject({
      title: 'Connect Stub CRM',
      state: 'complete',
    });
  });

  it('is audited end to end: counted through its pages, its fields mapped by its own rules', async () => {
    const started = await api('POST', '/api/v1/audits', { source: 'stubcrm' });
    expect(started.status).toBe(202);
    const { id } = AuditResponse.parse(started.body);
    const audit = await waitFor(
      async () => AuditResponse.parse((await api('GET', `/api/v1/audits/${id}`)).body),
      (current) => ['COMPLETE', 'FAILED', 'CANCELED'].includes(current.job.status),
      30_000,
      'the stub audit to finish',
    );
    expect(audit.job.statusReason).toBeNull();
    expect(audit.result?.source).toBe('stubcrm');
    expect(audit.result?.account.accountName).toBe('Stub Inc.');
    expect(audit.result?.objects.map((row) => [row.key, row.hubspotObject, row.records])).toEqual([
      ['contacts', 'contacts', CONTACTS.length],
    ]);
    expect(
      audit.result?.fields.contacts?.map((field) => [
        field.key,
        field.targets.map((target) => `${target.kind} ${target.name}`),
      ]),
    ).toEqual([
      ['email', ['standard email']],
      ['nickname', ['created stubcrm_contact_nickname']],
    ]);
    // The audit's session: the catalog's account read and three pages of contacts.
    expect(audit.result?.usage.requests).toBe(4);
  });

  it('refuses a source id no module registers', async () => {
    const res = await api('POST', '/api/v1/audits', { source: 'nosuchcrm' });
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('invalid_request');
  });
});
