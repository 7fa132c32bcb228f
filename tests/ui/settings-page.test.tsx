import {
  Button,
  EmptyState,
  ErrorState,
  Flex,
  LoadingButton,
  LoadingSpinner,
  StatusTag,
  Table,
  Tabs,
  Text,
} from '@hubspot/ui-extensions';
import { describe, expect, it } from '@jest/globals';
import type { GuideResponse } from '../../hubspot-app/app/shared/contracts/index.ts';
import {
  APPS,
  appsWith,
  AUDIT_1,
  cleanUpAfterEach,
  completeAudit,
  errorResponse,
  fakeBackend,
  fakePollingClock,
  fetchOptions,
  fire,
  GUIDE,
  jsonResponse,
  NO_AUDIT,
  pendingResponse,
  renderSettings,
  RESULT,
  TICKET,
  url,
} from './support/index.ts';

cleanUpAfterEach();

const GUIDE_CONNECTED: GuideResponse = {
  portalId: 123,
  steps: [
    { id: 'install', title: 'Install Smart Transfer', description: 'About install.', state: 'complete' },
    { id: 'connect', title: 'Connect your source app', description: 'About connect.', state: 'complete' },
    {
      id: 'audit',
      title: 'Audit your data',
      description: 'About audit.',
      state: 'available',
      actionLabel: 'Run an audit',
    },
    {
      id: 'configure',
      title: 'Prepare the portal',
      description: 'About configure.',
      state: 'locked',
      reason: 'Available after the audit.',
    },
  ],
};

describe('settings page (Connected apps > Smart Transfer)', () => {
  it('loads the guide and the source apps, then shows the User guide checklist with each step state', async () => {
    const guide = pendingResponse();
    const { fetchMock } = fakeBackend({ 'GET /api/v1/guide': [guide], 'GET /api/v1/apps': [jsonResponse(APPS)] });
    const { find, maybeFind, findByTestId, waitFor, tab, stateOf } = renderSettings();
    expect(find(LoadingSpinner).props.label).toBe('Loading your transfer');

    guide.resolve(jsonResponse(GUIDE));
    await waitFor(() => expect(maybeFind(Tabs)).not.toBeNull());
    expect(maybeFind(LoadingSpinner)).toBeNull();
    expect(fetchMock.mock.calls).toEqual([
      [url('/api/v1/guide'), fetchOptions('GET')],
      [url('/api/v1/apps'), fetchOptions('GET')],
    ]);

    expect(find(Tabs).props.selected).toBe('user-guide');
    expect(tab('user-guide').props.title).toBe('User guide');
    expect(tab('smart-transfer').props.title).toBe('Smart Transfer');
    expect(findByTestId(Text, 'guide-progress').text).toBe(
      '1 of 4 steps done. Work through them in order; each one unlocks the next.',
    );
    expect(['install', 'connect', 'audit', 'configure'].map((id) => stateOf(id))).toEqual([
      'Done',
      'Ready to start',
      'Locked',
      'Locked',
    ]);
    const checklist = tab('user-guide');
    expect(checklist.find(Text, { testId: 'step-reason-audit' }).text).toBe('Available after you connect Pipedrive.');
    expect(checklist.find(Text, { testId: 'step-reason-configure' }).text).toBe(
      'Available after the earlier steps are done.',
    );
    // The Connect step is available, so its action is right in the checklist.
    expect(checklist.find(Flex, { testId: 'guide-step-connect' }).find(LoadingButton).text).toBe('Connect Pipedrive');
    expect(checklist.find(Flex, { testId: 'guide-step-audit' }).maybeFind(Button)).toBeNull();
  });

  it('switches to the Smart Transfer tab: a section per step, the Connect step with the source status and its action', async () => {
    fakeBackend({ 'GET /api/v1/guide': [jsonResponse(GUIDE)], 'GET /api/v1/apps': [jsonResponse(APPS)] });
    const { find, maybeFind, waitFor, tab, stateOf } = renderSettings();
    await waitFor(() => expect(maybeFind(Tabs)).not.toBeNull());

    expect(tab('smart-transfer').childNodes).toEqual([]);
    fire(find(Tabs), 'onSelectedChange', 'smart-transfer');
    await waitFor(() => expect(find(Tabs).props.selected).toBe('smart-transfer'));
    expect(tab('user-guide').childNodes).toEqual([]);

    const sections = tab('smart-transfer');
    expect(sections.findAll(Flex).filter((node) => String(node.props.testId).startsWith('step-section-'))).toHaveLength(
      4,
    );
    expect(stateOf('audit', sections)).toBe('Locked');
    expect(sections.find(Text, { testId: 'step-reason-audit' }).text).toBe('Available after you connect Pipedrive.');
    const connect = sections.find(Flex, { testId: 'step-section-connect' });
    expect(connect.find(StatusTag, { testId: 'connection-pipedrive' }).text).toBe('Not connected');
    expect(connect.find(LoadingButton, { testId: 'connect-pipedrive' }).text).toBe('Connect Pipedrive');
    expect(connect.find(Text, { testId: 'coming-soon-sources' }).text).toBe(
      'Coming soon: Zoho CRM, Salesforce, ActiveCampaign.',
    );

    fire(find(Tabs), 'onSelectedChange', 'user-guide');
    await waitFor(() => expect(find(Tabs).props.selected).toBe('user-guide'));
    expect(tab('user-guide').maybeFind(Flex, { testId: 'guide-step-connect' })).not.toBeNull();
    expect(tab('smart-transfer').childNodes).toEqual([]);
  });

  it('connects Pipedrive from the Smart Transfer tab and shows it connected after Check connection', async () => {
    fakePollingClock();
    const { fetchMock, callsTo } = fakeBackend({
      'GET /api/v1/guide': [jsonResponse(GUIDE), jsonResponse(GUIDE_CONNECTED)],
      'GET /api/v1/apps': [jsonResponse(APPS), jsonResponse(appsWith({ connectionStatus: 'connected' }))],
      'POST /api/v1/connect-tickets': [jsonResponse(TICKET, 201)],
      'GET /api/v1/audits': [NO_AUDIT],
    });
    const { find, maybeFind, waitFor, tab, stateOf } = renderSettings();
    await waitFor(() => expect(maybeFind(Tabs)).not.toBeNull());
    fire(find(Tabs), 'onSelectedChange', 'smart-transfer');
    await waitFor(() => expect(find(Tabs).props.selected).toBe('smart-transfer'));

    tab('smart-transfer').find(LoadingButton, { testId: 'connect-pipedrive' }).trigger('onClick');
    await waitFor(() =>
      expect(tab('smart-transfer').maybeFind(Button, { testId: 'continue-pipedrive' })).not.toBeNull(),
    );
    expect(fetchMock).toHaveBeenLastCalledWith(url('/api/v1/connect-tickets'), {
      method: 'POST',
      timeout: 15000,
      body: { source: 'pipedrive' },
    });
    const section = tab('smart-transfer');
    expect(section.find(Button, { testId: 'continue-pipedrive' }).props.href).toEqual({
      url: TICKET.connectUrl,
      external: true,
    });
    expect(section.find(Text, { testId: 'continue-hint-pipedrive' }).text).toContain('come back here');

    section.find(Button, { testId: 'check-connection-pipedrive' }).trigger('onClick');
    await waitFor(() => expect(stateOf('connect', tab('smart-transfer'))).toBe('Done'));
    expect(find(Tabs).props.selected).toBe('smart-transfer');
    const connect = tab('smart-transfer').find(Flex, { testId: 'step-section-connect' });
    expect(connect.find(StatusTag, { testId: 'connection-pipedrive' }).text).toBe('Connected');
    expect(connect.maybeFind(LoadingButton, { testId: 'connect-pipedrive' })).toBeNull();
    expect(connect.find(Button, { testId: 'disconnect-pipedrive' }).text).toBe('Disconnect');
    expect(callsTo('GET /api/v1/guide')).toHaveLength(2);
    expect(callsTo('GET /api/v1/apps')).toHaveLength(2);
  });

  it('opens the audit on the Smart Transfer tab from its checklist line once there are results', async () => {
    fakeBackend({
      'GET /api/v1/guide': [jsonResponse(GUIDE_CONNECTED)],
      'GET /api/v1/apps': [jsonResponse(appsWith({ connectionStatus: 'connected' }))],
      'GET /api/v1/audits': [jsonResponse(completeAudit(AUDIT_1, RESULT))],
    });
    const { find, maybeFind, waitFor, tab } = renderSettings();
    await waitFor(() => expect(tab('user-guide').maybeFind(Button, { testId: 'audit-open-results' })).not.toBeNull());

    const open = tab('user-guide').find(Button, { testId: 'audit-open-results' });
    expect(open.text).toBe('See the full results');
    open.trigger('onClick');
    await waitFor(() => expect(find(Tabs).props.selected).toBe('smart-transfer'));
    await waitFor(() => expect(tab('smart-transfer').maybeFind(Table, { testId: 'audit-objects' })).not.toBeNull());
    expect(maybeFind(Button, { testId: 'audit-open-results' })).toBeNull();
  });

  it('offers to reconnect a source whose connection needs attention, with the guide reason', async () => {
    const guide: GuideResponse = {
      portalId: 123,
      steps: [
        {
          id: 'connect',
          title: 'Connect your source app',
          description: 'About connect.',
          state: 'needs_attention',
          reason: 'Pipedrive stopped accepting our access. Reconnect it to continue.',
        },
      ],
    };
    fakeBackend({
      'GET /api/v1/guide': [jsonResponse(guide)],
      'GET /api/v1/apps': [jsonResponse(appsWith({ connectionStatus: 'reconnect_needed' }))],
    });
    const { maybeFind, waitFor, tab, stateOf } = renderSettings();
    await waitFor(() => expect(maybeFind(Tabs)).not.toBeNull());

    const line = tab('user-guide').find(Flex, { testId: 'guide-step-connect' });
    expect(stateOf('connect')).toBe('Needs attention');
    expect(line.find(Text, { testId: 'step-reason-connect' }).text).toBe(
      'Pipedrive stopped accepting our access. Reconnect it to continue.',
    );
    expect(line.find(StatusTag, { testId: 'connection-pipedrive' }).text).toBe('Reconnect needed');
    expect(line.find(LoadingButton, { testId: 'connect-pipedrive' }).text).toBe('Reconnect Pipedrive');
  });

  it('says so when the guide has no steps yet', async () => {
    fakeBackend({
      'GET /api/v1/guide': [jsonResponse({ portalId: 123, steps: [] })],
      'GET /api/v1/apps': [jsonResponse(APPS)],
    });
    const { findByTestId, maybeFindByTestId, maybeFind, waitFor } = renderSettings();
    await waitFor(() => expect(maybeFindByTestId(EmptyState, 'no-steps')).not.toBeNull());
    expect(findByTestId(EmptyState, 'no-steps').props.title).toBe("Your transfer steps aren't ready yet");
    expect(maybeFind(Tabs)).toBeNull();
  });

  it('shows why the page could not load and loads both again on Try again', async () => {
    const { callsTo } = fakeBackend({
      'GET /api/v1/guide': [
        errorResponse(500, 'internal_error', 'Something went wrong on our side. Try again.'),
        jsonResponse(GUIDE),
      ],
      'GET /api/v1/apps': [jsonResponse(APPS)],
    });
    const { find, findByTestId, maybeFind, waitFor } = renderSettings();
    await waitFor(() => expect(maybeFind(ErrorState)).not.toBeNull());
    expect(find(ErrorState).props.title).toBe("We couldn't load your transfer");
    expect(findByTestId(Text, 'load-error-message').text).toBe('Something went wrong on our side. Try again.');
    expect(maybeFind(Tabs)).toBeNull();

    findByTestId(Button, 'load-error-retry').trigger('onClick');
    await waitFor(() => expect(maybeFind(Tabs)).not.toBeNull());
    expect(maybeFind(ErrorState)).toBeNull();
    expect(callsTo('GET /api/v1/guide')).toHaveLength(2);
    expect(callsTo('GET /api/v1/apps')).toHaveLength(2);
  });
});
