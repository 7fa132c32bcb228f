import { type BaseContext, Button } from '@hubspot/ui-extensions';
import { AuditSummary } from '../../shared/audit/AuditSummary.tsx';
import type { GuideStep, GuideStepId } from '../../shared/contracts/guide.ts';
import type { SourceApp } from '../../shared/contracts/sources.ts';
import { connectedSource } from '../../shared/sources.ts';
import { SourceConnections } from './SourceConnections.tsx';

export interface StepActionsProps {
  sources: SourceApp[];
  context: BaseContext;
  onOpenStep: (stepId: GuideStepId) => void;
  onConnected: () => void;
  /** Something a step did changed the transfer (e.g. an audit ran): refresh the guide. */
  onChanged: () => void;
}

/** Steps whose page stays worth opening while they run and once done (e.g. Prepare HubSpot's progress and errors). */
const REVISITABLE: readonly GuideStepId[] = ['configure'];

const canAct = (step: GuideStep): boolean =>
  step.state === 'available' ||
  step.state === 'needs_attention' ||
  (step.state !== 'locked' && REVISITABLE.includes(step.id));

/** What the user can do about a step from the checklist: connect or audit right here, or open the step. */
export function StepAction({
  step,
  sources,
  context,
  onOpenStep,
  onConnected,
  onChanged,
}: StepActionsProps & { step: GuideStep }) {
  if (step.id === 'audit') {
    const source = step.state === 'locked' ? undefined : connectedSource(sources);
    if (source === undefined) return null;
    return (
      <AuditSummary source={source} context={context} onOpenResults={() => onOpenStep('audit')} onChanged={onChanged} />
    );
  }
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
