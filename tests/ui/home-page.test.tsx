import {
  Button,
  EmptyState,
  ErrorState,
  LoadingButton,
  LoadingSpinner,
  SearchInput,
  StatusTag,
  Tag,
  Text,
  Tile,
} from '@hubspot/ui-extensions';
import { describe, expect, it, jest } from '@jest/globals';
import {
  APPS,
  appsWith,
  cleanUpAfterEach,
  errorResponse,
  fakeBackend,
  fakePollingClock,
  fetchOptions,
  jsonResponse,
  NO_AUDIT,
  pendingResponse,
  renderHome,
  TICKET,
  url,
} from './support/index.ts';

cleanUpAfterEach();

describe('app home (Data integration entry)', () => {
  it('shows a spinner, then every source app with its availability; only available apps can be transferred', async () => {
    const apps = pendingResponse();
    const { fetchMock } = fakeBackend({ 'GET /api/v1/apps': [apps] });
    const { find, findAll, findByTestId, maybeFind, waitFor, appNames } = renderHome();

    expect(find(LoadingSpinner).props.label).toBe('Loading apps');
    expect(maybeFind(Tile)).toBeNull();

    apps.resolve(jsonResponse(APPS));
    await waitFor(() => expect(appNames()).toEqual(['Pipedrive', 'Zoho CRM', 'Salesforce', 'ActiveCampaign']));
    expect(maybeFind(LoadingSpinner)).toBeNull();
    expect(fetchMock).toHaveBeenCalledTimes(1);
    expect(fetchMock).toHaveBeenCalledWith(url('/api/v1/apps'), fetchOptions('GET'));
    expect(findByTestId(StatusTag, 'connection-pipedrive').text).toBe('Not connected');
    expect(findByTestId(Tag, 'availability-pipedrive').text).toBe('Available');
    expect(findByTestId(Tag, 'availability-zoho').text).toBe('Coming soon');
    const transfer = findAll(LoadingButton).map((button) => [button.text, button.props.disabled]);
    expect(transfer).toEqual([
      ['Transfer', false],
      ['Transfer', true],
      ['Transfer', true],
      ['Transfer', true],
    ]);
  });

  it('filters the apps by name as the user types, ignoring case, and says so when nothing matches', async () => {
    fakeBackend({ 'GET /api/v1/apps': [jsonResponse(APPS)] });
    const { find, findByTestId, maybeFind, waitFor, appNames, typeInSearch } = renderHome();
    await waitFor(() => expect(appNames()).toHaveLength(4));

    typeInSearch('SALES');
    await waitFor(() => expect(appNames()).toEqual(['Salesforce']));
    expect(find(SearchInput).props.value).toBe('SALES');

    typeInSearch('  crm ');
    await waitFor(() => expect(appNames()).toEqual(['Zoho CRM']));

    typeInSearch('hubspot');
    await waitFor(() => expect(maybeFind(Tile)).toBeNull());
    const empty = findByTestId(EmptyState, 'no-matches');
    expect(empty.props.title).toBe('No apps match "hubspot"');
    expect(empty.find(Text).text).toBe('Check the spelling, or clear the search to see every app.');

    findByTestId(Button, 'clear-search').trigger('onClick');
    await waitFor(() => expect(appNames()).toHaveLength(4));
    expect(find(SearchInput).props.value).toBe('');
  });

  it('says so when the backend offers no source app at all', async () => {
    fakeBackend({ 'GET /api/v1/apps': [jsonResponse({ apps: [] })] });
    const { findByTestId, waitFor } = renderHome();
    await waitFor(() => expect(findByTestId(EmptyState, 'no-apps').props.title).toBe('No apps to transfer from yet'));
  });

  it('Transfer asks for a connect ticket, then offers "Continue to Pipedrive" in a new tab and says to come back', async () => {
    fakePollingClock();
    const ticket = pendingResponse();
    const { fetchMock, callsTo } = fakeBackend({
      'GET /api/v1/apps': [jsonResponse(APPS), jsonResponse(appsWith({ connectionStatus: 'connected' }))],
      'GET /api/v1/audits': [NO_AUDIT],
      'POST /api/v1/connect-tickets': [ticket],
    });
    const { findByTestId, maybeFindByTestId, waitFor } = renderHome();
    await waitFor(() => expect(findByTestId(LoadingButton, 'connect-pipedrive').props.disabled).toBe(false));

    findByTestId(LoadingButton, 'connect-pipedrive').trigger('onClick');
    await waitFor(() => expect(findByTestId(LoadingButton, 'connect-pipedrive').props.loading).toBe(true));
    expect(fetchMock).toHaveBeenLastCalledWith(url('/api/v1/connect-tickets'), {
      method: 'POST',
      timeout: 15000,
      body: { source: 'pipedrive' },
    });

    ticket.resolve(jsonResponse(TICKET, 201));
    await waitFor(() => expect(maybeFindByTestId(Button, 'continue-pipedrive')).not.toBeNull());
    const proceed = findByTestId(Button, 'continue-pipedrive');
    expect(proceed.text).toBe('Continue to Pipedrive');
    expect(proceed.props.href).toEqual({ url: TICKET.connectUrl, external: true });
    expect(findByTestId(Text, 'continue-hint-pipedrive').text).toBe(
      'Pipedrive opens in a new tab. After you approve access there, come back here to continue your transfer.',
    );

    findByTestId(Button, 'check-connection-pipedrive').trigger('onClick');
    await waitFor(() => expect(findByTestId(StatusTag, 'connection-pipedrive').text).toBe('Connected'));
    expect(callsTo('GET /api/v1/apps')).toHaveLength(2);
  });

  it('shows why a Transfer could not start, and Try again asks once more', async () => {
    fakePollingClock();
    const { callsTo } = fakeBackend({
      'GET /api/v1/apps': [jsonResponse(APPS)],
      'POST /api/v1/connect-tickets': [
        errorResponse(
          409,
          'source_unavailable',
          'Pipedrive cannot be connected right now. Try again in a few minutes.',
        ),
        jsonResponse(TICKET, 201),
      ],
    });
    const { findByTestId, maybeFindByTestId, waitFor } = renderHome();
    await waitFor(() => expect(maybeFindByTestId(LoadingButton, 'connect-pipedrive')).not.toBeNull());

    findByTestId(LoadingButton, 'connect-pipedrive').trigger('onClick');
    await waitFor(() => expect(maybeFindByTestId(Button, 'connect-retry-pipedrive')).not.toBeNull());
    expect(findByTestId(Text, 'connect-error-message-pipedrive').text).toBe(
      'Pipedrive cannot be connected right now. Try again in a few minutes.',
    );

    findByTestId(Button, 'connect-retry-pipedrive').trigger('onClick');
    await waitFor(() => expect(maybeFindByTestId(Button, 'continue-pipedrive')).not.toBeNull());
    expect(callsTo('POST /api/v1/connect-tickets').map(([, options]) => options?.body)).toEqual([
      { source: 'pipedrive' },
      { source: 'pipedrive' },
    ]);
  });

  it('notices by itself when the user has approved access in Pipedrive, and shows it connected', async () => {
    fakePollingClock();
    const { callsTo } = fakeBackend({
      'GET /api/v1/apps': [jsonResponse(APPS), jsonResponse(appsWith({ connectionStatus: 'connected' }))],
      'GET /api/v1/audits': [NO_AUDIT],
      'POST /api/v1/connect-tickets': [jsonResponse(TICKET, 201)],
      'GET /api/v1/connections/pipedrive': [
        jsonResponse({
          source: 'pipedrive',
          status: 'not_connected',
          accountName: null,
          reason: null,
          connectedAt: null,
        }),
        jsonResponse({
          source: 'pipedrive',
          status: 'connected',
          accountName: 'Acme',
          reason: null,
          connectedAt: '2026-12-01T10:05:00Z',
        }),
      ],
    });
    const { findByTestId, maybeFindByTestId, waitFor } = renderHome();
    await waitFor(() => expect(maybeFindByTestId(LoadingButton, 'connect-pipedrive')).not.toBeNull());
    findByTestId(LoadingButton, 'connect-pipedrive').trigger('onClick');
    await waitFor(() => expect(maybeFindByTestId(Button, 'continue-pipedrive')).not.toBeNull());
    expect(callsTo('GET /api/v1/connections/pipedrive')).toHaveLength(0);

    await jest.advanceTimersByTimeAsync(3000);
    expect(callsTo('GET /api/v1/connections/pipedrive')).toEqual([
      [url('/api/v1/connections/pipedrive'), fetchOptions('GET')],
    ]);
    expect(maybeFindByTestId(Button, 'continue-pipedrive')).not.toBeNull();

    await jest.advanceTimersByTimeAsync(3000);
    await waitFor(() => expect(findByTestId(StatusTag, 'connection-pipedrive').text).toBe('Connected'));
    expect(callsTo('GET /api/v1/connections/pipedrive')).toHaveLength(2);
    expect(callsTo('GET /api/v1/apps')).toHaveLength(2);
  });

  it('stops asking about the connection after a failed check; the user can still check by hand', async () => {
    fakePollingClock();
    const { callsTo } = fakeBackend({
      'GET /api/v1/apps': [jsonResponse(APPS)],
      'POST /api/v1/connect-tickets': [jsonResponse(TICKET, 201)],
      'GET /api/v1/connections/pipedrive': [errorResponse(404, 'not_found', 'No such endpoint.')],
    });
    const { findByTestId, maybeFindByTestId, waitFor } = renderHome();
    await waitFor(() => expect(maybeFindByTestId(LoadingButton, 'connect-pipedrive')).not.toBeNull());
    findByTestId(LoadingButton, 'connect-pipedrive').trigger('onClick');
    await waitFor(() => expect(maybeFindByTestId(Button, 'check-connection-pipedrive')).not.toBeNull());

    await jest.advanceTimersByTimeAsync(60_000);
    expect(callsTo('GET /api/v1/connections/pipedrive')).toHaveLength(1);
    expect(maybeFindByTestId(Button, 'check-connection-pipedrive')).not.toBeNull();
  });

  it('shows a load error in words a user understands and loads again on Try again', async () => {
    const { callsTo } = fakeBackend({
      'GET /api/v1/apps': [
        errorResponse(403, 'portal_not_installed', 'Smart Transfer is not installed in this HubSpot account.'),
        jsonResponse(APPS),
      ],
    });
    const { find, findByTestId, maybeFind, waitFor, appNames } = renderHome();
    await waitFor(() => expect(maybeFind(ErrorState)).not.toBeNull());
    expect(find(ErrorState).props.title).toBe("We couldn't load the apps you can transfer from");
    expect(findByTestId(Text, 'load-error-message').text).toBe(
      'Smart Transfer is not installed in this HubSpot account.',
    );

    findByTestId(Button, 'load-error-retry').trigger('onClick');
    await waitFor(() => expect(appNames()).toHaveLength(4));
    expect(maybeFind(ErrorState)).toBeNull();
    expect(callsTo('GET /api/v1/apps')).toHaveLength(2);
  });

  it('says the backend could not be reached when hubspot.fetch itself fails (timeout, network)', async () => {
    fakeBackend({ 'GET /api/v1/apps': [{ fail: new Error('GATEWAY_TIMEOUT') }] });
    const { findByTestId, maybeFindByTestId, waitFor } = renderHome();
    await waitFor(() => expect(maybeFindByTestId(Text, 'load-error-message')).not.toBeNull());
    expect(findByTestId(Text, 'load-error-message').text).toBe(
      "We couldn't reach Smart Transfer. Check your connection, then try again in a moment.",
    );
  });
});
