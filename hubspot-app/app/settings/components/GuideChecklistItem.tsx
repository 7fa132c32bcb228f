import { Flex } from '@hubspot/ui-extensions';
import type { GuideStep } from '../../shared/contracts/guide.ts';
import { StepAction, type StepActionsProps } from './StepAction.tsx';
import { StepSummary } from './StepSummary.tsx';

/** One line of the User guide checklist: the step, then what the user can do about it. */
export function GuideChecklistItem({
  step,
  position,
  ...actions
}: StepActionsProps & { step: GuideStep; position: number }) {
  return (
    <Flex testId={`guide-step-${step.id}`} direction="column" gap="sm">
      <StepSummary step={step} title={`${position}. ${step.title}`} />
      <StepAction step={step} {...actions} />
    </Flex>
  );
}
