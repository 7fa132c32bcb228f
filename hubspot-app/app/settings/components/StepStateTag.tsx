import { MappedStatusTag, type StatusTagStyle } from '../../shared/components/MappedStatusTag.tsx';
import type { GuideStepState } from '../../shared/contracts/guide.ts';

const STYLES: Record<GuideStepState, StatusTagStyle> = {
  complete: { label: 'Done', variant: 'success' },
  available: { label: 'Ready to start', variant: 'info' },
  in_progress: { label: 'In progress', variant: 'info', hollow: true },
  needs_attention: { label: 'Needs attention', variant: 'danger' },
  locked: { label: 'Locked', variant: 'default', hollow: true },
};

/** The state of one step of the transfer. */
export function StepStateTag({ state, testId }: { state: GuideStepState; testId?: string }) {
  return <MappedStatusTag styles={STYLES} value={state} testId={testId} />;
}
