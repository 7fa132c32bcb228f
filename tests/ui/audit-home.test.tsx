import {
  Alert,
  Button,
  EmptyState,
  Heading,
  LoadingButton,
  ProgressBar,
  StatisticsItem,
  StatusTag,
  Table,
  Tile,
} from '@hubspot/ui-extensions';
import { PageBreadcrumbs } from '@hubspot/ui-extensions/pages';
import { describe, expect, it, jest } from '@jest/globals';
import {
  appsWith,
  AUDIT_1,
  AUDIT_2,
  cleanUpAfterEach,
  columnOf,
  completeAudit,
  CONNECTED,
  errorResponse,
  fakeBackend,
  fakePollingClock,
  fetchOptions,
  jsonResponse,
  NO_AUDIT,
  renderHome,
  RESULT,
  unfinishedAudit,
  url,
} from './support/index.ts';

cleanUpAfterEach();

describe('app home once Pipedrive is connected', () => {
  it('shows the connection, Disconnect and "Audit my data", which starts the audit right there', async () => {
    fakePollingClock();
    const { callsTo } = fakeBackend({
      'GET /api/v1/apps': [CONNECTED],
      'GET /api/v1/audits': [NO_AUDIT],
      'POST /api/v1/audits': [jsonResponse(unfinishedAudit(AUDIT_1, 'PENDING'), 202)],
      [`GET /api/v1/audits/${AUDIT_1}`]: [
        jsonResponse(
          unfinishedAudit(AUDIT_1, 'PROCESSING', { progress: { done: 450, total: 3830, phase: 'Counting deals' } }),
        ),
      ],
    });
    const { findByTestId, maybeFindByTestId, waitFor } = renderHome();
    const tile = () => findByTestId(Tile, 'source-pipedrive');
    await waitFor(() => expect(tile().maybeFind(EmptyState, { testId: 'audit-empty' })).not.toBeNull());
    expect(callsTo('GET /api/v1/audits')).toEqual([[url('/api/v1/audits', 'source=pipedrive'), fetchOptions('GET')]]);
    expect(tile().find(StatusTag, { testId: 'connection-pipedrive' }).text).toBe('Connected');
    expect(tile().maybeFind(LoadingButton, { testId: 'connect-pipedrive' })).toBeNull();
    expect(tile().find(Button, { testId: 'disconnect-pipedrive' }).text).toBe('Disconnect');
    expect(
      maybeFindByTestId(Tile, 'source-zoho')?.maybeFind(LoadingButton, { testId: 'connect-zoho' })?.props.disabled,
    ).toBe(true);

    tile().find(LoadingButton, { testId: 'audit-start' }).trigger('onClick');
    await waitFor(() => expect(tile().maybeFind(ProgressBar)).not.toBeNull());
    expect(callsTo('POST /api/v1/audits')).toEqual([
      [url('/api/v1/audits'), { method: 'POST', timeout: 15000, body: { source: 'pipedrive' } }],
    ]);
    await jest.advanceTimersByTimeAsync(2000);
    await waitFor(() => expect(tile().find(ProgressBar).props.title).toBe('Counting deals'));
    expect(tile().find(ProgressBar).props.valueDescription).toBe('450 of 3,830 records');
  });

  it("shows the latest audit's headline numbers and opens its full results, with a way back to the apps", async () => {
    fakeBackend({
      'GET /api/v1/apps': [CONNECTED],
      'GET /api/v1/audits': [jsonResponse(completeAudit(AUDIT_1, RESULT))],
    });
    const { find, findAll, findByTestId, maybeFind, waitFor, appNames, follow, path } = renderHome();
    const tile = () => findByTestId(Tile, 'source-pipedrive');
    await waitFor(() => expect(tile().maybeFind(StatisticsItem)).not.toBeNull());
    expect(
      tile()
        .findAll(StatisticsItem)
        .map((item) => item.props.number),
    ).toEqual(['3,830', '7', '71 of 74', '1,140']);

    const open = tile().find(Button, { testId: 'audit-open-results' });
    expect(open.text).toBe('See the full results');
    open.trigger('onClick');
    await waitFor(() => expect(maybeFind(Table, { testId: 'audit-objects' })).not.toBeNull());
    expect(find(Heading).text).toBe('Your Pipedrive audit');
    expect(maybeFind(Tile)).toBeNull();
    // 7 objects and the archived deals' line under Deals.
    expect(columnOf(find(Table, { testId: 'audit-objects' }), 0)).toHaveLength(8);
    expect(findAll(StatisticsItem).map((item) => item.props.number)).toEqual(['3,830', '7', '71 of 74', '1,140']);

    expect(path()).toBe('/sources/pipedrive/audit');
    follow(find(PageBreadcrumbs.PageLink, { testId: 'back-to-apps' }));
    await waitFor(() => expect(appNames()).toEqual(['Pipedrive', 'Zoho CRM', 'Salesforce', 'ActiveCampaign']));
  });

  it('says why an audit could not start when Pipedrive must be reconnected, and offers Reconnect', async () => {
    const message = 'Pipedrive no longer accepts our access. Reconnect it, then run the audit.';
    const { callsTo } = fakeBackend({
      'GET /api/v1/apps': [CONNECTED, jsonResponse(appsWith({ connectionStatus: 'reconnect_needed' }))],
      'GET /api/v1/audits': [NO_AUDIT],
      'POST /api/v1/audits': [errorResponse(409, 'reconnect_needed', message)],
    });
    const { findByTestId, maybeFind, waitFor } = renderHome();
    const tile = () => findByTestId(Tile, 'source-pipedrive');
    await waitFor(() => expect(tile().maybeFind(LoadingButton, { testId: 'audit-start' })).not.toBeNull());

    tile().find(LoadingButton, { testId: 'audit-start' }).trigger('onClick');
    await waitFor(() =>
      expect(tile().find(StatusTag, { testId: 'connection-pipedrive' }).text).toBe('Reconnect needed'),
    );
    expect(tile().find(LoadingButton, { testId: 'connect-pipedrive' }).text).toBe('Reconnect');
    expect(tile().maybeFind(EmptyState, { testId: 'audit-empty' })).toBeNull();
    // The apps were refreshed in place (no spinner) and now say the connection needs attention.
    expect(callsTo('GET /api/v1/apps')).toHaveLength(2);
    expect(maybeFind(Alert, { testId: 'audit-problem' })).toBeNull();
  });

  it('goes back to the apps when Pipedrive stops accepting access during an audit, and offers Reconnect', async () => {
    fakePollingClock();
    const revoked = "Pipedrive no longer accepts Smart Transfer's access. Reconnect Pipedrive, then run it again.";
    fakeBackend({
      'GET /api/v1/apps': [CONNECTED, jsonResponse(appsWith({ connectionStatus: 'reconnect_needed' }))],
      'GET /api/v1/audits': [jsonResponse(completeAudit(AUDIT_1, RESULT))],
      'POST /api/v1/audits': [jsonResponse(unfinishedAudit(AUDIT_2, 'PENDING'), 202)],
      [`GET /api/v1/audits/${AUDIT_2}`]: [jsonResponse(unfinishedAudit(AUDIT_2, 'FAILED', { statusReason: revoked }))],
    });
    const { find, findByTestId, maybeFind, waitFor, path } = renderHome();
    await waitFor(() => expect(maybeFind(Button, { testId: 'audit-open-results' })).not.toBeNull());
    find(Button, { testId: 'audit-open-results' }).trigger('onClick');
    await waitFor(() => expect(path()).toBe('/sources/pipedrive/audit'));
    await waitFor(() => expect(maybeFind(LoadingButton, { testId: 'audit-start' })).not.toBeNull());
    expect(find(Heading).text).toBe('Your Pipedrive audit');

    find(LoadingButton, { testId: 'audit-start' }).trigger('onClick');
    await waitFor(() => expect(maybeFind(ProgressBar)).not.toBeNull());
    await jest.advanceTimersByTimeAsync(2000);
    await waitFor(() => expect(maybeFind(Tile)).not.toBeNull());
    const tile = findByTestId(Tile, 'source-pipedrive');
    expect(tile.find(StatusTag, { testId: 'connection-pipedrive' }).text).toBe('Reconnect needed');
    expect(tile.find(LoadingButton, { testId: 'connect-pipedrive' }).text).toBe('Reconnect');
    expect(path()).toBe('/');
  });
});
