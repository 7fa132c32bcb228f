import {
  Alert,
  Button,
  Checkbox,
  ErrorState,
  LoadingButton,
  ProgressBar,
  StatisticsItem,
  StatusTag,
  Table,
  Text,
} from '@hubspot/ui-extensions';
import { describe, expect, it, jest } from '@jest/globals';
import {
  cleanUpAfterEach,
  errorResponse,
  expectErrorsSearchedAndExported,
  fakeBackend,
  fakePollingClock,
  fetchOptions,
  fire,
  jsonResponse,
  NO_SYNC,
  renderSyncStep,
  rowsOf,
  SETTINGS,
  SETTINGS_PATH,
  SYNC_1,
  SYNC_2,
  SYNC_ERRORS,
  syncRun,
  textOf,
  transferErrorsRoutes,
  url,
} from './support/index.ts';

cleanUpAfterEach();

const GET = fetchOptions('GET');
const POST = fetchOptions('POST');
const ERRORS_PATH = `/api/v1/transfers/${SYNC_1}/errors`;
const MANUAL = jsonResponse({ ...SETTINGS, settings: { ...SETTINGS.settings, automaticSync: false } });

const tiles = (page: ReturnType<typeof renderSyncStep>) =>
  page.findAll(StatisticsItem).map((item) => [item.props.label, item.props.number]);

const TASK_ROWS = [
  ['Companies', 'Done', '310', '308', '1', '1'],
  ['Contacts', 'Running', '500', '480', '0', '20'],
  ['Deals', 'Waiting', '0', '0', '0', '0'],
  ['Associations', 'Running', '700', '690', '8', '2'],
];

describe('Sync records', () => {
  it('waits for the user when automatic sync is off: Start sync opens once mappings and filters are confirmed, then shows the run per task with its pace until it ends', async () => {
    fakePollingClock();
    const page = Object.assign(
      fakeBackend({
        'GET /api/v1/sync': [NO_SYNC],
        [`GET ${SETTINGS_PATH}`]: [MANUAL],
        'POST /api/v1/sync': [jsonResponse(syncRun('PENDING'), 202)],
        [`GET /api/v1/sync/${SYNC_1}`]: [
          jsonResponse(syncRun('PROCESSING')),
          jsonResponse(syncRun('COMPLETE', { recordsPerSecond: null, etaSeconds: null }, [])),
        ],
        [`GET ${ERRORS_PATH}`]: [jsonResponse(SYNC_ERRORS)],
      }),
      renderSyncStep(),
    );
    const { waitFor, find, findByTestId, maybeFind, callsTo } = page;
    await waitFor(() => expect(maybeFind(Checkbox, { testId: 'sync-confirm' })).not.toBeNull());
    expect(callsTo('GET /api/v1/sync')).toEqual([[url('/api/v1/sync', 'source=pipedrive'), GET]]);
    expect(findByTestId(Text, 'sync-manual').text).toContain('Automatic sync is off');
    expect(findByTestId(LoadingButton, 'sync-start').props.disabled).toBe(true);

    fire(findByTestId(Checkbox, 'sync-confirm'), 'onChange', true);
    await waitFor(() => expect(findByTestId(LoadingButton, 'sync-start').props.disabled).toBe(false));
    findByTestId(LoadingButton, 'sync-start').trigger('onClick');
    await waitFor(() => expect(maybeFind(Table, { testId: 'sync-tasks' })).not.toBeNull());
    expect(callsTo('POST /api/v1/sync')).toEqual([[url('/api/v1/sync'), { ...POST, body: { source: 'pipedrive' } }]]);
    expect(find(StatusTag, { testId: 'sync-status' }).text).toBe('Queued');
    expect(rowsOf(findByTestId(Table, 'sync-tasks'))).toEqual(TASK_ROWS);
    expect(tiles(page)).toEqual([
      ['Read', '810'],
      ['Written', '788'],
      ['Skipped', '1'],
      ['Failed', '21'],
      ['Records per second', '11'],
      ['Time left', '1 h 7 min'],
    ]);
    expect(findByTestId(ProgressBar, 'sync-progress-bar').props.title).toBe('Syncing Contacts');
    expect(maybeFind(LoadingButton, { testId: 'sync-pause' })).not.toBeNull();
    // The errors show while it runs; retrying waits until it ended.
    await waitFor(() => expect(maybeFind(Table, { testId: 'sync-errors' })).not.toBeNull());
    expect(maybeFind(LoadingButton, { testId: 'sync-retry-failed' })).toBeNull();

    await jest.advanceTimersByTimeAsync(2000);
    await waitFor(() => expect(find(StatusTag, { testId: 'sync-status' }).text).toBe('Running'));
    await jest.advanceTimersByTimeAsync(2000);
    await waitFor(() => expect(find(StatusTag, { testId: 'sync-status' }).text).toBe('Complete'));
    expect(callsTo(`GET /api/v1/sync/${SYNC_1}`)).toEqual([
      [url(`/api/v1/sync/${SYNC_1}`), GET],
      [url(`/api/v1/sync/${SYNC_1}`), GET],
    ]);
    expect(tiles(page).map(([label]) => label)).toEqual(['Read', 'Written', 'Skipped', 'Failed']);
    expect(maybeFind(ProgressBar)).toBeNull();
    expect(maybeFind(LoadingButton, { testId: 'sync-pause' })).toBeNull();
    expect(maybeFind(Table, { testId: 'sync-errors' })).toBeNull();
  });

  it('offers Start sync at once when automatic sync is on, and shows why a start is refused', async () => {
    const { waitFor, findByTestId, maybeFind, callsTo } = Object.assign(
      fakeBackend({
        'GET /api/v1/sync': [NO_SYNC],
        [`GET ${SETTINGS_PATH}`]: [jsonResponse(SETTINGS)],
        'POST /api/v1/sync': [
          errorResponse(409, 'setup_not_complete', 'Prepare HubSpot first: the sync starts once setup is complete.'),
        ],
      }),
      renderSyncStep(),
    );
    await waitFor(() => expect(maybeFind(LoadingButton, { testId: 'sync-start' })).not.toBeNull());
    expect(findByTestId(Text, 'sync-automatic').text).toContain('Automatic sync is on');
    expect(maybeFind(Checkbox, { testId: 'sync-confirm' })).toBeNull();
    findByTestId(LoadingButton, 'sync-start').trigger('onClick');
    await waitFor(() => expect(maybeFind(Alert, { testId: 'sync-problem' })).not.toBeNull());
    expect(callsTo('POST /api/v1/sync')).toHaveLength(1);
    expect(findByTestId(Alert, 'sync-problem').props.title).toBe("We couldn't start the sync");
    expect(textOf(findByTestId(Alert, 'sync-problem'))).toBe(
      'Prepare HubSpot first: the sync starts once setup is complete.',
    );
  });

  it('pauses a running sync from its controls', async () => {
    const running = syncRun('PROCESSING');
    const { waitFor, find, findByTestId, maybeFind, callsTo } = Object.assign(
      fakeBackend({
        'GET /api/v1/sync': [jsonResponse(running)],
        [`GET ${SETTINGS_PATH}`]: [jsonResponse(SETTINGS)],
        [`GET /api/v1/sync/${SYNC_1}`]: [jsonResponse(running)],
        [`GET ${ERRORS_PATH}`]: [jsonResponse(SYNC_ERRORS)],
        [`POST /api/v1/jobs/${SYNC_1}/pause`]: [jsonResponse({ ...running.job, status: 'PAUSED' })],
      }),
      renderSyncStep(),
    );
    await waitFor(() => expect(maybeFind(LoadingButton, { testId: 'sync-pause' })).not.toBeNull());
    findByTestId(LoadingButton, 'sync-pause').trigger('onClick');
    await waitFor(() => expect(find(StatusTag, { testId: 'sync-status' }).text).toBe('Paused'));
    expect(callsTo(`POST /api/v1/jobs/${SYNC_1}/pause`)).toEqual([[url(`/api/v1/jobs/${SYNC_1}/pause`), POST]]);
    expect(maybeFind(LoadingButton, { testId: 'sync-resume' })).not.toBeNull();
    expect(maybeFind(LoadingButton, { testId: 'sync-cancel' })).not.toBeNull();
  });

  it('lists what did not land (search, pages, CSV), retries the failed records and follows the retry', async () => {
    const ended = syncRun('COMPLETE');
    const retry = syncRun('PENDING', {
      id: SYNC_2,
      retryOf: SYNC_1,
      job: { ...syncRun('PENDING').job, id: SYNC_2, progress: { done: 0, total: 3, phase: 'Waiting to start' } },
    });
    const page = Object.assign(
      fakeBackend({
        'GET /api/v1/sync': [jsonResponse(ended), jsonResponse(retry)],
        [`GET ${SETTINGS_PATH}`]: [jsonResponse(SETTINGS)],
        ...transferErrorsRoutes(ERRORS_PATH, SYNC_ERRORS, 'tk_7'),
        [`POST /api/v1/sync/${SYNC_1}/retry-failed`]: [jsonResponse(retry, 202)],
        [`GET /api/v1/sync/${SYNC_2}`]: [jsonResponse(retry)],
        [`GET /api/v1/transfers/${SYNC_2}/errors`]: [jsonResponse({ ...SYNC_ERRORS, errors: [], total: 0 })],
      }),
      renderSyncStep(),
    );
    const { waitFor, find, findByTestId, maybeFind, callsTo } = page;
    await waitFor(() => expect(maybeFind(Table, { testId: 'sync-errors' })).not.toBeNull());
    expect(findByTestId(Text, 'sync-title').text).toBe('Syncing your records');
    expect(callsTo(`GET ${ERRORS_PATH}`)).toEqual([[url(ERRORS_PATH, 'page=1&pageSize=20'), GET]]);
    expect(rowsOf(findByTestId(Table, 'sync-errors'))).toEqual([
      [
        'Companies',
        '2',
        '—',
        'INVALID_OPTION',
        'Daughter OÜ was refused',
        'Add the value as an option of the HubSpot property (or change it at the source), then retry.',
      ],
      [
        'Associations',
        'contacts/2 → companies/2',
        '100007',
        'MISSING_END',
        'The company failed in this sync.',
        'Retry the failed records.',
      ],
    ]);
    expect(findByTestId(Text, 'sync-errors-total').text).toBe('23 errors');
    expect(findByTestId(Table, 'sync-errors').props).toMatchObject({ paginated: true, page: 1, pageCount: 2 });

    fire(findByTestId(Table, 'sync-errors'), 'onPageChange', 2);
    await waitFor(() => expect(findByTestId(Table, 'sync-errors').props).toMatchObject({ page: 2 }));
    await expectErrorsSearchedAndExported(page, 'sync', ERRORS_PATH, 'tk_7');

    findByTestId(LoadingButton, 'sync-retry-failed').trigger('onClick');
    await waitFor(() => expect(findByTestId(Text, 'sync-title').text).toBe('Retrying the failed records'));
    expect(callsTo(`POST /api/v1/sync/${SYNC_1}/retry-failed`)).toEqual([
      [url(`/api/v1/sync/${SYNC_1}/retry-failed`), POST],
    ]);
    expect(callsTo('GET /api/v1/sync')).toHaveLength(2);
    expect(find(StatusTag, { testId: 'sync-status' }).text).toBe('Queued');
    expect(maybeFind(LoadingButton, { testId: 'sync-retry-failed' })).toBeNull();
  });

  it('says why a retry is refused, and offers to start again after a failed sync', async () => {
    const failed = syncRun('FAILED', {
      job: { ...syncRun('FAILED').job, statusReason: 'Pipedrive is not connected. Connect it, then start again.' },
    });
    const { waitFor, findByTestId, maybeFind } = Object.assign(
      fakeBackend({
        'GET /api/v1/sync': [jsonResponse(failed)],
        [`GET ${SETTINGS_PATH}`]: [jsonResponse(SETTINGS)],
        [`GET ${ERRORS_PATH}`]: [jsonResponse(SYNC_ERRORS)],
        [`POST /api/v1/sync/${SYNC_1}/retry-failed`]: [
          errorResponse(409, 'nothing_to_retry', 'No failed records to retry in this sync.'),
        ],
      }),
      renderSyncStep(),
    );
    await waitFor(() => expect(maybeFind(LoadingButton, { testId: 'sync-retry-failed' })).not.toBeNull());
    expect(findByTestId(Text, 'sync-status-reason').text).toBe(
      'Pipedrive is not connected. Connect it, then start again.',
    );
    expect(maybeFind(Button, { testId: 'sync-start-again' })).not.toBeNull();
    findByTestId(LoadingButton, 'sync-retry-failed').trigger('onClick');
    await waitFor(() => expect(maybeFind(Alert, { testId: 'sync-retry-error' })).not.toBeNull());
    expect(textOf(findByTestId(Alert, 'sync-retry-error'))).toBe('No failed records to retry in this sync.');
  });

  it('shows a sync that could not be loaded as an error with a retry', async () => {
    const { waitFor, find, findByTestId, maybeFind, callsTo } = Object.assign(
      fakeBackend({
        'GET /api/v1/sync': [errorResponse(500, 'internal', 'Something went wrong on our side.'), NO_SYNC],
        [`GET ${SETTINGS_PATH}`]: [jsonResponse(SETTINGS)],
      }),
      renderSyncStep(),
    );
    await waitFor(() => expect(maybeFind(ErrorState)).not.toBeNull());
    expect(find(ErrorState).props.title).toBe("We couldn't load your sync");
    findByTestId(Button, 'load-error-retry').trigger('onClick');
    await waitFor(() => expect(maybeFind(LoadingButton, { testId: 'sync-start' })).not.toBeNull());
    expect(callsTo('GET /api/v1/sync')).toHaveLength(2);
  });
});
