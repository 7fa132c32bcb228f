import { Button, Flex, StatisticsItem, StepIndicator, Tabs } from '@hubspot/ui-extensions';
import { describe, expect, it } from '@jest/globals';
import type { GuideResponse, GuideStepState } from '../../hubspot-app/app/shared/contracts/index.ts';
import {
  afterSetup,
  cleanUpAfterEach,
  fakeBackend,
  guideWithAudit,
  renderSettings,
  STEPS_LOCKED,
} from './support/index.ts';

cleanUpAfterEach();

/** The guide after a complete audit, with Prepare HubSpot in the given state. */
const guideWithSetup = (state: GuideStepState): GuideResponse => {
  const { portalId, steps } = guideWithAudit('complete');
  return {
    portalId,
    steps: steps.map((step) =>
      step.id === 'configure' ? { ...step, state, actionLabel: 'Prepare HubSpot', reason: undefined } : step,
    ),
  };
};

describe('Prepare HubSpot from the settings page', () => {
  it('the User guide step opens the wizard in the Smart Transfer tab, on the latest setup and its tiles', async () => {
    const page = Object.assign(fakeBackend(afterSetup(guideWithSetup('complete'))), renderSettings());
    await page.waitFor(() => expect(page.maybeFind(Tabs)).not.toBeNull());
    expect(page.stateOf('configure')).toBe('Done');
    const open = page.tab('user-guide').find(Button, { testId: 'open-step-configure' });
    expect(open.text).toBe('Prepare HubSpot');
    open.trigger('onClick');

    await page.waitFor(() => expect(page.find(Tabs).props.selected).toBe('smart-transfer'));
    const section = () => page.tab('smart-transfer').find(Flex, { testId: 'step-section-configure' });
    await page.waitFor(() => expect(section().maybeFind(StepIndicator)).not.toBeNull());
    expect(section().find(StepIndicator).props.currentStep).toBe(3);
    expect(section().find(StatisticsItem, { label: 'Created' }).props.number).toBe('12');
  });

  it('shows no wizard while the step is locked', async () => {
    const page = Object.assign(fakeBackend(STEPS_LOCKED), renderSettings());
    await page.openSmartTransferTab();
    const section = page.tab('smart-transfer').find(Flex, { testId: 'step-section-configure' });
    expect(section.maybeFind(StepIndicator)).toBeNull();
    expect(page.tab('user-guide').maybeFind(Button, { testId: 'open-step-configure' })).toBeNull();
  });
});
