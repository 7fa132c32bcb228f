import { Flex, Heading, Text } from '@hubspot/ui-extensions';
import type { GuideStep } from '../../shared/contracts/guide.ts';
import { StepStateTag } from './StepStateTag.tsx';

const LOCKED_FALLBACK = 'Available after the earlier steps are done.';

/** Why a step cannot be done now, in the guide's words; nothing when it can. */
export function blockedReason(step: GuideStep): string | undefined {
  if (step.state === 'locked') return step.reason ?? LOCKED_FALLBACK;
  if (step.state === 'needs_attention') return step.reason;
  return undefined;
}

interface StepSummaryProps {
  step: GuideStep;
  title: string;
  /** Show the title as a section heading rather than as a checklist line. */
  asHeading?: boolean;
}

/** A step's title, state, description and, when it is blocked, why. */
export function StepSummary({ step, title, asHeading = false }: StepSummaryProps) {
  const reason = blockedReason(step);
  return (
    <Flex direction="column" gap="xs">
      <Flex direction="row" align="center" gap="sm">
        {asHeading ? <Heading inline>{title}</Heading> : <Text format={{ fontWeight: 'bold' }}>{title}</Text>}
        <StepStateTag state={step.state} testId={`step-state-${step.id}`} />
      </Flex>
      <Text>{step.description}</Text>
      {reason !== undefined && (
        <Text testId={`step-reason-${step.id}`} variant="microcopy" format={{ italic: true }}>
          {reason}
        </Text>
      )}
    </Flex>
  );
}
