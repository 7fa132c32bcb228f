import {
  Alert,
  Button,
  Checkbox,
  EmptyState,
  ErrorState,
  LoadingButton,
  NumberInput,
  SearchInput,
  Select,
  StatisticsItem,
  StatusTag,
  StepIndicator,
  Table,
  Text,
  Toggle,
} from '@hubspot/ui-extensions';
import { describe, expect, it, jest } from '@jest/globals';
import {
  AUDIT_1,
  BEFORE_SETUP,
  cleanUpAfterEach,
  completeAudit,
  DEAL_PROPERTIES_FOR_OPTIONS,
  errorResponse,
  ERRORS,
  expectErrorsSearchedAndExported,
  fakeBackend,
  fakePollingClock,
  fetchOptions,
  fire,
  jsonResponse,
  LEAD_TEMPERATURE,
  NO_AUDIT,
  NO_SETUP,
  READY,
  renderWizard,
  RESULT,
  REVIEW,
  rowsOf,
  SETTINGS,
  SETTINGS_PATH,
  SETUP_1,
  setupTransfer,
  textOf,
  transferErrorsRoutes,
  url,
} from './support/index.ts';

cleanUpAfterEach();

const GET = fetchOptions('GET');
const POST = fetchOptions('POST');
const PATCH = fetchOptions('PATCH');
const ERRORS_PATH = `/api/v1/transfers/${SETUP_1}/errors`;

/** The backend of a portal with a complete audit and default settings, before any setup. */
const beforeSetup = (routes: Parameters<typeof fakeBackend>[0] = {}) =>
  fakeBackend({
    ...BEFORE_SETUP,
    ...routes,
  });

const { pipelines: _pipelines, workflows: _workflows, ...UNLOCKED_DATA_TYPES } = SETTINGS.settings.dataTypes;

const tiles = (page: ReturnType<typeof renderWizard>) =>
  page.findAll(StatisticsItem).map((item) => [item.props.label, item.props.number]);

describe('Prepare HubSpot wizard', () => {
  it('loads the audit, settings and latest setup, then shows data types with the locked ones read-only and why', async () => {
    const { callsTo, waitFor, find, maybeFind, findByTestId } = Object.assign(beforeSetup(), renderWizard());
    await waitFor(() => expect(maybeFind(StepIndicator)).not.toBeNull());
    expect(callsTo('GET /api/v1/audits')).toEqual([[url('/api/v1/audits', 'source=pipedrive'), GET]]);
    expect(callsTo(`GET ${SETTINGS_PATH}`)).toEqual([[url(SETTINGS_PATH), GET]]);
    expect(callsTo('GET /api/v1/setup')).toEqual([[url('/api/v1/setup', 'source=pipedrive'), GET]]);
    expect(find(StepIndicator).props.currentStep).toBe(0);

    const pipelines = findByTestId(Checkbox, 'data-type-pipelines');
    expect([pipelines.props.checked, pipelines.props.readOnly, pipelines.props.description]).toEqual([
      true,
      true,
      'Deals need their pipelines and stages.',
    ]);
    const workflows = findByTestId(Checkbox, 'data-type-workflows');
    expect([workflows.props.checked, workflows.props.readOnly, workflows.props.description]).toEqual([
      false,
      true,
      'This HubSpot account cannot have workflows.',
    ]);
    const users = findByTestId(Checkbox, 'data-type-users');
    expect([users.props.checked, users.props.readOnly, users.props.description]).toEqual([true, false, undefined]);
  });

  it('saves the data types with PATCH (with the audit they were made on) and opens Configure', async () => {
    const page = Object.assign(
      beforeSetup({ [`PATCH ${SETTINGS_PATH}`]: [jsonResponse({ ...SETTINGS, saved: true })] }),
      renderWizard(),
    );
    await page.waitFor(() => expect(page.maybeFind(StepIndicator)).not.toBeNull());
    fire(page.findByTestId(Checkbox, 'data-type-notes'), 'onChange', false);
    page.findByTestId(LoadingButton, 'data-types-save').trigger('onClick');
    await page.waitFor(() => expect(page.find(StepIndicator).props.currentStep).toBe(1));

    const [[, options]] = page.callsTo(`PATCH ${SETTINGS_PATH}`) as [[string, { body: Record<string, unknown> }]];
    expect(options).toEqual({
      ...PATCH,
      // The locked types (pipelines, workflows) are not sent: the backend keeps them.
      body: { auditId: AUDIT_1, dataTypes: { ...UNLOCKED_DATA_TYPES, notes: false } },
    });
    expect(page.findByTestId(Select, 'properties-object').props.value).toBe('persons');
  });

  it('opens the next step after a save when the host delivers the click without batching its state changes', async () => {
    // remote-ui renders on a legacy root: a handler the host calls outside React renders each state change on its own.
    const page = Object.assign(
      beforeSetup({
        [`PATCH ${SETTINGS_PATH}`]: [
          jsonResponse({ ...SETTINGS, saved: true }),
          jsonResponse({ ...SETTINGS, saved: true }),
        ],
        'GET /api/v1/setup/review': [jsonResponse(REVIEW)],
      }),
      renderWizard(),
    );
    await page.waitFor(() => expect(page.maybeFind(StepIndicator)).not.toBeNull());
    (page.findByTestId(LoadingButton, 'data-types-save').props.onClick as () => void)();
    await page.waitFor(() => expect(page.find(StepIndicator).props.currentStep).toBe(1));
    // A second save (the previous one's success still in state) waits for its own answer too.
    (page.findByTestId(LoadingButton, 'configure-save').props.onClick as () => void)();
    await page.waitFor(() => expect(page.find(StepIndicator).props.currentStep).toBe(2));
    expect(page.callsTo(`PATCH ${SETTINGS_PATH}`)).toHaveLength(2);
  });

  it('shows a refused save next to the setting it names and stays on the step', async () => {
    const refused = jsonResponse(
      {
        error: {
          code: 'invalid_settings',
          message: 'Some settings can’t be saved; nothing was changed.',
          details: [
            { path: 'dataTypes.users', message: 'Owners need users.' },
            { path: 'fields.deals.title', message: 'No such field.' },
          ],
        },
      },
      400,
    );
    const page = Object.assign(beforeSetup({ [`PATCH ${SETTINGS_PATH}`]: [refused] }), renderWizard());
    await page.waitFor(() => expect(page.maybeFind(StepIndicator)).not.toBeNull());
    page.findByTestId(LoadingButton, 'data-types-save').trigger('onClick');
    await page.waitFor(() => expect(page.maybeFind(Alert, { testId: 'settings-save-error' })).not.toBeNull());

    expect(page.findByTestId(Text, 'setting-problem-dataTypes.users').text).toBe('Owners need users.');
    const alert = page.findByTestId(Alert, 'settings-save-error');
    expect(textOf(alert)).toBe('Some settings can’t be saved; nothing was changed. No such field.');
    expect(page.find(StepIndicator).props.currentStep).toBe(0);
  });

  it('configures properties, activity types, owners, rates and options, shows carried-over changes, and saves them together', async () => {
    const carried = {
      ...SETTINGS,
      carriedOverFrom: '7c2e9a41-3b5d-4f6a-8e1c-5d4b3a2f1e0d',
      changes: [
        {
          change: 'dropped' as const,
          area: 'field' as const,
          key: 'budget',
          objectKey: 'deals',
          message: 'Deals no longer have “Budget”: its choice was dropped.',
        },
      ],
    };
    const rateRefused = jsonResponse(
      {
        error: {
          code: 'invalid_settings',
          message: 'Some settings can’t be saved; nothing was changed.',
          details: [
            { path: 'exchangeRates.USD', message: 'HubSpot keeps 6 decimals: this rate would be 0.' },
            {
              path: `fields.deals.${LEAD_TEMPERATURE}`,
              message: '“Lead temperature” can’t go onto “Priority”: “Stage” already goes onto it.',
            },
            { path: 'fields.persons.name', message: '“Name” goes onto “firstname” already.' },
          ],
        },
      },
      400,
    );
    const page = Object.assign(
      fakeBackend({
        'GET /api/v1/audits': [jsonResponse(completeAudit(AUDIT_1, RESULT))],
        [`GET ${SETTINGS_PATH}`]: [jsonResponse(carried)],
        'GET /api/v1/setup': [NO_SETUP],
        [`PATCH ${SETTINGS_PATH}`]: [
          jsonResponse(carried),
          rateRefused,
          jsonResponse({ ...SETTINGS, saved: true, readiness: READY }),
        ],
        'GET /api/v1/setup/review': [jsonResponse(REVIEW)],
        'GET /api/v1/hubspot/properties/deals': [jsonResponse(DEAL_PROPERTIES_FOR_OPTIONS)],
      }),
      renderWizard(),
    );
    const { waitFor, find, findByTestId, maybeFind, callsTo } = page;
    await waitFor(() => expect(maybeFind(StepIndicator)).not.toBeNull());
    findByTestId(LoadingButton, 'data-types-save').trigger('onClick');
    await waitFor(() => expect(find(StepIndicator).props.currentStep).toBe(1));

    expect(textOf(findByTestId(Alert, 'carried-over-changes'))).toContain(
      'Deals no longer have “Budget”: its choice was dropped.',
    );
    // Properties per object, supported ones only, searchable.
    fire(findByTestId(Select, 'properties-object'), 'onChange', 'deals');
    await waitFor(() => expect(rowsOf(findByTestId(Table, 'properties-table'))).toHaveLength(3));
    fire(findByTestId(SearchInput, 'properties-search'), 'onInput', 'lead');
    await waitFor(() => expect(rowsOf(findByTestId(Table, 'properties-table'))).toHaveLength(1));
    fire(findByTestId(SearchInput, 'properties-search'), 'onInput', 'nothing like it');
    await waitFor(() => expect(maybeFind(EmptyState, { testId: 'properties-no-matches' })).not.toBeNull());
    fire(findByTestId(SearchInput, 'properties-search'), 'onInput', '');
    await waitFor(() => expect(maybeFind(Table, { testId: 'properties-table' })).not.toBeNull());
    fire(findByTestId(Select, 'property-mode-value'), 'onChange', 'exclude');
    fire(findByTestId(Select, `property-mode-${LEAD_TEMPERATURE}`), 'onChange', 'existing');
    await waitFor(() => expect(maybeFind(Select, { testId: `property-existing-${LEAD_TEMPERATURE}` })).not.toBeNull());
    fire(findByTestId(Select, `property-existing-${LEAD_TEMPERATURE}`), 'onChange', 'hs_priority');
    // Activity types, owners (the default, and one for a user the audit matched to no owner), rates, options.
    expect(findByTestId(Select, 'activity-type-site_visit').props.value).toBe('tasks');
    fire(findByTestId(Select, 'activity-type-site_visit'), 'onChange', 'meetings');
    expect(findByTestId(Select, 'default-owner').props.options).toEqual([
      { label: 'Leave unassigned', value: '' },
      { label: 'Ana Silva', value: '501' },
    ]);
    fire(findByTestId(Select, 'default-owner'), 'onChange', '501');
    fire(findByTestId(Select, 'owner-override-2'), 'onChange', '501');
    expect(maybeFind(NumberInput, { testId: 'exchange-rate-GBP' })).toBeNull();
    fire(findByTestId(NumberInput, 'exchange-rate-USD'), 'onChange', 0.0000001);
    fire(findByTestId(Toggle, 'automatic-sync'), 'onChange', false);
    fire(findByTestId(Checkbox, 'opt-in-matchCompaniesByDomain'), 'onChange', true);
    // Secondary e-mails are an opt-in that says what each address costs.
    expect(findByTestId(Checkbox, 'opt-in-addSecondaryEmails').props.checked).toBe(false);
    expect(findByTestId(Checkbox, 'opt-in-addSecondaryEmails').props.description).toMatch(
      /One HubSpot call per address/,
    );
    fire(findByTestId(Checkbox, 'opt-in-addSecondaryEmails'), 'onChange', true);

    findByTestId(LoadingButton, 'configure-save').trigger('onClick');
    await waitFor(() =>
      expect(findByTestId(NumberInput, 'exchange-rate-USD').props.validationMessage).toBe(
        'HubSpot keeps 6 decimals: this rate would be 0.',
      ),
    );
    expect(find(StepIndicator).props.currentStep).toBe(1);
    // A refused field of the object shown sits next to it; one of another object is in the alert.
    expect(findByTestId(Select, `property-existing-${LEAD_TEMPERATURE}`).props.validationMessage).toBe(
      '“Lead temperature” can’t go onto “Priority”: “Stage” already goes onto it.',
    );
    expect(textOf(findByTestId(Alert, 'settings-save-error'))).toBe(
      'Some settings can’t be saved; nothing was changed. “Name” goes onto “firstname” already.',
    );

    fire(findByTestId(NumberInput, 'exchange-rate-USD'), 'onChange', 1.08);
    findByTestId(LoadingButton, 'configure-save').trigger('onClick');
    await waitFor(() => expect(find(StepIndicator).props.currentStep).toBe(2));
    const saves = callsTo(`PATCH ${SETTINGS_PATH}`) as unknown as [string, { body: Record<string, unknown> }][];
    expect(saves).toHaveLength(3);
    expect(saves[2]?.[1].body).toEqual({
      auditId: AUDIT_1,
      fields: {
        deals: { value: { mode: 'exclude' }, [LEAD_TEMPERATURE]: { mode: 'existing', hubspotProperty: 'hs_priority' } },
      },
      activityTypes: { site_visit: 'meetings' },
      automaticSync: false,
      defaultOwnerId: '501',
      ownerOverrides: { '2': '501' },
      exchangeRates: { USD: 1.08 },
      inviteMissingUsers: false,
      matchCompaniesByDomain: true,
      addSecondaryEmails: true,
    });
  });

  it('reviews what setup will do per object with totals and the workflows notice, then starts the transfer', async () => {
    fakePollingClock();
    const ready = { ...SETTINGS, settings: { ...SETTINGS.settings, addSecondaryEmails: true }, readiness: READY };
    const page = Object.assign(
      fakeBackend({
        'GET /api/v1/audits': [jsonResponse(completeAudit(AUDIT_1, RESULT))],
        [`GET ${SETTINGS_PATH}`]: [jsonResponse(ready)],
        'GET /api/v1/setup': [NO_SETUP],
        [`PATCH ${SETTINGS_PATH}`]: [jsonResponse(ready)],
        'GET /api/v1/setup/review': [jsonResponse(REVIEW)],
        'POST /api/v1/setup': [jsonResponse(setupTransfer('PENDING'), 202)],
        [`GET /api/v1/setup/${SETUP_1}`]: [
          jsonResponse(setupTransfer('PROCESSING', { created: 4, reused: 2, failed: 0, skipped: 0 })),
          jsonResponse(setupTransfer('COMPLETE', { created: 7, reused: 3, failed: 1, skipped: 1 })),
        ],
        [`GET ${ERRORS_PATH}`]: [jsonResponse(ERRORS)],
      }),
      renderWizard(),
    );
    const { waitFor, find, findByTestId, maybeFind, callsTo } = page;
    await waitFor(() => expect(maybeFind(StepIndicator)).not.toBeNull());
    findByTestId(LoadingButton, 'data-types-save').trigger('onClick');
    await waitFor(() => expect(find(StepIndicator).props.currentStep).toBe(1));
    findByTestId(LoadingButton, 'configure-save').trigger('onClick');
    await waitFor(() => expect(maybeFind(Table, { testId: 'review-objects' })).not.toBeNull());

    expect(callsTo('GET /api/v1/setup/review')).toEqual([[url('/api/v1/setup/review', 'source=pipedrive'), GET]]);
    expect(tiles(page)).toEqual([
      ['To create', '4'],
      ['To reuse', '3'],
      ['Skipped', '1'],
      ["Can't be created", '1'],
    ]);
    expect(rowsOf(findByTestId(Table, 'review-objects'))).toEqual([
      ['deals', '3', '1', '0', '1', 'Value: HubSpot has a property of this name with another type.'],
      ['Account (owners, currencies)', '1', '2', '1', '0', 'Close date: No workflows.'],
    ]);
    expect(maybeFind(Alert, { testId: 'review-no-workflows' })).not.toBeNull();
    expect(findByTestId(Text, 'review-other-emails').text).toMatch(
      /^Other e-mail addresses become HubSpot secondary e-mails: one HubSpot call per address/,
    );

    findByTestId(LoadingButton, 'setup-transfer').trigger('onClick');
    await waitFor(() => expect(maybeFind(StatisticsItem, { label: 'Created' })).not.toBeNull());
    expect(callsTo('POST /api/v1/setup')).toEqual([[url('/api/v1/setup'), { ...POST, body: { source: 'pipedrive' } }]]);
    expect(find(StepIndicator).props.currentStep).toBe(3);
    expect(findByTestId(LoadingButton, 'setup-pause')).toBeDefined();

    await jest.advanceTimersByTimeAsync(2000);
    await waitFor(() => expect(find(StatisticsItem, { label: 'Created' }).props.number).toBe('4'));
    await jest.advanceTimersByTimeAsync(2000);
    await waitFor(() => expect(find(StatisticsItem, { label: 'Failed' }).props.number).toBe('1'));
    expect(tiles(page)).toEqual([
      ['Created', '7'],
      ['Reused', '3'],
      ['Failed', '1'],
    ]);
    expect(callsTo(`GET /api/v1/setup/${SETUP_1}`)).toEqual([
      [url(`/api/v1/setup/${SETUP_1}`), GET],
      [url(`/api/v1/setup/${SETUP_1}`), GET],
    ]);
    await waitFor(() => expect(maybeFind(Table, { testId: 'setup-errors' })).not.toBeNull());
    expect(callsTo(`GET ${ERRORS_PATH}`)).toEqual([[url(ERRORS_PATH, 'page=1&pageSize=20'), GET]]);
    expect(rowsOf(findByTestId(Table, 'setup-errors'))).toEqual([
      [
        'Value',
        'deals',
        'VALIDATION_ERROR',
        'Property already exists with another type.',
        'Map the field onto the existing property, or rename it in HubSpot.',
      ],
    ]);
  });

  it('keeps Transfer off while a setting setup needs is missing, and says which', async () => {
    const page = Object.assign(
      beforeSetup({
        [`PATCH ${SETTINGS_PATH}`]: [jsonResponse(SETTINGS)],
        'GET /api/v1/setup/review': [jsonResponse(REVIEW)],
      }),
      renderWizard(),
    );
    await page.waitFor(() => expect(page.maybeFind(StepIndicator)).not.toBeNull());
    page.findByTestId(LoadingButton, 'data-types-save').trigger('onClick');
    await page.waitFor(() => expect(page.find(StepIndicator).props.currentStep).toBe(1));
    page.findByTestId(LoadingButton, 'configure-save').trigger('onClick');
    await page.waitFor(() => expect(page.maybeFind(Alert, { testId: 'review-not-ready' })).not.toBeNull());
    expect(textOf(page.findByTestId(Alert, 'review-not-ready'))).toBe('Give the rate of US Dollar.');
    expect(page.findByTestId(LoadingButton, 'setup-transfer').props.disabled).toBe(true);
    expect(page.findByTestId(Text, 'review-other-emails').text).toMatch(/kept in the contact property “Other e-mails”/);
  });

  it('shows a review that could not be read as an error with a retry', async () => {
    const page = Object.assign(
      beforeSetup({
        [`PATCH ${SETTINGS_PATH}`]: [jsonResponse(SETTINGS)],
        'GET /api/v1/setup/review': [
          errorResponse(409, 'settings_stale', 'Your settings were made on an older audit.'),
          jsonResponse(REVIEW),
        ],
      }),
      renderWizard(),
    );
    await page.waitFor(() => expect(page.maybeFind(StepIndicator)).not.toBeNull());
    page.findByTestId(LoadingButton, 'data-types-save').trigger('onClick');
    await page.waitFor(() => expect(page.find(StepIndicator).props.currentStep).toBe(1));
    page.findByTestId(LoadingButton, 'configure-save').trigger('onClick');
    await page.waitFor(() => expect(page.maybeFind(ErrorState)).not.toBeNull());
    expect(page.find(ErrorState).props.title).toBe("We couldn't review the setup");
    expect(page.findByTestId(Text, 'load-error-message').text).toBe('Your settings were made on an older audit.');
    page.findByTestId(Button, 'load-error-retry').trigger('onClick');
    await page.waitFor(() => expect(page.maybeFind(Table, { testId: 'review-objects' })).not.toBeNull());
  });

  it('opens on the latest setup: searches and pages its errors and downloads them through a single-use link', async () => {
    const done = setupTransfer('COMPLETE', { created: 7, reused: 3, failed: 21, skipped: 0 });
    const page = Object.assign(
      fakeBackend({
        'GET /api/v1/audits': [jsonResponse(completeAudit(AUDIT_1, RESULT))],
        [`GET ${SETTINGS_PATH}`]: [jsonResponse(SETTINGS)],
        'GET /api/v1/setup': [jsonResponse(done)],
        ...transferErrorsRoutes(ERRORS_PATH, ERRORS, 'tk_9'),
      }),
      renderWizard(),
    );
    const { waitFor, find, findByTestId, maybeFind } = page;
    await waitFor(() => expect(maybeFind(Table, { testId: 'setup-errors' })).not.toBeNull());
    expect(find(StepIndicator).props.currentStep).toBe(3);
    expect(findByTestId(Text, 'setup-sync-writes-dates').text).toBe(
      'Without its backfill workflow, the sync writes the close date itself.',
    );
    expect(findByTestId(Text, 'setup-errors-page').text).toBe('Page 1 of 2 (21 errors)');

    findByTestId(Button, 'setup-errors-next').trigger('onClick');
    await waitFor(() => expect(findByTestId(Text, 'setup-errors-page').text).toBe('Page 2 of 2 (21 errors)'));
    expect(findByTestId(Button, 'setup-errors-next').props.disabled).toBe(true);
    await expectErrorsSearchedAndExported(page, 'setup', ERRORS_PATH, 'tk_9');
  });

  it('asks for a complete audit first when the latest one has no result', async () => {
    const page = Object.assign(
      fakeBackend({
        'GET /api/v1/audits': [jsonResponse({ ...completeAudit(AUDIT_1, RESULT), result: null })],
        [`GET ${SETTINGS_PATH}`]: [jsonResponse(SETTINGS)],
        'GET /api/v1/setup': [NO_SETUP],
      }),
      renderWizard(),
    );
    await page.waitFor(() => expect(page.maybeFind(EmptyState, { testId: 'setup-needs-audit' })).not.toBeNull());
    expect(page.find(EmptyState).props.title).toBe('Finish an audit first');
  });

  it('asks for an audit first before the first one', async () => {
    const page = Object.assign(
      fakeBackend({
        'GET /api/v1/audits': [NO_AUDIT],
        [`GET ${SETTINGS_PATH}`]: [NO_AUDIT],
        'GET /api/v1/setup': [NO_SETUP],
      }),
      renderWizard(),
    );
    await page.waitFor(() => expect(page.maybeFind(EmptyState, { testId: 'setup-needs-audit' })).not.toBeNull());
    expect(page.maybeFind(ErrorState)).toBeNull();
  });

  it('pauses a running setup, and says so when the error download cannot be prepared', async () => {
    fakePollingClock();
    const running = setupTransfer('PROCESSING', { created: 2, reused: 0, failed: 1, skipped: 0 });
    const page = Object.assign(
      fakeBackend({
        'GET /api/v1/audits': [jsonResponse(completeAudit(AUDIT_1, RESULT))],
        [`GET ${SETTINGS_PATH}`]: [jsonResponse(SETTINGS)],
        'GET /api/v1/setup': [jsonResponse(running)],
        [`POST /api/v1/jobs/${SETUP_1}/pause`]: [jsonResponse({ ...running.job, status: 'PAUSED' })],
        [`GET ${ERRORS_PATH}`]: [jsonResponse(ERRORS)],
        [`POST ${ERRORS_PATH}/export-link`]: [errorResponse(404, 'transfer_not_found', 'No such transfer.')],
      }),
      renderWizard(),
    );
    const { waitFor, findByTestId, maybeFind, callsTo } = page;
    await waitFor(() => expect(maybeFind(LoadingButton, { testId: 'setup-pause' })).not.toBeNull());
    expect(findByTestId(StatusTag, 'setup-status').text).toBe('Running');

    findByTestId(LoadingButton, 'setup-pause').trigger('onClick');
    await waitFor(() => expect(maybeFind(LoadingButton, { testId: 'setup-resume' })).not.toBeNull());
    expect(callsTo(`POST /api/v1/jobs/${SETUP_1}/pause`)).toEqual([[url(`/api/v1/jobs/${SETUP_1}/pause`), POST]]);
    expect(maybeFind(LoadingButton, { testId: 'setup-pause' })).toBeNull();

    await waitFor(() => expect(maybeFind(LoadingButton, { testId: 'setup-errors-export' })).not.toBeNull());
    findByTestId(LoadingButton, 'setup-errors-export').trigger('onClick');
    await waitFor(() => expect(maybeFind(Alert, { testId: 'setup-errors-export-error' })).not.toBeNull());
    expect(textOf(findByTestId(Alert, 'setup-errors-export-error'))).toBe('No such transfer.');
    expect(maybeFind(Button, { testId: 'setup-errors-download' })).toBeNull();
  });
});
