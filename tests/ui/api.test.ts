import { afterEach, describe, expect, it, jest } from '@jest/globals';
import { apiUrl, callApi } from '../../hubspot-app/app/shared/api.ts';
import { ApiError } from '../../hubspot-app/app/shared/api-error.ts';
import type { ConnectTicketRequest } from '../../hubspot-app/app/shared/contracts/index.ts';
import { createConnectTicket, getGuide, listApps } from '../../hubspot-app/app/shared/endpoints.ts';
import { APPS, errorResponse, fakeBackend, fetchOptions, GUIDE, jsonResponse, url } from './support/backend.ts';

afterEach(() => {
  jest.restoreAllMocks();
});

const IDENTITY = { portalId: 123, userId: 1 };

/** The ApiError a call failed with (the test fails if it did not fail). */
async function failureOf(call: Promise<unknown>): Promise<ApiError> {
  const outcome = await call.then(
    () => new Error('expected the call to fail'),
    (error: unknown) => error,
  );
  if (!(outcome instanceof ApiError)) throw outcome;
  return outcome;
}

describe('the hubspot.fetch wrapper', () => {
  it('calls the backend origin with portalId and userId from the extension context appended', () => {
    expect(apiUrl('/api/v1/apps', { portalId: 987654, userId: 42 })).toBe(
      'https://api.smart-transfer.example/api/v1/apps?portalId=987654&userId=42',
    );
  });

  it('GETs an endpoint with a timeout and returns the answer checked against its contract', async () => {
    const { fetchMock } = fakeBackend({ 'GET /api/v1/guide': [jsonResponse({ ...GUIDE, unknownField: 'dropped' })] });
    await expect(callApi(getGuide, IDENTITY)).resolves.toEqual(GUIDE);
    expect(fetchMock).toHaveBeenCalledWith(url('/api/v1/guide'), fetchOptions('GET'));
  });

  it('POSTs a JSON body the contract accepts', async () => {
    const ticket = {
      source: 'pipedrive',
      connectUrl: 'https://api.smart-transfer.example/oauth/pipedrive/start?ticket=t',
      expiresAt: 'soon',
    };
    const { fetchMock } = fakeBackend({ 'POST /api/v1/connect-tickets': [jsonResponse(ticket, 201)] });
    await expect(callApi(createConnectTicket, IDENTITY, { source: 'pipedrive' })).resolves.toEqual(ticket);
    expect(fetchMock).toHaveBeenCalledWith(url('/api/v1/connect-tickets'), {
      method: 'POST',
      timeout: 15000,
      body: { source: 'pipedrive' },
    });
  });

  it('never sends a body the contract rejects', async () => {
    const { fetchMock } = fakeBackend({});
    // Not a source app id at all (which ids exist is the backend's list, checked there).
    const notASource = JSON.parse('{"source":"Hub Spot!"}') as ConnectTicketRequest;
    const error = await failureOf(callApi(createConnectTicket, IDENTITY, notASource));
    expect(error.code).toBe('invalid_request');
    expect(fetchMock).not.toHaveBeenCalled();
  });

  it("turns the backend's error envelope into an error carrying its code, status and message", async () => {
    fakeBackend({
      'GET /api/v1/apps': [
        errorResponse(403, 'portal_uninstalled', 'Smart Transfer was uninstalled from this HubSpot account.'),
      ],
    });
    const error = await failureOf(callApi(listApps, IDENTITY));
    expect({ code: error.code, status: error.status, message: error.message }).toEqual({
      code: 'portal_uninstalled',
      status: 403,
      message: 'Smart Transfer was uninstalled from this HubSpot account.',
    });
  });

  it('rewords signature failures, which mean nothing to a user', async () => {
    fakeBackend({
      'GET /api/v1/apps': [
        errorResponse(401, 'signature_stale', 'This request is too old (signed more than 5 minutes ago).'),
      ],
    });
    const error = await failureOf(callApi(listApps, IDENTITY));
    expect(error.code).toBe('signature_stale');
    expect(error.message).toBe("HubSpot couldn't confirm who is asking. Reload the page and try again.");
  });

  it("explains the backend's status when HubSpot's proxy answers for it (BAD_GATEWAY with appServerStatusCode)", async () => {
    const proxied = jsonResponse(
      {
        status: 'error',
        message: 'Error returned from Request Uri',
        category: 'BAD_GATEWAY',
        context: { appServerStatusCode: ['429'] },
      },
      502,
    );
    fakeBackend({ 'GET /api/v1/apps': [proxied] });
    const error = await failureOf(callApi(listApps, IDENTITY));
    expect({ code: error.code, status: error.status, message: error.message }).toEqual({
      code: 'http_429',
      status: 429,
      message: 'Smart Transfer is busy right now. Wait a few seconds, then try again.',
    });
  });

  it.each([
    [502, 'Something went wrong on the Smart Transfer side. Try again in a moment.'],
    [429, 'Smart Transfer is busy right now. Wait a few seconds, then try again.'],
    [
      401,
      "Smart Transfer couldn't confirm this HubSpot account. Reload the page; if it keeps happening, reinstall the app.",
    ],
    [404, "This part of Smart Transfer isn't available yet."],
  ])('explains a %i whose body is not our envelope (e.g. a proxy error page)', async (status, message) => {
    const notJson = {
      ok: false,
      status,
      json: () => Promise.reject(new SyntaxError('Unexpected token <')),
    } as Response;
    fakeBackend({ 'GET /api/v1/apps': [notJson] });
    const error = await failureOf(callApi(listApps, IDENTITY));
    expect({ code: error.code, message: error.message }).toEqual({ code: `http_${status}`, message });
  });

  it('reports an unreachable backend when hubspot.fetch rejects (timeout, network, not permitted)', async () => {
    fakeBackend({ 'GET /api/v1/apps': [{ fail: new Error('GATEWAY_TIMEOUT') }] });
    const error = await failureOf(callApi(listApps, IDENTITY));
    expect(error.code).toBe('network');
    expect(error.message).toBe("We couldn't reach Smart Transfer. Check your connection, then try again in a moment.");
  });

  it('rejects a success answer that does not match the contract', async () => {
    fakeBackend({ 'GET /api/v1/apps': [jsonResponse({ apps: [{ ...APPS.apps[0], availability: 'maybe' }] })] });
    const error = await failureOf(callApi(listApps, IDENTITY));
    expect(error.code).toBe('invalid_response');
    expect(error.message).toMatch(/^Smart Transfer sent an answer this page can't read\./);
  });
});
