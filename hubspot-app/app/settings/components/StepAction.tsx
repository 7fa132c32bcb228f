import { Button, type BaseContext } from '@hubspot/ui-extensions';
import type { GuideStep, GuideStepId } from '../../shared/contracts/guide.ts';
import type { SourceApp } from '../../shared/contracts/sources.ts';
import { SourceConnections } from './SourceConnections.tsx';

export interface StepActionsProps {
  sources: SourceApp[];
  context: BaseContext;
  onOpenStep: (stepId: GuideStepId) => void;
  onConnected: () => void;
}

const canAct = (step: GuideStep): boolean => step.state === 'available' || step.state === 'needs_attention';

/** What the user can do about a step from the checklist: connect right here, or open the step. */
export function StepAction({ step, sources, context, onOpenStep, onConnected }: StepActionsProps & { step: GuideStep }) {
  if (!canAct(step)) return null;
  if (step.id === 'connect') {
    return <SourceConnections sources={sources} context={context} onConnected={onConnected} />;
  }
  if (step.actionLabel === undefined) return null;
  return (
    <Button testId={`open-step-${step.id}`} onClick={() => onOpenStep(step.id)}>
      {step.actionLabel}
    </Button>
  );
}
