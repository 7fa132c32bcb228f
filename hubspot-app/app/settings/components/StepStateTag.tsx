import { StatusTag } from '@hubspot/ui-extensions';
import type { GuideStepState } from '../../shared/contracts/guide.ts';

const TAGS: Record<GuideStepState, { label: string; variant: 'default' | 'info' | 'success' | 'danger'; hollow?: boolean }> = {
  complete: { label: 'Done', variant: 'success' },
  available: { label: 'Ready to start', variant: 'info' },
  in_progress: { label: 'In progress', variant: 'info', hollow: true },
  needs_attention: { label: 'Needs attention', variant: 'danger' },
  locked: { label: 'Locked', variant: 'default', hollow: true },
};

/** The state of one step of the transfer. */
export function StepStateTag({ state, testId }: { state: GuideStepState; testId?: string }) {
  const tag = TAGS[state];
  return (
    <StatusTag variant={tag.variant} hollow={tag.hollow ?? false} testId={testId}>
      {tag.label}
    </StatusTag>
  );
}
