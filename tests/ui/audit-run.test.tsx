import {
  Alert,
  Button,
  EmptyState,
  ErrorState,
  Flex,
  LoadingButton,
  LoadingSpinner,
  ProgressBar,
  StatisticsItem,
  StatusTag,
  Text,
} from '@hubspot/ui-extensions';
import { describe, expect, it, jest } from '@jest/globals';
import {
  AUDIT_1,
  cleanUpAfterEach,
  completeAudit,
  CONNECTED,
  errorResponse,
  fakeBackend,
  fakePollingClock,
  fetchOptions,
  guideWithAudit,
  job,
  jsonResponse,
  NO_AUDIT,
  pendingResponse,
  renderSettings,
  type Reply,
  RESULT,
  unfinishedAudit,
  url,
} from './support/index.ts';

cleanUpAfterEach();

const AUDIT_PATH = `/api/v1/audits/${AUDIT_1}`;
const GET_AUDIT = `GET ${AUDIT_PATH}`;
const GET_OPTIONS = fetchOptions('GET');
const POST_OPTIONS = fetchOptions('POST');

/** The settings page of a portal connected to Pipedrive, opened on the Smart Transfer tab's audit section. */
async function openAuditSection(routes: Record<string, Reply[]>) {
  const backend = fakeBackend({
    'GET /api/v1/guide': [jsonResponse(guideWithAudit('available'))],
    'GET /api/v1/apps': [CONNECTED],
    ...routes,
  });
  const page = renderSettings();
  await page.openSmartTransferTab();
  const section = () => page.tab('smart-transfer').find(Flex, { testId: 'step-section-audit' });
  const progress = () => section().find(ProgressBar, { testId: 'audit-progress' });
  const status = () => section().find(StatusTag, { testId: 'audit-status' }).text;
  const controls = () =>
    section()
      .findAll(LoadingButton)
      .map((button) => button.props.testId);
  return { ...backend, ...page, section, progress, status, controls };
}

describe('running an audit (settings page, Smart Transfer tab)', () => {
  it('starts the first audit with "Audit my data", shows a progress bar with the phase while it runs, then the results', async () => {
    fakePollingClock();
    const started = pendingResponse();
    const { callsTo, waitFor, section, progress, status, controls, stateOf, tab } = await openAuditSection({
      'GET /api/v1/guide': [
        jsonResponse(guideWithAudit('available')),
        jsonResponse(guideWithAudit('in_progress')),
        jsonResponse(guideWithAudit('in_progress')),
        jsonResponse(guideWithAudit('complete')),
      ],
      'GET /api/v1/audits': [NO_AUDIT],
      'POST /api/v1/audits': [started],
      [GET_AUDIT]: [
        jsonResponse(
          unfinishedAudit(AUDIT_1, 'PROCESSING', { progress: { done: 1200, total: 3830, phase: 'Counting persons' } }),
        ),
        jsonResponse(completeAudit(AUDIT_1, RESULT)),
      ],
    });

    await waitFor(() => expect(section().maybeFind(EmptyState, { testId: 'audit-empty' })).not.toBeNull());
    expect(section().find(EmptyState, { testId: 'audit-empty' }).props.title).toBe('No audit yet');
    // The User guide tab asked first; the Smart Transfer tab asks again when it opens.
    expect(callsTo('GET /api/v1/audits').at(-1)).toEqual([url('/api/v1/audits', 'source=pipedrive'), GET_OPTIONS]);

    const start = section().find(LoadingButton, { testId: 'audit-start' });
    expect(start.text).toBe('Audit my data');
    start.trigger('onClick');
    await waitFor(() => expect(section().find(LoadingButton, { testId: 'audit-start' }).props.loading).toBe(true));
    expect(callsTo('POST /api/v1/audits')).toEqual([
      [url('/api/v1/audits'), { ...POST_OPTIONS, body: { source: 'pipedrive' } }],
    ]);

    started.resolve(jsonResponse(unfinishedAudit(AUDIT_1, 'PENDING'), 202));
    await waitFor(() => expect(section().maybeFind(ProgressBar)).not.toBeNull());
    const queued = progress().props;
    expect([queued.title, queued.value, queued.maxValue, queued.showPercentage, queued.valueDescription]).toEqual([
      'Waiting to start',
      undefined,
      undefined,
      false,
      '0 records counted so far',
    ]);
    expect(status()).toBe('Queued');
    expect(controls()).toEqual(['audit-pause', 'audit-cancel']);
    expect(callsTo(GET_AUDIT)).toHaveLength(0);

    await jest.advanceTimersByTimeAsync(2000);
    expect(callsTo(GET_AUDIT)).toEqual([[url(AUDIT_PATH), GET_OPTIONS]]);
    await waitFor(() => expect(progress().props.title).toBe('Counting persons'));
    const running = progress().props;
    expect([running.value, running.maxValue, running.showPercentage, running.valueDescription]).toEqual([
      1200,
      3830,
      true,
      '1,200 of 3,830 records',
    ]);
    expect(status()).toBe('Running');

    await jest.advanceTimersByTimeAsync(2000);
    await waitFor(() => expect(section().maybeFind(ProgressBar)).toBeNull());
    expect(
      section()
        .findAll(StatisticsItem)
        .map((item) => [item.props.label, item.props.number]),
    ).toEqual([
      ['Records', '3,830'],
      ['Objects', '7'],
      ['Supported fields', '71 of 74'],
      ['Pipedrive API tokens spent', '1,140'],
    ]);
    expect(section().find(Text, { testId: 'audit-date' }).text).toBe('Pipedrive audited on Dec 1, 2026');
    expect(status()).toBe('Complete');
    expect(section().find(LoadingButton, { testId: 'audit-start' }).text).toBe('Run a new audit');
    // The guide follows the audit: the step is done once the audit is.
    await waitFor(() => expect(stateOf('audit', tab('smart-transfer'))).toBe('Done'));

    // A complete audit is not checked on any more.
    await jest.advanceTimersByTimeAsync(20_000);
    expect(callsTo(GET_AUDIT)).toHaveLength(2);
  });

  it('pauses, resumes and cancels the running audit, and stops checking on it while it is paused', async () => {
    fakePollingClock();
    const counting = { done: 900, total: 3830, phase: 'Counting deals' };
    const { callsTo, waitFor, section, progress, status, controls } = await openAuditSection({
      'GET /api/v1/audits': [jsonResponse(unfinishedAudit(AUDIT_1, 'PROCESSING', { progress: counting }))],
      [`POST /api/v1/jobs/${AUDIT_1}/pause`]: [jsonResponse(job(AUDIT_1, 'PAUSED', { progress: counting }))],
      [`POST /api/v1/jobs/${AUDIT_1}/resume`]: [jsonResponse(job(AUDIT_1, 'PENDING', { progress: counting }))],
      [`POST /api/v1/jobs/${AUDIT_1}/cancel`]: [jsonResponse(job(AUDIT_1, 'CANCELED', { progress: counting }))],
      [GET_AUDIT]: [jsonResponse(unfinishedAudit(AUDIT_1, 'PROCESSING', { progress: { ...counting, done: 1500 } }))],
    });
    await waitFor(() => expect(section().maybeFind(ProgressBar)).not.toBeNull());
    expect(controls()).toEqual(['audit-pause', 'audit-cancel']);

    section().find(LoadingButton, { testId: 'audit-pause' }).trigger('onClick');
    await waitFor(() => expect(status()).toBe('Paused'));
    expect(callsTo(`POST /api/v1/jobs/${AUDIT_1}/pause`)).toEqual([
      [url(`/api/v1/jobs/${AUDIT_1}/pause`), POST_OPTIONS],
    ]);
    expect(section().find(Text, { testId: 'audit-waiting' }).text).toBe('Paused. Resume to continue where it stopped.');
    expect(progress().props.variant).toBe('warning');
    expect(controls()).toEqual(['audit-resume', 'audit-cancel']);
    await jest.advanceTimersByTimeAsync(20_000);
    expect(callsTo(GET_AUDIT)).toHaveLength(0);

    section().find(LoadingButton, { testId: 'audit-resume' }).trigger('onClick');
    await waitFor(() => expect(status()).toBe('Queued'));
    expect(callsTo(`POST /api/v1/jobs/${AUDIT_1}/resume`)).toEqual([
      [url(`/api/v1/jobs/${AUDIT_1}/resume`), POST_OPTIONS],
    ]);
    await jest.advanceTimersByTimeAsync(2000);
    await waitFor(() => expect(status()).toBe('Running'));
    expect(progress().props.valueDescription).toBe('1,500 of 3,830 records');
    expect(callsTo(GET_AUDIT)).toHaveLength(1);

    section().find(LoadingButton, { testId: 'audit-cancel' }).trigger('onClick');
    await waitFor(() => expect(section().maybeFind(Alert, { testId: 'audit-outcome' })).not.toBeNull());
    expect(callsTo(`POST /api/v1/jobs/${AUDIT_1}/cancel`)).toEqual([
      [url(`/api/v1/jobs/${AUDIT_1}/cancel`), POST_OPTIONS],
    ]);
    expect(section().find(Alert, { testId: 'audit-outcome' }).props.title).toBe('The audit was canceled');
    expect(section().find(LoadingButton, { testId: 'audit-start' }).text).toBe('Run a new audit');
    expect(section().maybeFind(ProgressBar)).toBeNull();
    await jest.advanceTimersByTimeAsync(20_000);
    expect(callsTo(GET_AUDIT)).toHaveLength(1);
  });

  it('says why a pause was refused, and shows the audit as the backend has it', async () => {
    fakePollingClock();
    const { callsTo, waitFor, section, status } = await openAuditSection({
      // The User guide tab loads the audit first, then the Smart Transfer tab; after the refusal, the truth.
      'GET /api/v1/audits': [
        jsonResponse(unfinishedAudit(AUDIT_1, 'PROCESSING')),
        jsonResponse(unfinishedAudit(AUDIT_1, 'PROCESSING')),
        jsonResponse(completeAudit(AUDIT_1, RESULT)),
      ],
      [`POST /api/v1/jobs/${AUDIT_1}/pause`]: [
        errorResponse(409, 'job_state_conflict', 'This job is complete and cannot be paused.'),
      ],
    });
    await waitFor(() => expect(section().maybeFind(ProgressBar)).not.toBeNull());
    const loadsBefore = callsTo('GET /api/v1/audits').length;

    section().find(LoadingButton, { testId: 'audit-pause' }).trigger('onClick');
    await waitFor(() => expect(section().maybeFind(Alert, { testId: 'audit-problem' })).not.toBeNull());
    expect(section().find(Alert, { testId: 'audit-problem' }).props.title).toBe("We couldn't pause the audit");
    expect(section().find(Text, { testId: 'audit-problem-message' }).text).toBe(
      'This job is complete and cannot be paused.',
    );
    await waitFor(() => expect(status()).toBe('Complete'));
    expect(callsTo('GET /api/v1/audits')).toHaveLength(loadsBefore + 1);
  });

  it('explains a 409 job_already_running in words and shows the audit that is running', async () => {
    fakePollingClock();
    const message = 'Another job is already running for this connection. Wait for it to finish, or cancel it.';
    const { callsTo, waitFor, section, status, find } = await openAuditSection({
      'GET /api/v1/audits': [NO_AUDIT, NO_AUDIT, jsonResponse(unfinishedAudit(AUDIT_1, 'PROCESSING'))],
      'POST /api/v1/audits': [errorResponse(409, 'job_already_running', message)],
    });
    await waitFor(() => expect(section().maybeFind(LoadingButton, { testId: 'audit-start' })).not.toBeNull());

    section().find(LoadingButton, { testId: 'audit-start' }).trigger('onClick');
    await waitFor(() => expect(section().maybeFind(ProgressBar)).not.toBeNull());
    expect(callsTo('POST /api/v1/audits')).toHaveLength(1);
    const alert = section().find(Alert, { testId: 'audit-problem' });
    expect(alert.props.title).toBe("We couldn't start the audit");
    expect(alert.props.variant).toBe('danger');
    expect(find(Text, { testId: 'audit-problem-message' }).text).toBe(message);
    expect(status()).toBe('Running');
  });

  it('shows why an audit waits (RETRYING) and why it failed (FAILED), with a way to run it again', async () => {
    fakePollingClock();
    const waiting = 'Pipedrive is limiting how fast we can read. This continues in a moment.';
    const failed = "Pipedrive no longer accepts Smart Transfer's access. Reconnect Pipedrive, then run it again.";
    const { waitFor, section, progress, status } = await openAuditSection({
      'GET /api/v1/audits': [jsonResponse(unfinishedAudit(AUDIT_1, 'RETRYING', { statusReason: waiting }))],
      [GET_AUDIT]: [jsonResponse(unfinishedAudit(AUDIT_1, 'FAILED', { statusReason: failed }))],
    });
    await waitFor(() => expect(section().maybeFind(ProgressBar)).not.toBeNull());
    expect(status()).toBe('Waiting to retry');
    expect(section().find(Text, { testId: 'audit-waiting' }).text).toBe(waiting);
    expect(progress().props.variant).toBe('warning');

    await jest.advanceTimersByTimeAsync(2000);
    await waitFor(() => expect(section().maybeFind(Alert, { testId: 'audit-outcome' })).not.toBeNull());
    expect(section().find(Alert, { testId: 'audit-outcome' }).props.title).toBe('The audit failed');
    expect(section().find(Text, { testId: 'audit-outcome-message' }).text).toBe(failed);
    expect(section().find(LoadingButton, { testId: 'audit-start' }).text).toBe('Run a new audit');
    expect(section().maybeFind(ProgressBar)).toBeNull();
  });

  it('keeps checking through a failed check, stops after three in a row, and checks again on request', async () => {
    fakePollingClock();
    const offline = { fail: new Error('GATEWAY_TIMEOUT') };
    const { callsTo, waitFor, section, progress } = await openAuditSection({
      'GET /api/v1/audits': [
        jsonResponse(unfinishedAudit(AUDIT_1, 'PROCESSING')),
        jsonResponse(unfinishedAudit(AUDIT_1, 'PROCESSING')),
        jsonResponse(
          unfinishedAudit(AUDIT_1, 'PROCESSING', { progress: { done: 3000, total: 3830, phase: 'Counting notes' } }),
        ),
      ],
      [GET_AUDIT]: [offline, offline, offline, jsonResponse(completeAudit(AUDIT_1, RESULT))],
    });
    await waitFor(() => expect(section().maybeFind(ProgressBar)).not.toBeNull());
    expect(progress().props.title).toBe('Waiting to start');
    const problem = () => section().find(Alert, { testId: 'audit-problem' });

    await jest.advanceTimersByTimeAsync(2000);
    await waitFor(() => expect(section().maybeFind(Alert, { testId: 'audit-problem' })).not.toBeNull());
    expect([problem().props.title, problem().props.variant]).toEqual(["We couldn't check on the audit", 'warning']);
    expect(section().find(Text, { testId: 'audit-problem-message' }).text).toBe(
      "We couldn't reach Smart Transfer. Check your connection, then try again in a moment. We'll try again in a moment.",
    );
    expect(section().maybeFind(ProgressBar)).not.toBeNull();

    await jest.advanceTimersByTimeAsync(4000);
    await waitFor(() => expect(problem().props.title).toBe('We stopped checking on the audit'));
    expect(callsTo(GET_AUDIT)).toHaveLength(3);
    await jest.advanceTimersByTimeAsync(20_000);
    expect(callsTo(GET_AUDIT)).toHaveLength(3);

    section().find(Button, { testId: 'audit-check-again' }).trigger('onClick');
    await waitFor(() => expect(progress().props.title).toBe('Counting notes'));
    expect(section().maybeFind(Alert, { testId: 'audit-problem' })).toBeNull();
    await jest.advanceTimersByTimeAsync(2000);
    await waitFor(() => expect(section().maybeFind(StatisticsItem)).not.toBeNull());
    expect(callsTo(GET_AUDIT)).toHaveLength(4);
  });

  it('shows a spinner while the latest audit loads', async () => {
    const latest = pendingResponse();
    const { waitFor, section } = await openAuditSection({ 'GET /api/v1/audits': [NO_AUDIT, latest] });
    expect(section().find(LoadingSpinner).props.label).toBe('Loading your audit');
    expect(section().maybeFind(EmptyState, { testId: 'audit-empty' })).toBeNull();
    latest.resolve(jsonResponse(completeAudit(AUDIT_1, RESULT)));
    await waitFor(() => expect(section().maybeFind(LoadingSpinner, { label: 'Loading your audit' })).toBeNull());
    expect(section().maybeFind(StatisticsItem)).not.toBeNull();
  });

  it('shows a load failure in words a user understands, and loads again on Try again', async () => {
    const { callsTo, waitFor, section } = await openAuditSection({
      'GET /api/v1/audits': [
        { fail: new Error('network down') },
        { fail: new Error('network down') },
        jsonResponse(completeAudit(AUDIT_1, RESULT)),
      ],
    });
    await waitFor(() => expect(section().maybeFind(ErrorState)).not.toBeNull());
    expect(section().find(ErrorState).props.title).toBe("We couldn't load your audit");
    expect(section().find(Text, { testId: 'load-error-message' }).text).toBe(
      "We couldn't reach Smart Transfer. Check your connection, then try again in a moment.",
    );

    section().find(Button, { testId: 'load-error-retry' }).trigger('onClick');
    await waitFor(() => expect(section().maybeFind(StatisticsItem)).not.toBeNull());
    expect(section().maybeFind(ErrorState)).toBeNull();
    expect(callsTo('GET /api/v1/audits')).toHaveLength(3);
  });
});

describe("the User guide's Audit your data task", () => {
  it('starts the audit from the checklist and follows it there', async () => {
    fakePollingClock();
    const { callsTo } = fakeBackend({
      'GET /api/v1/guide': [jsonResponse(guideWithAudit('available')), jsonResponse(guideWithAudit('in_progress'))],
      'GET /api/v1/apps': [CONNECTED],
      'GET /api/v1/audits': [NO_AUDIT],
      'POST /api/v1/audits': [jsonResponse(unfinishedAudit(AUDIT_1, 'PENDING'), 202)],
      [GET_AUDIT]: [
        jsonResponse(
          unfinishedAudit(AUDIT_1, 'PROCESSING', { progress: { done: 10, total: null, phase: 'Reading fields' } }),
        ),
      ],
    });
    const { waitFor, tab, stateOf } = renderSettings();
    const line = () => tab('user-guide').find(Flex, { testId: 'guide-step-audit' });
    await waitFor(() => expect(tab('user-guide').maybeFind(EmptyState, { testId: 'audit-empty' })).not.toBeNull());
    expect(stateOf('audit')).toBe('Ready to start');

    line().find(LoadingButton, { testId: 'audit-start' }).trigger('onClick');
    await waitFor(() => expect(line().maybeFind(ProgressBar)).not.toBeNull());
    expect(callsTo('POST /api/v1/audits')).toEqual([
      [url('/api/v1/audits'), { ...POST_OPTIONS, body: { source: 'pipedrive' } }],
    ]);
    await waitFor(() => expect(stateOf('audit')).toBe('In progress'));

    await jest.advanceTimersByTimeAsync(2000);
    await waitFor(() => expect(line().find(ProgressBar).props.title).toBe('Reading fields'));
    // The total is still unknown: no share on the bar, only the count in words.
    expect([line().find(ProgressBar).props.value, line().find(ProgressBar).props.valueDescription]).toEqual([
      undefined,
      '10 records counted so far',
    ]);
    expect(
      line()
        .findAll(LoadingButton)
        .map((button) => button.props.testId),
    ).toEqual(['audit-pause', 'audit-cancel']);
  });
});
