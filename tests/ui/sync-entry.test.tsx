import {
  Button,
  Flex,
  Heading,
  LoadingButton,
  StatisticsItem,
  StatusTag,
  StepIndicator,
  Table,
  Tabs,
  Tile,
} from '@hubspot/ui-extensions';
import { PageBreadcrumbs } from '@hubspot/ui-extensions/pages';
import { describe, expect, it } from '@jest/globals';
import type { GuideResponse, GuideStep } from '../../hubspot-app/app/shared/contracts/index.ts';
import {
  afterSetup,
  BEFORE_SETUP,
  cleanUpAfterEach,
  CONNECTED,
  fakeBackend,
  guideWithAudit,
  jsonResponse,
  renderHome,
  renderSettings,
  STEPS_LOCKED,
  SYNC_1,
  SYNC_ERRORS,
  syncRun,
} from './support/index.ts';

cleanUpAfterEach();

/** The guide after a complete setup, with Sync records as the backend words it in `sync`'s state. */
const guideWithSync = (sync: Partial<GuideStep>): GuideResponse => {
  const { portalId, steps } = guideWithAudit('complete');
  return {
    portalId,
    steps: [
      ...steps.map((step) =>
        step.id === 'configure' ? { ...step, state: 'complete' as const, reason: undefined } : step,
      ),
      { id: 'sync', title: 'Sync records', description: 'About sync.', state: 'locked', ...sync },
    ],
  };
};

const settingsBackend = (guide: GuideResponse) =>
  fakeBackend({
    ...afterSetup(guide),
    'GET /api/v1/sync': [jsonResponse(syncRun('PAUSED'))],
    [`GET /api/v1/transfers/${SYNC_1}/errors`]: [jsonResponse(SYNC_ERRORS)],
  });

describe('Sync records from both entry points', () => {
  it("the User guide's step shows the sync's state and its button, which opens the sync in the Smart Transfer tab", async () => {
    const page = Object.assign(
      settingsBackend(
        guideWithSync({
          state: 'needs_attention',
          reason: 'The sync is paused. Resume it to finish.',
          actionLabel: 'Review the sync',
        }),
      ),
      renderSettings(),
    );
    await page.waitFor(() => expect(page.maybeFind(Tabs)).not.toBeNull());
    const open = page.tab('user-guide').find(Button, { testId: 'open-step-sync' });
    expect(open.text).toBe('Review the sync');
    open.trigger('onClick');

    await page.waitFor(() => expect(page.find(Tabs).props.selected).toBe('smart-transfer'));
    const section = () => page.tab('smart-transfer').find(Flex, { testId: 'step-section-sync' });
    await page.waitFor(() => expect(section().maybeFind(Table, { testId: 'sync-tasks' })).not.toBeNull());
    expect(section().find(StatusTag, { testId: 'sync-status' }).text).toBe('Paused');
    expect(section().find(StatisticsItem, { label: 'Failed' }).props.number).toBe('21');
    expect(section().maybeFind(LoadingButton, { testId: 'sync-resume' })).not.toBeNull();
  });

  it('shows no sync while the step is locked', async () => {
    const page = Object.assign(fakeBackend(STEPS_LOCKED), renderSettings());
    await page.openSmartTransferTab();
    expect(page.tab('smart-transfer').maybeFind(Flex, { testId: 'sync-step' })).toBeNull();
    expect(page.tab('user-guide').maybeFind(Button, { testId: 'open-step-sync' })).toBeNull();
  });

  it('the app home continues from Prepare HubSpot to the sync, and back', async () => {
    const { callsTo } = fakeBackend({
      'GET /api/v1/apps': [CONNECTED],
      ...BEFORE_SETUP,
      'GET /api/v1/sync': [jsonResponse(syncRun('PAUSED'))],
      [`GET /api/v1/transfers/${SYNC_1}/errors`]: [jsonResponse(SYNC_ERRORS)],
    });
    const { find, findByTestId, maybeFind, waitFor, follow, path } = renderHome();
    await waitFor(() => expect(findByTestId(Tile, 'source-pipedrive').maybeFind(StatisticsItem)).not.toBeNull());
    findByTestId(Tile, 'source-pipedrive').find(Button, { testId: 'audit-open-results' }).trigger('onClick');
    await waitFor(() => expect(maybeFind(Button, { testId: 'open-setup' })).not.toBeNull());
    find(Button, { testId: 'open-setup' }).trigger('onClick');
    await waitFor(() => expect(maybeFind(StepIndicator)).not.toBeNull());
    expect(callsTo('GET /api/v1/sync')).toHaveLength(0);

    find(Button, { testId: 'open-sync' }).trigger('onClick');
    await waitFor(() => expect(maybeFind(Table, { testId: 'sync-tasks' })).not.toBeNull());
    expect(path()).toBe('/sources/pipedrive/sync');
    expect(find(Heading).text).toBe('Sync your Pipedrive records');
    expect(maybeFind(StepIndicator)).toBeNull();

    follow(find(PageBreadcrumbs.PageLink, { testId: 'back-to-setup' }));
    await waitFor(() => expect(maybeFind(StepIndicator)).not.toBeNull());
    expect(path()).toBe('/sources/pipedrive/setup');
    expect(maybeFind(Table, { testId: 'sync-tasks' })).toBeNull();
  });
});
