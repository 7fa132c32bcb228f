import { Divider, Flex, Text } from '@hubspot/ui-extensions';
import type { GuideStep } from '../../shared/contracts/guide.ts';
import { GuideChecklistItem } from './GuideChecklistItem.tsx';
import type { StepActionsProps } from './StepAction.tsx';

/** The "User guide" tab: the transfer as a checklist, one step after the other. */
export function UserGuideTab({ steps, ...actions }: StepActionsProps & { steps: GuideStep[] }) {
  const done = steps.filter((step) => step.state === 'complete').length;
  return (
    <Flex direction="column" gap="md">
      <Text testId="guide-progress">
        {done} of {steps.length} steps done. Work through them in order; each one unlocks the next.
      </Text>
      {steps.map((step, index) => (
        <Flex key={step.id} direction="column" gap="md">
          {index > 0 && <Divider />}
          <GuideChecklistItem step={step} position={index + 1} {...actions} />
        </Flex>
      ))}
    </Flex>
  );
}
