import {
  Accordion,
  Alert,
  Button,
  DescriptionListItem,
  EmptyState,
  ErrorState,
  Flex,
  LoadingButton,
  Panel,
  SearchInput,
  StatisticsItem,
  Table,
  TableRow,
  Text,
} from '@hubspot/ui-extensions';
import type { RenderedElementNode } from '@hubspot/ui-extensions/testing';
import { describe, expect, it, jest } from '@jest/globals';
import type { AuditResponse } from '../../hubspot-app/app/shared/contracts/index.ts';
import {
  appsWith,
  AUDIT_1,
  AUDIT_2,
  cleanUpAfterEach,
  columnOf,
  COMPARISON,
  completeAudit,
  errorResponse,
  fakeBackend,
  fakePollingClock,
  fetchOptions,
  fire,
  guideWithAudit,
  jsonResponse,
  LEAD_TEMPERATURE,
  NO_CHANGES,
  pendingResponse,
  REGION,
  renderSettings,
  type Reply,
  RESULT,
  rowsOf,
  textOf,
  unfinishedAudit,
  url,
} from './support/index.ts';

cleanUpAfterEach();

const POST_OPTIONS = fetchOptions('POST');
const GET_OPTIONS = fetchOptions('GET');

/** The Smart Transfer tab of a portal whose latest Pipedrive audit is `latest`, once the audit shows. */
async function openResults(latest: AuditResponse, routes: Record<string, Reply[]> = {}) {
  const backend = fakeBackend({
    'GET /api/v1/guide': [jsonResponse(guideWithAudit('complete'))],
    'GET /api/v1/apps': [jsonResponse(appsWith({ connectionStatus: 'connected' }))],
    'GET /api/v1/audits': [jsonResponse(latest)],
    ...routes,
  });
  const page = renderSettings();
  await page.openSmartTransferTab();
  const section = () => page.tab('smart-transfer').find(Flex, { testId: 'step-section-audit' });
  await page.waitFor(() => expect(section().maybeFind(StatisticsItem)).not.toBeNull());
  const objects = () => section().find(Table, { testId: 'audit-objects' });
  const accordion = (testId: string) => section().find(Accordion, { testId });
  return { ...backend, ...page, section, objects, accordion };
}

/** The Panel an object's properties count opens (HubSpot opens a button's overlay when it is clicked). */
function panelOf(section: Pick<RenderedElementNode, 'find'>, objectKey: string) {
  const overlay = section.find(Button, { testId: `object-properties-${objectKey}` }).props.overlay;
  if (overlay === undefined) throw new Error(`the ${objectKey} count opens nothing`);
  return overlay.find(Panel);
}

describe('audit results (settings page, Smart Transfer tab)', () => {
  it('lists each object with the HubSpot object it becomes, its properties (and how many are not supported) and records', async () => {
    const { objects } = await openResults(completeAudit(AUDIT_1, RESULT));
    expect(rowsOf(objects())).toEqual([
      ['Persons', 'Contacts', '14 1 not supported', '1,200'],
      ['Organizations', 'Companies', '9', '310'],
      ['Deals', 'Deals', '22 2 not supported', '450'],
      ['↳ Archived deals', 'Deals', '—', '12'],
      ['Products', 'Products', '8', '35'],
      ['Call activities', 'Calls', '9', '640'],
      ['Task activities', 'Tasks', '9', '215'],
      ['Notes', 'Notes', '3', '980'],
    ]);
  });

  it("opens a deal's detail from its count: records by status and currency, every field, the pipelines and stages", async () => {
    const { section, waitFor } = await openResults(completeAudit(AUDIT_1, RESULT));
    // Until it is opened, the panel carries no field table (an account can have hundreds of fields).
    expect(panelOf(section(), 'deals').maybeFind(Table)).toBeNull();

    section().find(Button, { testId: 'object-properties-deals' }).trigger('onClick');
    await waitFor(() =>
      expect(panelOf(section(), 'deals').maybeFind(Table, { testId: 'fields-deals' })).not.toBeNull(),
    );
    const panel = panelOf(section(), 'deals');
    expect(panel.props.title).toBe('Deals → Deals');
    expect(panel.find(Text, { testId: 'records-deals' }).text).toBe('450 records');
    expect(panel.findAll(DescriptionListItem).map((item) => [item.props.label, textOf(item)])).toEqual([
      ['Open', '300'],
      ['Won', '100'],
      ['Lost', '50'],
      ['In EUR', '400'],
      ['In USD', '50'],
    ]);

    expect(rowsOf(panel.find(Table, { testId: 'fields-deals' }))).toEqual([
      [
        'Title',
        'title',
        'varchar',
        '✓ Supported',
        'Deal name HubSpot property dealname',
        'Single-line text (string)',
        '—',
      ],
      [
        'Value',
        'value',
        'monetary',
        '✓ Supported The amount goes to Amount and its currency to Currency.',
        'Amount HubSpot property amount Currency HubSpot property deal_currency_code',
        'Number (number), Dropdown select (enumeration)',
        '—',
      ],
      [
        'Lead temperature Custom',
        LEAD_TEMPERATURE,
        'enum',
        '✓ Supported',
        `Lead temperature Created by the transfer pipedrive_deal_${LEAD_TEMPERATURE}`,
        'Dropdown select (enumeration)',
        '3 options Hot, Warm, Cold',
      ],
      [
        'Region Custom',
        REGION,
        'set',
        '✗ Not supported two options are called “Zone 1” and HubSpot needs distinct option labels',
        '—',
        '—',
        '12 options Zone 1, Zone 2, Zone 3, Zone 4, Zone 5, Zone 6, Zone 7, Zone 8, Zone 9, Zone 10 and 2 more',
      ],
      [
        'Visible to',
        'visible_to',
        'visible_to',
        '✗ Not supported Visibility follows HubSpot’s own permissions and is not transferred.',
        '—',
        '—',
        '—',
      ],
    ]);

    expect(panel.findAll(Table).map((table) => table.props.testId)).toEqual([
      'fields-deals',
      'pipeline-1',
      'pipeline-2',
    ]);
    expect(rowsOf(panel.find(Table, { testId: 'pipeline-1' }))).toEqual([
      ['Qualified', '10%', '10%', '120 (+4 archived)'],
      ['Proposal made', '55%', '60%', '90'],
      ['Negotiation', 'Not set', '90%', '50'],
      ['Closed won Added in HubSpot', '—', '100%', '—'],
      ['Closed lost Added in HubSpot', '—', '0%', '—'],
    ]);
    expect(['1', '2'].map((id) => textOf(panel.find(Flex, { testId: `pipeline-heading-${id}` })))).toEqual([
      'Sales 410 deals 100 won · 50 lost Archived: 4 open · 7 won · 1 lost',
      'Partners',
    ]);
    expect(rowsOf(panel.find(Table, { testId: 'pipeline-2' }))[0]).toEqual(['Intro', '100%', '90%', '—']);

    fire(panel, 'onClose');
    await waitFor(() => expect(panelOf(section(), 'deals').maybeFind(Table)).toBeNull());
  });

  it('shows the detail of other objects without pipelines, and opens it when HubSpot reports the panel open', async () => {
    const { section, waitFor } = await openResults(completeAudit(AUDIT_1, RESULT));
    fire(panelOf(section(), 'persons'), 'onOpen');
    await waitFor(() =>
      expect(panelOf(section(), 'persons').maybeFind(Table, { testId: 'fields-persons' })).not.toBeNull(),
    );
    const panel = panelOf(section(), 'persons');
    expect(panel.props.title).toBe('Persons → Contacts');
    expect(panel.findAll(Table).map((table) => table.props.testId)).toEqual(['fields-persons']);
    expect(rowsOf(panel.find(Table, { testId: 'fields-persons' }))).toEqual([
      [
        'Name',
        'name',
        'varchar',
        '✓ Supported Split into first and last name.',
        'First name HubSpot property firstname Last name HubSpot property lastname',
        'Single-line text (string)',
        '—',
      ],
    ]);
    expect(panel.findAll(DescriptionListItem)).toEqual([]);

    fire(panelOf(section(), 'task_activities'), 'onOpen');
    await waitFor(() => expect(panelOf(section(), 'task_activities').maybeFind(Table)).not.toBeNull());
    const tasks = panelOf(section(), 'task_activities');
    expect(tasks.findAll(DescriptionListItem).map((item) => [item.props.label, textOf(item)])).toEqual([
      ['Task', '180'],
      ['Site visit', '35'],
    ]);
    expect(rowsOf(tasks.find(Table, { testId: 'fields-task_activities' }))).toEqual([['This object has no fields.']]);
  });

  it('filters the results table by object name as the user types, and says so when nothing matches', async () => {
    const { section, objects, waitFor } = await openResults(completeAudit(AUDIT_1, RESULT));
    const search = () => section().find(SearchInput, { testId: 'object-search' });
    expect(search().props.label).toBe('Search objects');

    fire(search(), 'onInput', 'deal');
    // A part of an object (archived deals) follows its object.
    await waitFor(() => expect(columnOf(objects(), 0)).toEqual(['Deals', '↳ Archived deals']));
    fire(search(), 'onInput', '  CONTACTS ');
    await waitFor(() => expect(columnOf(objects(), 0)).toEqual(['Persons']));
    fire(search(), 'onInput', 'activities');
    await waitFor(() => expect(columnOf(objects(), 0)).toEqual(['Call activities', 'Task activities']));

    fire(search(), 'onInput', 'zoho');
    await waitFor(() => expect(section().maybeFind(Table, { testId: 'audit-objects' })).toBeNull());
    const empty = section().find(EmptyState, { testId: 'no-object-matches' });
    expect(empty.props.title).toBe('No objects match "zoho"');
    expect(empty.find(Text).text).toBe('Check the spelling, or clear the search to see every object.');

    section().find(Button, { testId: 'clear-object-search' }).trigger('onClick');
    await waitFor(() => expect(columnOf(objects(), 0)).toHaveLength(8));
    expect(search().props.value).toBe('');
  });

  it('shows users with their HubSpot owner match, currencies, account settings, activity types and what is not transferred', async () => {
    const { section, accordion } = await openResults(completeAudit(AUDIT_1, RESULT));
    expect(
      section()
        .findAll(Accordion)
        .map((item) => item.props.title),
    ).toEqual([
      'Changes since the previous audit',
      'Also in Pipedrive (4)',
      'Users (3)',
      'Currencies (3)',
      'Account settings',
      'Activity types (3)',
      'Not transferred (2)',
    ]);

    const users = accordion('section-users');
    expect(users.find(Text, { testId: 'users-summary' }).text).toBe(
      '1 of 3 Pipedrive users match a HubSpot owner by email.',
    );
    expect(rowsOf(users.find(Table))).toEqual([
      ['Ana Silva', 'ana@acme.example', 'Active', 'Matching owner Ana Silva'],
      ['Ben Okafor', 'ben@acme.example', 'Active', 'No matching owner'],
      ['Carla Gómez', 'No email', 'Inactive', 'No matching owner'],
    ]);

    const currencies = accordion('section-currencies');
    expect(currencies.find(Text, { testId: 'currencies-summary' }).text).toBe(
      '2 of 3 currencies are not in HubSpot yet. HubSpot needs an exchange rate to add each one; you give it when you prepare HubSpot.',
    );
    expect(rowsOf(currencies.find(Table))).toEqual([
      ['EUR · Euro', 'Yes', 'In HubSpot'],
      ['USD · US Dollar', 'Yes', 'Not in HubSpot yet'],
      ['GBP · Pound Sterling', 'No', 'Not in HubSpot yet'],
    ]);

    expect(
      accordion('section-account')
        .findAll(DescriptionListItem)
        .map((item) => [item.props.label, textOf(item)]),
    ).toEqual([
      ['Account', 'Acme Ltd'],
      ['Default currency', 'EUR'],
      ['Locale', 'de_DE'],
      ['Time zone', 'Europe/Berlin'],
      ['Date format', 'DD.MM.YYYY'],
    ]);

    expect(rowsOf(accordion('section-activity-types').find(Table))).toEqual([
      ['Call', 'Calls', '640'],
      ['Task', 'Tasks', '180'],
      ['Site visit Custom', 'Tasks', '35'],
    ]);

    expect(rowsOf(accordion('section-not-transferred').find(Table))).toEqual([
      [
        'Leads',
        '41',
        'Pipedrive leads are not transferred yet. Convert the leads you want to keep into deals before transferring.',
      ],
      [
        'Filters',
        '6',
        'Pipedrive filters are saved searches. Recreate the ones you use as HubSpot lists or saved views.',
      ],
    ]);
  });

  it('shows what else the account holds: archived deals, files with their size, uncounted relationships, leads', async () => {
    const { accordion } = await openResults(completeAudit(AUDIT_1, RESULT));
    expect(rowsOf(accordion('section-holdings').find(Table, { testId: 'holdings' }))).toEqual([
      ['Archived deals', '12', 'Deals', 'They become ordinary HubSpot deals in their pipeline and stage.'],
      ['Files', '64 (5.0 MB)', 'Attachments', 'Uploaded to HubSpot’s file manager and attached to their records.'],
      [
        'Organization relationships',
        'Not counted',
        'Company associations',
        'Not counted: it would cost 20 tokens per organization.',
      ],
      [
        'Leads',
        '41',
        'Not transferred',
        'Pipedrive leads are not transferred yet. Convert the leads you want to keep into deals before transferring.',
      ],
    ]);
  });

  it('warns at the top when the connecting user is not an admin or a scope is missing, and offers to connect as an admin', async () => {
    const { section, objects, callsTo, waitFor } = await openResults(
      completeAudit(AUDIT_1, {
        ...RESULT,
        objects: RESULT.objects.map((object) =>
          object.key === 'deals' ? { ...object, records: 0, unreadable: 'Pipedrive refused the list.' } : object,
        ),
        access: {
          userName: 'Ben Okafor',
          admin: false,
          scopes: ['base', 'contacts:read'],
          missingScopes: [{ scope: 'deals:read', neededFor: 'deals' }],
          warnings: ['You connected Pipedrive as Ben Okafor, who is not an admin.', 'The deals:read scope is missing.'],
          action: 'connect_as_admin',
        },
      }),
      {
        'POST /api/v1/connect-tickets': [
          jsonResponse(
            { source: 'pipedrive', connectUrl: 'https://app.example/connect', expiresAt: '2030-01-01T00:00:00Z' },
            201,
          ),
        ],
      },
    );
    const warning = section().find(Alert, { testId: 'access-warning' });
    expect(textOf(warning)).toContain('You connected Pipedrive as Ben Okafor, who is not an admin.');
    expect(textOf(warning)).toContain('The deals:read scope is missing.');
    expect(textOf(objects().find(TableRow, { testId: 'object-deals' }))).toContain('Not readable');
    fire(warning.find(LoadingButton, { testId: 'connect-pipedrive' }), 'onClick');
    await waitFor(() => expect(callsTo('POST /api/v1/connect-tickets')).toHaveLength(1));
  });

  it('shows no access warning for an admin with every scope', async () => {
    const { section } = await openResults(completeAudit(AUDIT_1, RESULT));
    expect(section().maybeFind(Alert, { testId: 'access-warning' })).toBeNull();
  });

  it('says so when an account has no users, currencies, activity types or settings, and leaves nothing out', async () => {
    const bare = {
      ...RESULT,
      account: {
        accountId: '9001',
        accountName: null,
        defaultCurrency: null,
        locale: null,
        timeZone: null,
        dateFormat: null,
      },
      users: [],
      currencies: [],
      activityTypes: [],
      notTransferred: [],
    };
    const { accordion } = await openResults(completeAudit(AUDIT_1, bare));
    expect(accordion('section-users').find(Text, { testId: 'no-users' }).text).toBe('Pipedrive has no users to match.');
    expect(accordion('section-currencies').find(Text, { testId: 'no-currencies' }).text).toBe(
      'Pipedrive uses no currencies.',
    );
    expect(accordion('section-activity-types').find(Text, { testId: 'no-activity-types' }).text).toBe(
      'Pipedrive has no activity types.',
    );
    expect(accordion('section-not-transferred').find(Text, { testId: 'nothing-left-out' }).text).toBe(
      'Everything the audit found in Pipedrive is part of the transfer.',
    );
    expect(accordion('section-account').findAll(DescriptionListItem).map(textOf)).toEqual([
      'Not set',
      'Not set',
      'Not set',
      'Not set',
      'Not set',
    ]);
  });
});

describe('comparing audits', () => {
  it('has nothing to compare after the first audit, and does not ask', async () => {
    const { callsTo, accordion } = await openResults(completeAudit(AUDIT_1, RESULT));
    const empty = accordion('section-changes').find(EmptyState, { testId: 'no-previous-audit' });
    expect(empty.props.title).toBe('Nothing to compare yet');
    expect(empty.find(Text).text).toBe(
      'This is your first audit. Run a new audit later to see what changed in Pipedrive since this one.',
    );
    expect(callsTo(`GET /api/v1/audits/${AUDIT_1}/comparison`)).toEqual([]);
  });

  it('"Run a new audit" runs a second audit, then shows what changed since the first, grouped', async () => {
    fakePollingClock();
    const { callsTo, section, accordion, waitFor } = await openResults(completeAudit(AUDIT_1, RESULT), {
      'POST /api/v1/audits': [jsonResponse(unfinishedAudit(AUDIT_2, 'PENDING'), 202)],
      [`GET /api/v1/audits/${AUDIT_2}`]: [jsonResponse(completeAudit(AUDIT_2, RESULT, AUDIT_1))],
      [`GET /api/v1/audits/${AUDIT_2}/comparison`]: [jsonResponse(COMPARISON)],
    });
    section().find(LoadingButton, { testId: 'audit-start' }).trigger('onClick');
    await waitFor(() => expect(section().maybeFind(Table, { testId: 'audit-objects' })).toBeNull());
    expect(callsTo('POST /api/v1/audits')).toEqual([
      [url('/api/v1/audits'), { ...POST_OPTIONS, body: { source: 'pipedrive' } }],
    ]);

    await jest.advanceTimersByTimeAsync(2000);
    await waitFor(() =>
      expect(accordion('section-changes').maybeFind(Table, { testId: 'changes-fields' })).not.toBeNull(),
    );
    expect(callsTo(`GET /api/v1/audits/${AUDIT_2}/comparison`)).toEqual([
      [url(`/api/v1/audits/${AUDIT_2}/comparison`), GET_OPTIONS],
    ]);
    const changes = accordion('section-changes');
    expect(changes.findAll(Table).map((table) => table.props.testId)).toEqual([
      'changes-fields',
      'changes-pipelines',
      'changes-users',
      'changes-notTransferred',
      'changes-records',
    ]);
    expect(rowsOf(changes.find(Table, { testId: 'changes-notTransferred' }))).toEqual([['Added', 'Filters', '—']]);
    expect(rowsOf(changes.find(Table, { testId: 'changes-fields' }))).toEqual([
      ['Added', 'Deals › Budget', '—'],
      ['Changed', 'Deals › Lead temperature', 'Option renamed from "Warm" to "Lukewarm"'],
    ]);
    expect(rowsOf(changes.find(Table, { testId: 'changes-pipelines' }))).toEqual([
      ['Changed', 'Sales', 'Stage "Demo" added'],
    ]);
    expect(rowsOf(changes.find(Table, { testId: 'changes-users' }))).toEqual([['Removed', 'Carla Gómez', '—']]);
    // Only the counts that moved.
    expect(rowsOf(changes.find(Table, { testId: 'changes-records' }))).toEqual([
      ['Deals', '450', '447', '−3'],
      ['Files', '60', '64', '+4'],
    ]);
    expect(changes.maybeFind(Text, { testId: 'no-changes' })).toBeNull();
  });

  it('says "No changes" when the second audit found the account as it was', async () => {
    const { accordion, waitFor } = await openResults(completeAudit(AUDIT_2, RESULT, AUDIT_1), {
      [`GET /api/v1/audits/${AUDIT_2}/comparison`]: [jsonResponse(NO_CHANGES)],
    });
    await waitFor(() => expect(accordion('section-changes').maybeFind(Text, { testId: 'no-changes' })).not.toBeNull());
    expect(accordion('section-changes').find(Text, { testId: 'no-changes' }).text).toBe(
      'No changes since the previous audit.',
    );
    expect(accordion('section-changes').maybeFind(Table)).toBeNull();
  });

  it('treats a 404 no_previous_audit (the previous audit is gone) as nothing to compare', async () => {
    const { accordion, waitFor, callsTo } = await openResults(completeAudit(AUDIT_2, RESULT, AUDIT_1), {
      [`GET /api/v1/audits/${AUDIT_2}/comparison`]: [
        errorResponse(404, 'no_previous_audit', 'This is the first audit: there is nothing to compare it with yet.'),
      ],
    });
    await waitFor(() =>
      expect(accordion('section-changes').maybeFind(EmptyState, { testId: 'no-previous-audit' })).not.toBeNull(),
    );
    expect(accordion('section-changes').maybeFind(ErrorState)).toBeNull();
    expect(callsTo(`GET /api/v1/audits/${AUDIT_2}/comparison`)).toHaveLength(1);
  });

  it('shows why the comparison could not load, and loads it again on Try again', async () => {
    const { accordion, waitFor, callsTo } = await openResults(completeAudit(AUDIT_2, RESULT, AUDIT_1), {
      [`GET /api/v1/audits/${AUDIT_2}/comparison`]: [
        errorResponse(409, 'audit_not_complete', 'This audit has not finished yet.'),
        jsonResponse(NO_CHANGES),
      ],
    });
    await waitFor(() => expect(accordion('section-changes').maybeFind(ErrorState)).not.toBeNull());
    const changes = accordion('section-changes');
    expect(changes.find(ErrorState).props.title).toBe("We couldn't compare this audit with the previous one");
    expect(changes.find(Text, { testId: 'load-error-message' }).text).toBe('This audit has not finished yet.');
    changes.find(Button, { testId: 'load-error-retry' }).trigger('onClick');
    await waitFor(() => expect(accordion('section-changes').maybeFind(Text, { testId: 'no-changes' })).not.toBeNull());
    expect(callsTo(`GET /api/v1/audits/${AUDIT_2}/comparison`)).toHaveLength(2);
  });
});

describe('exporting results', () => {
  const link = (token: string) => ({
    url: `https://api.smart-transfer.example/downloads/${token}`,
    expiresAt: '2026-12-01T15:09:00.000Z',
  });

  it('asks for a fresh single-use link on each "Export results" and offers "Download CSV" in a new tab', async () => {
    const first = pendingResponse();
    const { callsTo, section, waitFor } = await openResults(completeAudit(AUDIT_1, RESULT), {
      [`POST /api/v1/audits/${AUDIT_1}/export-link`]: [first, jsonResponse(link('tk_2'), 201)],
    });
    const exportButton = () => section().find(LoadingButton, { testId: 'audit-export' });
    expect(exportButton().text).toBe('Export results');
    expect(section().maybeFind(Button, { testId: 'audit-download' })).toBeNull();

    exportButton().trigger('onClick');
    await waitFor(() => expect(exportButton().props.loading).toBe(true));
    expect(callsTo(`POST /api/v1/audits/${AUDIT_1}/export-link`)).toEqual([
      [url(`/api/v1/audits/${AUDIT_1}/export-link`), POST_OPTIONS],
    ]);
    first.resolve(jsonResponse(link('tk_1'), 201));
    await waitFor(() => expect(section().maybeFind(Button, { testId: 'audit-download' })).not.toBeNull());
    const download = section().find(Button, { testId: 'audit-download' });
    expect(download.text).toBe('Download CSV');
    expect(download.props.href).toEqual({ url: 'https://api.smart-transfer.example/downloads/tk_1', external: true });
    expect(section().find(Text, { testId: 'audit-download-hint' }).text).toBe(
      'The CSV opens in a new tab. The link works once and expires in a few minutes.',
    );

    // The link works once: after the click it goes, and the next export asks for a new one.
    download.trigger('onClick');
    await waitFor(() => expect(section().maybeFind(Button, { testId: 'audit-download' })).toBeNull());
    exportButton().trigger('onClick');
    await waitFor(() => expect(section().maybeFind(Button, { testId: 'audit-download' })).not.toBeNull());
    expect(section().find(Button, { testId: 'audit-download' }).props.href).toEqual({
      url: 'https://api.smart-transfer.example/downloads/tk_2',
      external: true,
    });
    expect(callsTo(`POST /api/v1/audits/${AUDIT_1}/export-link`)).toHaveLength(2);
  });

  it('says why the export failed', async () => {
    const { section, waitFor } = await openResults(completeAudit(AUDIT_1, RESULT), {
      [`POST /api/v1/audits/${AUDIT_1}/export-link`]: [{ fail: new Error('GATEWAY_TIMEOUT') }],
    });
    section().find(LoadingButton, { testId: 'audit-export' }).trigger('onClick');
    await waitFor(() => expect(section().maybeFind(Alert, { testId: 'audit-export-error' })).not.toBeNull());
    expect(section().find(Alert, { testId: 'audit-export-error' }).props.title).toBe("We couldn't export the results");
    expect(section().find(Text, { testId: 'audit-export-error-message' }).text).toBe(
      "We couldn't reach Smart Transfer. Check your connection, then try again in a moment.",
    );
    expect(section().maybeFind(Button, { testId: 'audit-download' })).toBeNull();
  });
});
