import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { parse } from 'csv-parse/sync';
import request from 'supertest';
import type { SetupSelection } from '../../backend/src/transfer/setup/setup-selection-shape.js';
import { SetupResponse, SetupReview, TransferErrorsPage } from '../../shared/src/contracts/index.js';
import { type AuditHarness, FINISHED, startAuditHarness } from '../support/audit-harness.js';
import { hubspotPortalToken } from '../support/hubspot-portal-token.js';
import { scenarioSelection } from '../support/setup-scenario.js';
import { TEST_PUBLIC_ORIGIN } from '../support/test-app.js';
import { waitFor } from '../support/wait-for.js';

const PORTAL = 4242;
let harness: AuditHarness;
let extraPipelines: SetupSelection['pipelines'] = [];
let extraProperties: SetupSelection['properties'] = [];
/** The selection the last setup used (the same function the product calls, so tests compare against it). */
let chosen: SetupSelection;
let portalToken: string | null = null;

interface SandboxProperty {
  name: string;
  label: string;
  type: string;
  fieldType: string;
  groupName: string;
  hasUniqueValue: boolean;
}
interface SandboxState {
  properties: Record<string, { custom: SandboxProperty[]; groups: { name: string; label: string }[] }>;
  pipelines: {
    deals: {
      id: string;
      label: string;
      stages: { id: string; label: string; metadata: { probability: string; isClosed: string } }[];
    }[];
  };
  flows: { id: string; name: string; isEnabled: boolean }[];
  currencies: { companyCurrency: string; exchangeRates: { id: string; fromCurrencyCode: string }[] };
  associationLabels: { typeId: number; name: string; label: string | null; from: string; to: string }[];
  invitations: string[];
  owners: { id: string; email: string }[];
}

const portalState = async () => (await harness.hubspotControl('GET', `/portals/${PORTAL}/state`)) as SandboxState;

/** HubSpot's API itself (the installed app's token is not needed: the sandbox's inspection reads the same state). */
const created = (state: SandboxState) => ({
  properties: Object.entries(state.properties)
    .flatMap(([object, entry]) => entry.custom.map((property) => `${object}.${property.name}`))
    .sort(),
  groups: Object.entries(state.properties)
    .flatMap(([object, entry]) =>
      entry.groups.filter((group) => group.name.startsWith('pipedrive_')).map((group) => `${object}.${group.name}`),
    )
    .sort(),
  pipelines: state.pipelines.deals.filter((pipeline) => pipeline.id !== 'default'),
  flows: state.flows,
  rates: state.currencies.exchangeRates.map((rate) => rate.fromCurrencyCode),
  // HubSpot keeps each label in both directions; the inverse is named `<name>_inverse`.
  labels: state.associationLabels
    .filter((label) => !label.name.endsWith('_inverse'))
    .map((label) => `${label.from}/${label.to}/${label.label}`)
    .sort(),
  invitations: state.invitations,
});

async function runSetup(): Promise<SetupResponse> {
  const started = await harness.api('POST', '/api/v1/setup', { source: 'pipedrive' });
  if (started.status !== 202) throw new Error(`setup did not start: ${started.status} ${JSON.stringify(started.body)}`);
  const { id } = SetupResponse.parse(started.body);
  return waitFor(
    async () => SetupResponse.parse((await harness.api('GET', `/api/v1/setup/${id}`)).body),
    (setup) => FINISHED.includes(setup.job.status),
    120_000,
    'the setup to finish',
  );
}

/** Every chosen item, by kind, as the sandbox names it. */
function expected(selection: SetupSelection) {
  return {
    properties: [
      ...selection.properties.map((property) => `${property.objectType}.${property.name}`),
      ...selection.propertyGroups.flatMap((group) =>
        ['record_id', 'record_link'].map((suffix) => `${group.objectType}.${group.name}__${suffix}`),
      ),
    ].sort(),
    groups: selection.propertyGroups.map((group) => `${group.objectType}.${group.name}`).sort(),
    pipelines: selection.pipelines.map((pipeline) => pipeline.label).sort(),
    rates: selection.currencies.map((currency) => currency.code).sort(),
    labels: selection.associationLabels
      .map((label) => `${label.fromObjectType}/${label.toObjectType}/${label.label}`)
      .sort(),
    invitations: selection.owners.invite.map((user) => user.email).sort(),
  };
}

const flowNames = [
  'Smart Transfer: keep the Pipedrive create date on deals',
  'Smart Transfer: keep the Pipedrive close date on deals',
];

async function ledger(transferId?: string) {
  const { rows } = await harness.db.pool.query<{
    item_type: string;
    hubspot_object: string | null;
    item_key: string;
    action: string;
    state: string;
    hubspot_id: string | null;
  }>(
    `SELECT item_type, hubspot_object, item_key, action, state, hubspot_id FROM ledger_entries
     WHERE $1::uuid IS NULL OR transfer_id = $1 ORDER BY id`,
    [transferId ?? null],
  );
  return rows;
}

beforeAll(async () => {
  harness = await startAuditHarness({
    portalId: PORTAL,
    pipedrive: { dataset: { records: 150, seed: 5 } },
    ownerEmails: () => ['admin@sandbox.example'],
    setupSelection: (plan) => {
      const selection = scenarioSelection(plan, { extraPipelines });
      chosen = { ...selection, properties: [...selection.properties, ...extraProperties] };
      return chosen;
    },
  });
  // Enough deal pipelines and currencies for the scenario (Starter allows 2 pipelines and 2 currencies).
  await harness.hubspotControl('PATCH', `/portals/${PORTAL}`, { tier: 'professional' });
  expect((await harness.runAudit()).job.status).toBe('COMPLETE');
}, 120_000);
afterAll(async () => {
  await harness.close();
});

const refusal = (message: string) => ({
  status: 400,
  body: { status: 'error', category: 'VALIDATION_ERROR', message, correlationId: 'c-setup' },
});

describe('the setup transfer', () => {
  it('reviews what it would create before running, and writes nothing', async () => {
    const before = created(await portalState());
    const res = await harness.api('GET', '/api/v1/setup/review?source=pipedrive');
    expect(res.status).toBe(200);
    const review = SetupReview.parse(res.body);
    const want = expected(chosen);
    const creates = review.objects.flatMap((object) => object.items).filter((item) => item.outcome === 'create');
    expect(creates.filter((item) => item.itemType === 'property')).toHaveLength(want.properties.length);
    expect(creates.filter((item) => item.itemType === 'pipeline')).toHaveLength(want.pipelines.length);
    expect(creates.filter((item) => item.itemType === 'workflow')).toHaveLength(2);
    // The matched owner is reused; the others are invited (opted in).
    const owners = review.objects
      .find((object) => object.object === 'account')
      ?.items.filter((i) => i.itemType === 'owner');
    expect(owners?.filter((item) => item.outcome === 'reuse')).toHaveLength(
      chosen.owners.map.length - want.invitations.length,
    );
    expect(review.totals.create + review.totals.reuse + review.totals.skip + review.totals.fail).toBe(
      review.objects.reduce((sum, object) => sum + object.items.length, 0),
    );
    expect(review.workflowsAvailable).toBe(true);
    expect(created(await portalState())).toEqual(before);
  });

  it('with one HubSpot failure per kind of item, lands the others and lists each failure in the CSV', async () => {
    const dealProperty = chosen.properties.find(
      (property) => property.objectType === 'deals' && property.label.includes('🚀'),
    );
    const invitee = chosen.owners.invite[0];
    expect(dealProperty && invitee && chosen.associationLabels[0]).toBeTruthy();
    const faults = [
      { method: 'POST', path: '/crm/v3/properties/contacts/groups', respond: refusal('group refused') },
      {
        method: 'POST',
        path: '/crm/v3/properties/deals',
        body: { name: dealProperty?.name },
        respond: refusal('property refused'),
      },
      { method: 'POST', path: '/crm/v4/associations/deals/companies/labels', respond: refusal('label refused') },
      {
        method: 'POST',
        path: '/crm/v3/pipelines/deals',
        body: { label: chosen.pipelines[0]?.label },
        respond: refusal('pipeline refused'),
      },
      { method: 'POST', path: '/settings/v3/users', body: { email: invitee?.email }, respond: refusal('user refused') },
      {
        method: 'POST',
        path: '/settings/v3/currencies/exchange-rates',
        body: { fromCurrencyCode: 'GBP' },
        respond: refusal('currency refused'),
      },
      {
        method: 'POST',
        path: '/automation/v4/flows',
        body: { name: flowNames[1] },
        respond: refusal('workflow refused'),
      },
    ];
    for (const fault of faults) await harness.hubspotControl('POST', '/faults/targeted', fault);

    const setup = await runSetup();
    await harness.hubspotControl('DELETE', '/faults/targeted');
    expect(setup.job.status).toBe('COMPLETE');
    const state = created(await portalState());
    const want = expected(chosen);
    // HubSpot refuses a property whose group is missing: the contacts' properties fail with their group.
    const contactsGroupProperties = chosen.properties.filter((p) => p.objectType === 'contacts').length + 2;
    expect(setup.summary.failed).toBe(faults.length + contactsGroupProperties);
    // Everything else landed: properties of contacts failed with their group (they need it).
    expect(state.groups).toEqual(want.groups.filter((group) => !group.startsWith('contacts.')));
    expect(state.properties.length).toBe(want.properties.length - contactsGroupProperties - 1);
    expect(state.rates).toEqual(['EUR']);
    expect(state.flows.map((flow) => flow.name)).toEqual([flowNames[0]]);
    expect(state.pipelines.map((pipeline) => pipeline.label)).toEqual(
      chosen.pipelines.slice(1).map((pipeline) => pipeline.label),
    );

    const errors = TransferErrorsPage.parse(
      (await harness.api('GET', `/api/v1/transfers/${setup.id}/errors?pageSize=200`)).body,
    );
    expect(errors.total).toBe(setup.summary.failed);
    const link = await harness.api('POST', `/api/v1/transfers/${setup.id}/errors/export-link`);
    expect(link.status).toBe(201);
    const url = new URL((link.body as { url: string }).url);
    expect(url.origin).toBe(TEST_PUBLIC_ORIGIN);
    const csv = await request(harness.app).get(url.pathname).expect(200);
    const rows = parse(csv.text.replace(/^\uFEFF/, ''), { columns: true }) as Record<string, string>[];
    for (const message of [
      'group refused',
      'property refused',
      'label refused',
      'pipeline refused',
      'user refused',
      'currency refused',
      'workflow refused',
    ])
      expect(rows.find((row) => row['Message'] === message)).toMatchObject({ 'HubSpot category': 'VALIDATION_ERROR' });
    expect(rows).toHaveLength(setup.summary.failed);
    expect(rows.every((row) => row['Hint'] !== '')).toBe(true);
    // Single use.
    await request(harness.app).get(url.pathname).expect(404);
    // Search and paging.
    const searched = TransferErrorsPage.parse(
      (await harness.api('GET', `/api/v1/transfers/${setup.id}/errors?q=CURRENCY%20refused&pageSize=1`)).body,
    );
    expect(searched.errors.map((error) => error.itemKey)).toEqual(['GBP']);
  }, 180_000);

  it('a second run creates exactly what is missing: HubSpot then has exactly the chosen items, each in the ledger', async () => {
    // The older 0.1-step rule: the stage at 25 % is refused, then written rounded to 0.3 (and the user told).
    await harness.hubspotControl('PATCH', `/portals/${PORTAL}`, { probabilityInTenths: true });
    const setup = await runSetup();
    expect(setup.job.status).toBe('COMPLETE');
    expect(setup.summary.failed).toBe(0);
    expect(setup.notices.join('\n')).toMatch(/refused the probability 0\.25; 0\.3/);

    const raw = await portalState();
    const state = created(raw);
    const want = expected(chosen);
    expect(state.properties.sort()).toEqual(want.properties);
    expect(state.groups.sort()).toEqual(want.groups);
    expect(state.pipelines.map((pipeline) => pipeline.label).sort()).toEqual(want.pipelines);
    expect(state.rates.sort()).toEqual(want.rates);
    expect(state.labels).toEqual(want.labels);
    expect(state.invitations.sort()).toEqual(want.invitations);
    expect(state.flows.map((flow) => flow.name).sort()).toEqual([...flowNames].sort());
    expect(state.flows.every((flow) => flow.isEnabled)).toBe(true);

    // Pipelines: each source stage, then Closed won / Closed lost closed at 1.0 / 0.0.
    for (const pipeline of chosen.pipelines) {
      const live = state.pipelines.find((candidate) => candidate.label === pipeline.label);
      expect(live?.stages.map((stage) => stage.label)).toEqual(pipeline.stages.map((stage) => stage.label));
      const closed = live?.stages.filter((stage) => stage.metadata.isClosed === 'true');
      expect(closed?.map((stage) => Number(stage.metadata.probability)).sort()).toEqual([0, 1]);
    }
    const first = state.pipelines.find((pipeline) => pipeline.label === chosen.pipelines[0]?.label);
    expect(first?.stages[0]?.metadata.probability).toBe('0.3');
    // The source record id is unique where HubSpot allows it, not on products and engagements.
    const uniqueValued = Object.entries(raw.properties).flatMap(([object, entry]) =>
      entry.custom.filter((property) => property.hasUniqueValue).map((property) => `${object}.${property.name}`),
    );
    expect(uniqueValued.sort()).toEqual([
      'companies.pipedrive_organization__record_id',
      'contacts.pipedrive_person__record_id',
      'deals.pipedrive_deal__record_id',
    ]);

    // Every ledger item exists in HubSpot, and every item setup made in HubSpot is in the ledger (both runs'
    // ledgers: the second run records what the first created as reused).
    const entries = (await ledger()).filter((entry) => entry.state === 'confirmed');
    const unique = <T>(values: T[]) => [...new Set(values)].sort();
    expect((await ledger()).filter((entry) => entry.state !== 'confirmed')).toEqual([]);
    const inLedger = (type: string) =>
      unique(
        entries.filter((entry) => entry.item_type === type).map((entry) => `${entry.hubspot_object}.${entry.item_key}`),
      );
    const idsOf = (type: string) =>
      unique(entries.filter((entry) => entry.item_type === type).map((e) => e.hubspot_id));
    expect(inLedger('property')).toEqual(state.properties.sort());
    expect(inLedger('property_group')).toEqual(state.groups.sort());
    const pipelineIds = idsOf('pipeline');
    expect(pipelineIds.sort()).toEqual(state.pipelines.map((pipeline) => pipeline.id).sort());
    const stageIds = idsOf('pipeline_stage');
    expect(stageIds.sort()).toEqual(
      state.pipelines.flatMap((pipeline) => pipeline.stages.map((stage) => stage.id)).sort(),
    );
    const flowIds = idsOf('workflow');
    expect(flowIds.sort()).toEqual(state.flows.map((flow) => flow.id).sort());
    const labelIds = idsOf('association_label');
    const forwardIds = raw.associationLabels
      .filter((label) => !label.name.endsWith('_inverse'))
      .map((label) => String(label.typeId));
    expect(labelIds.sort()).toEqual(forwardIds.sort());
    const rateIds = idsOf('currency');
    expect(rateIds.sort()).toEqual(raw.currencies.exchangeRates.map((rate) => rate.id).sort());
  }, 180_000);

  it('hostile labels become valid, distinct, stable properties and leave HubSpot’s own properties as they were', async () => {
    const raw = await portalState();
    const deals = raw.properties['deals']?.custom ?? [];
    const hostile = chosen.properties.filter((property) => property.objectType === 'deals');
    for (const property of hostile) {
      const live = deals.find((candidate) => candidate.name === property.name);
      expect(live?.name).toMatch(/^[a-z][a-z0-9_]{0,99}$/);
      expect(live?.label).toBe(property.label);
    }
    expect(new Set(deals.map((property) => property.name)).size).toBe(deals.length);
    expect(new Set(deals.map((property) => property.label.toLowerCase())).size).toBe(deals.length);
    // HubSpot's own properties keep their names, labels and types (read through HubSpot's properties API).
    const standard = (await hubspotCall('GET', '/crm/v3/properties/deals')) as { results: SandboxProperty[] };
    const own = (name: string) => standard.results.find((property) => property.name === name);
    expect(own('amount')).toMatchObject({ label: 'Amount', type: 'number' });
    expect(own('dealname')).toMatchObject({ label: 'Deal Name', type: 'string' });
    expect(own('closedate')).toMatchObject({ label: 'Close Date', type: 'datetime' });
    // No created property borrows a standard label.
    const standardLabels = new Set(
      standard.results.filter((property) => !deals.some((ours) => ours.name === property.name)).map((p) => p.label),
    );
    expect(deals.filter((property) => standardLabels.has(property.label))).toEqual([]);
  });

  it('after truncating our ledger, a new run creates nothing and reports everything reused', async () => {
    const before = created(await portalState());
    await harness.db.pool.query('DELETE FROM ledger_entries');
    const setup = await runSetup();
    expect(setup.job.status).toBe('COMPLETE');
    expect(setup.summary.created).toBe(0);
    expect(setup.summary.failed).toBe(0);
    const items = (await ledger(setup.id)).filter((entry) => entry.item_type !== 'pipeline_stage');
    expect(setup.summary.reused).toBe(items.length);
    expect(items.every((entry) => entry.action === 'reused' && entry.state === 'confirmed')).toBe(true);
    expect(created(await portalState())).toEqual(before);
  }, 180_000);

  it('a create whose answer is lost is found by its name and recorded as created, not made twice; exact probabilities where HubSpot takes them', async () => {
    await harness.hubspotControl('PATCH', `/portals/${PORTAL}`, { probabilityInTenths: false });
    extraPipelines = [
      {
        sourcePipelineId: 'exact',
        label: 'Exact pipeline',
        stages: [
          {
            sourceStageId: 'e1',
            label: 'Maybe',
            displayOrder: 0,
            probability: 0.4,
            sourceProbability: 35,
            closed: null,
          },
          {
            sourceStageId: null,
            label: 'Closed won',
            displayOrder: 1,
            probability: 1,
            sourceProbability: null,
            closed: 'won',
          },
          {
            sourceStageId: null,
            label: 'Closed lost',
            displayOrder: 2,
            probability: 0,
            sourceProbability: null,
            closed: 'lost',
          },
        ],
      },
    ];
    await harness.hubspotControl('POST', '/faults/targeted', {
      method: 'POST',
      path: '/crm/v3/pipelines/deals',
      afterApply: { respond: { status: 502 } },
    });
    const setup = await runSetup();
    await harness.hubspotControl('DELETE', '/faults/targeted');
    expect(setup.job.status).toBe('COMPLETE');
    expect(setup.summary).toMatchObject({ created: 1, failed: 0 });
    const pipelines = created(await portalState()).pipelines.filter((pipeline) => pipeline.label === 'Exact pipeline');
    expect(pipelines).toHaveLength(1);
    expect(pipelines[0]?.stages[0]?.metadata.probability).toBe('0.35');
    const entry = (await ledger(setup.id)).find((row) => row.item_type === 'pipeline' && row.item_key === 'exact');
    expect(entry).toMatchObject({ action: 'created', state: 'confirmed', hubspot_id: pipelines[0]?.id });
  }, 180_000);

  it('adds a stage a reused pipeline lacks, recorded as created while the pipeline stays reused', async () => {
    const [exact] = extraPipelines;
    if (!exact) throw new Error('the lost-answer test adds this pipeline');
    extraPipelines = [
      {
        ...exact,
        stages: [
          ...exact.stages,
          {
            sourceStageId: 'e2',
            label: 'Later',
            displayOrder: 3,
            probability: 0.5,
            sourceProbability: 50,
            closed: null,
          },
        ],
      },
    ];
    const setup = await runSetup();
    expect(setup.job.status).toBe('COMPLETE');
    const live = created(await portalState()).pipelines.find((pipeline) => pipeline.label === 'Exact pipeline');
    expect(live?.stages.map((stage) => stage.label)).toEqual(['Maybe', 'Closed won', 'Closed lost', 'Later']);
    const rows = await ledger(setup.id);
    expect(rows.find((row) => row.item_type === 'pipeline' && row.item_key === 'exact')?.action).toBe('reused');
    const later = rows.find((row) => row.item_type === 'pipeline_stage' && row.item_key === 'exact/e2');
    expect(later).toMatchObject({ action: 'created', state: 'confirmed', hubspot_id: live?.stages[3]?.id });
  }, 180_000);

  it('adds the options an existing enumeration lacks, keeps its own, records the change for revert, and changes nothing the second time', async () => {
    const name = 'region_in_hubspot';
    const own = { label: 'North (HubSpot)', value: 'n', displayOrder: 0, hidden: false };
    await hubspotCall('POST', '/crm/v3/properties/deals', {
      name,
      label: 'Region in HubSpot',
      type: 'enumeration',
      fieldType: 'select',
      groupName: 'dealinformation',
      options: [own],
    });
    extraProperties = [
      {
        action: 'existing',
        objectType: 'deals',
        objectKey: 'deals',
        sourceField: 'region',
        name,
        label: 'Region',
        type: 'enumeration',
        fieldType: 'select',
        groupName: null,
        options: [
          { value: 'n', label: 'North' },
          { value: 's', label: 'South' },
        ],
        references: null,
      },
    ];
    const options = async () =>
      ((await hubspotCall('GET', `/crm/v3/properties/deals/${name}`)) as { options: (typeof own)[] }).options.map(
        ({ label, value, hidden }) => ({ label, value, hidden }),
      );
    const changes = async (transferId: string) =>
      (
        await harness.db.pool.query<{ action: string; state: string; previous_values: unknown }>(
          `SELECT action, state, previous_values FROM ledger_entries
           WHERE transfer_id = $1 AND item_type = 'property' AND hubspot_object = 'deals' AND item_key = $2`,
          [transferId, name],
        )
      ).rows;
    try {
      const first = await runSetup();
      expect(first.job.status).toBe('COMPLETE');
      const after = [
        { label: 'North (HubSpot)', value: 'n', hidden: false },
        { label: 'South', value: 's', hidden: false },
      ];
      expect(await options()).toEqual(after);
      expect(await changes(first.id)).toEqual([
        { action: 'changed', state: 'confirmed', previous_values: { options: [own] } },
      ]);

      const second = await runSetup();
      expect(second.job.status).toBe('COMPLETE');
      expect(await options()).toEqual(after);
      expect(await changes(second.id)).toEqual([]);
    } finally {
      extraProperties = [];
    }
  }, 240_000);

  it('runs the backfill workflows: a deal moved to Closed won keeps the source close date', async () => {
    const raw = await portalState();
    const pipeline = raw.pipelines.deals.find((candidate) => candidate.label === chosen.pipelines[0]?.label);
    const open = pipeline?.stages[0];
    const won = pipeline?.stages.find((stage) => stage.label === 'Closed won');
    const closeTime = chosen.properties.find(
      (property) => property.objectType === 'deals' && property.sourceField === 'close_time',
    );
    expect(pipeline && open && won && closeTime).toBeTruthy();
    const hubspot = hubspotCall;
    const sourceClose = '2021-03-04T05:06:07.000Z';
    const deal = (await hubspot('POST', '/crm/v3/objects/deals', {
      properties: {
        dealname: 'Won in Pipedrive',
        pipeline: pipeline?.id,
        dealstage: open?.id,
        closedate: sourceClose,
        [closeTime?.name ?? '']: sourceClose,
      },
    })) as { id: string };
    await hubspot('PATCH', `/crm/v3/objects/deals/${deal.id}`, { properties: { dealstage: won?.id } });
    const read = (await hubspot('GET', `/crm/v3/objects/deals/${deal.id}?properties=closedate`)) as {
      properties: { closedate: string };
    };
    expect(read.properties.closedate).toBe(sourceClose);
  });
});

/** A call to the sandbox's HubSpot API with a token of our own for the portal (a second install of the app). */
async function hubspotCall(method: string, path: string, body?: unknown): Promise<unknown> {
  const { hubspot } = harness;
  portalToken ??= await hubspotPortalToken(hubspot, PORTAL);
  const res = await fetch(`${hubspot.apiBaseUrl}${path}`, {
    method,
    headers: { authorization: `Bearer ${portalToken}`, 'content-type': 'application/json' },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  if (!res.ok) throw new Error(`HubSpot ${method} ${path}: ${res.status} ${await res.text()}`);
  return res.json();
}
