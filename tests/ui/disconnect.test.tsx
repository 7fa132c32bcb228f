import { Alert, Button, Flex, LoadingButton, Modal, StatusTag, Text, Tile } from '@hubspot/ui-extensions';
import type { RenderedElementNode } from '@hubspot/ui-extensions/testing';
import { describe, expect, it } from '@jest/globals';
import {
  APPS,
  cleanUpAfterEach,
  CONNECTED,
  errorResponse,
  fakeBackend,
  fetchOptions,
  GUIDE,
  guideWithAudit,
  jsonResponse,
  NO_AUDIT,
  renderHome,
  renderSettings,
  url,
} from './support/index.ts';

cleanUpAfterEach();

const DISCONNECTED = jsonResponse({
  source: 'pipedrive',
  status: 'not_connected',
  accountName: null,
  reason: null,
  connectedAt: null,
});

/** The confirmation the Disconnect button opens (HubSpot opens a button's overlay when it is clicked). */
function confirmationOf(within: Pick<RenderedElementNode, 'find'>) {
  const overlay = within.find(Button, { testId: 'disconnect-pipedrive' }).props.overlay;
  if (overlay === undefined) throw new Error('Disconnect opens no confirmation');
  return overlay.find(Modal);
}

describe('disconnecting Pipedrive', () => {
  it('asks first, says what disconnecting does, and "Keep connected" changes nothing', async () => {
    const { callsTo } = fakeBackend({
      'GET /api/v1/guide': [jsonResponse(guideWithAudit('available'))],
      'GET /api/v1/apps': [CONNECTED],
      'GET /api/v1/audits': [NO_AUDIT],
    });
    const { tab, waitFor, mocks, openSmartTransferTab } = renderSettings();
    await openSmartTransferTab();
    const connect = () => tab('smart-transfer').find(Flex, { testId: 'step-section-connect' });
    await waitFor(() => expect(connect().maybeFind(Button, { testId: 'disconnect-pipedrive' })).not.toBeNull());

    const modal = confirmationOf(connect());
    expect([modal.props.id, modal.props.title, modal.props.variant]).toEqual([
      'disconnect-pipedrive',
      'Disconnect Pipedrive?',
      'danger',
    ]);
    expect(modal.find(Text, { testId: 'disconnect-warning-pipedrive' }).text).toBe(
      'Smart Transfer stops reading your Pipedrive account and forgets its access. Nothing changes in Pipedrive or in HubSpot. To audit or transfer again, connect Pipedrive again.',
    );
    modal.find(Button, { testId: 'disconnect-cancel-pipedrive' }).trigger('onClick');
    expect(mocks.actions.closeOverlay.calls).toEqual([['disconnect-pipedrive']]);
    expect(callsTo('DELETE /api/v1/connections/pipedrive')).toEqual([]);
  });

  it('disconnects on confirmation, closes the confirmation and shows Pipedrive not connected, the audit locked', async () => {
    const { callsTo } = fakeBackend({
      'GET /api/v1/guide': [jsonResponse(guideWithAudit('available')), jsonResponse(GUIDE)],
      'GET /api/v1/apps': [CONNECTED, jsonResponse(APPS)],
      'GET /api/v1/audits': [NO_AUDIT],
      'DELETE /api/v1/connections/pipedrive': [DISCONNECTED],
    });
    const { tab, waitFor, mocks, openSmartTransferTab } = renderSettings();
    await openSmartTransferTab();
    const section = (step: string) => tab('smart-transfer').find(Flex, { testId: `step-section-${step}` });
    await waitFor(() =>
      expect(section('connect').maybeFind(Button, { testId: 'disconnect-pipedrive' })).not.toBeNull(),
    );
    expect(section('audit').maybeFind(Flex, { testId: 'audit-workspace-pipedrive' })).not.toBeNull();

    confirmationOf(section('connect'))
      .find(LoadingButton, { testId: 'disconnect-confirm-pipedrive' })
      .trigger('onClick');
    await waitFor(() =>
      expect(section('connect').find(StatusTag, { testId: 'connection-pipedrive' }).text).toBe('Not connected'),
    );
    expect(callsTo('DELETE /api/v1/connections/pipedrive')).toEqual([
      [url('/api/v1/connections/pipedrive'), fetchOptions('DELETE')],
    ]);
    expect(mocks.actions.closeOverlay.calls).toEqual([['disconnect-pipedrive']]);
    expect(section('connect').find(LoadingButton, { testId: 'connect-pipedrive' }).text).toBe('Connect Pipedrive');
    expect(section('connect').maybeFind(Button, { testId: 'disconnect-pipedrive' })).toBeNull();
    expect(section('audit').maybeFind(Flex, { testId: 'audit-workspace-pipedrive' })).toBeNull();
  });

  it('says why disconnecting failed, inside the confirmation, which stays open', async () => {
    fakeBackend({
      'GET /api/v1/guide': [jsonResponse(guideWithAudit('available'))],
      'GET /api/v1/apps': [CONNECTED],
      'GET /api/v1/audits': [NO_AUDIT],
      'DELETE /api/v1/connections/pipedrive': [
        errorResponse(500, 'internal_error', 'Something went wrong on our side. Try again.'),
      ],
    });
    const { tab, waitFor, mocks, openSmartTransferTab } = renderSettings();
    await openSmartTransferTab();
    const connect = () => tab('smart-transfer').find(Flex, { testId: 'step-section-connect' });
    await waitFor(() => expect(connect().maybeFind(Button, { testId: 'disconnect-pipedrive' })).not.toBeNull());

    confirmationOf(connect()).find(LoadingButton, { testId: 'disconnect-confirm-pipedrive' }).trigger('onClick');
    await waitFor(() =>
      expect(confirmationOf(connect()).maybeFind(Alert, { testId: 'disconnect-error-pipedrive' })).not.toBeNull(),
    );
    const modal = confirmationOf(connect());
    expect(modal.find(Alert, { testId: 'disconnect-error-pipedrive' }).props.title).toBe(
      "We couldn't disconnect Pipedrive",
    );
    expect(modal.find(Text, { testId: 'disconnect-error-message-pipedrive' }).text).toBe(
      'Something went wrong on our side. Try again.',
    );
    expect(mocks.actions.closeOverlay.calls).toEqual([]);
    expect(connect().find(StatusTag, { testId: 'connection-pipedrive' }).text).toBe('Connected');
  });

  it('disconnects from the app home too, after which the app offers Transfer again', async () => {
    const { callsTo } = fakeBackend({
      'GET /api/v1/apps': [CONNECTED, jsonResponse(APPS)],
      'GET /api/v1/audits': [NO_AUDIT],
      'DELETE /api/v1/connections/pipedrive': [DISCONNECTED],
    });
    const { findByTestId, waitFor, mocks } = renderHome();
    const tile = () => findByTestId(Tile, 'source-pipedrive');
    await waitFor(() => expect(tile().maybeFind(Button, { testId: 'disconnect-pipedrive' })).not.toBeNull());

    confirmationOf(tile()).find(LoadingButton, { testId: 'disconnect-confirm-pipedrive' }).trigger('onClick');
    await waitFor(() => expect(tile().find(StatusTag, { testId: 'connection-pipedrive' }).text).toBe('Not connected'));
    expect(callsTo('DELETE /api/v1/connections/pipedrive')).toHaveLength(1);
    expect(mocks.actions.closeOverlay.calls).toEqual([['disconnect-pipedrive']]);
    expect(tile().find(LoadingButton, { testId: 'connect-pipedrive' }).text).toBe('Transfer');
    expect(tile().maybeFind(Button, { testId: 'disconnect-pipedrive' })).toBeNull();
  });
});
