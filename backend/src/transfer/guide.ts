import type { ConnectionStatus, GuideStep, GuideStepId, JobStatus } from '../../../shared/src/contracts/index.js';

/** What the guide needs to know about a portal's progress; later phases add their facts here. */
export interface GuideProgress {
  installed: boolean;
  connection: ConnectionStatus;
  /** The latest audit's job status, or null when none was run. */
  audit: JobStatus | null;
  /** The latest sync's job status (absent or null: none was started). */
  sync?: JobStatus | null;
}

interface StepText {
  id: GuideStepId;
  title: string;
  description: string;
  actionLabel?: string;
  /** Shown while the step is locked: what to do first. */
  lockedReason: string;
}

/** The checklist's steps, in words naming the source app the portal transfers from. */
const steps = (source: string): readonly StepText[] => [
  {
    id: 'install',
    title: 'Install Smart Transfer',
    description: 'The app is installed in this HubSpot account.',
    lockedReason: 'Install the app from the HubSpot Marketplace.',
  },
  {
    id: 'connect',
    title: `Connect ${source}`,
    description: `Give Smart Transfer read access to your ${source} account.`,
    actionLabel: `Connect ${source}`,
    lockedReason: 'Install the app first.',
  },
  {
    id: 'audit',
    title: 'Audit your data',
    description: 'See every object, field, pipeline and user, and what each becomes in HubSpot.',
    actionLabel: 'Audit my data',
    lockedReason: `Connect ${source} first.`,
  },
  {
    id: 'configure',
    title: 'Prepare HubSpot',
    description: 'Choose what to transfer; create properties, pipelines, users, currencies and workflows.',
    actionLabel: 'Configure',
    lockedReason: 'Run an audit first.',
  },
  {
    id: 'sync',
    title: 'Sync records',
    description: 'Move records into HubSpot and keep them in sync until you switch over.',
    actionLabel: 'Sync records',
    lockedReason: 'Prepare HubSpot first.',
  },
  {
    id: 'onetime',
    title: 'Transfer the rest once',
    description: 'Attachments, deal participants, line items, relationships and lists.',
    actionLabel: 'Transfer',
    lockedReason: 'Sync your records first.',
  },
  {
    id: 'markup',
    title: 'Mark empty properties',
    description: 'Flag transferred properties that hold no data for deletion.',
    actionLabel: 'Mark properties',
    lockedReason: 'Transfer your data first.',
  },
  {
    id: 'cleanup',
    title: 'Clean up',
    description: "Delete the transfer's workflows and archive the marked properties.",
    actionLabel: 'Clean up',
    lockedReason: 'Mark empty properties first.',
  },
];

function auditState(status: JobStatus | null): Pick<GuideStep, 'state' | 'reason'> {
  switch (status) {
    case null:
    case 'CANCELED':
      return { state: 'available' };
    case 'COMPLETE':
      return { state: 'complete' };
    case 'FAILED':
      return { state: 'needs_attention', reason: 'The last audit failed. Run it again.' };
    case 'PAUSED':
      return { state: 'needs_attention', reason: 'The audit is paused. Resume it to finish.' };
    default:
      return { state: 'in_progress' };
  }
}

/** The sync step once a sync was started (it can only start after setup completed). */
function syncState(status: JobStatus): Pick<GuideStep, 'state' | 'reason'> {
  if (status === 'FAILED')
    return { state: 'needs_attention', reason: 'The last sync failed. See its errors, then start it again.' };
  if (status === 'PAUSED') return { state: 'needs_attention', reason: 'The sync is paused. Resume it to finish.' };
  return status === 'COMPLETE'
    ? { state: 'complete' }
    : status === 'CANCELED'
      ? { state: 'available' }
      : { state: 'in_progress' };
}

/** The User guide checklist for transfers from `source` (its name): each step's state follows from the steps before it. */
export function buildGuide(progress: GuideProgress, source: string): GuideStep[] {
  const stateOf = (step: StepText): Pick<GuideStep, 'state' | 'reason'> => {
    const locked = { state: 'locked' as const, reason: step.lockedReason };
    switch (step.id) {
      case 'install':
        return progress.installed ? { state: 'complete' } : { state: 'needs_attention', reason: step.lockedReason };
      case 'connect':
        if (progress.connection === 'connected') return { state: 'complete' };
        if (progress.connection === 'reconnect_needed') {
          return { state: 'needs_attention', reason: `${source} no longer accepts our access. Reconnect to continue.` };
        }
        return { state: 'available' };
      case 'audit':
        return progress.connection === 'connected' ? auditState(progress.audit) : locked;
      case 'configure':
        // Setup is not built yet: say so instead of offering a button that does nothing.
        return progress.audit === 'COMPLETE'
          ? { state: 'locked', reason: 'Preparing HubSpot is not available yet in this version.' }
          : locked;
      case 'sync':
        return progress.sync ? syncState(progress.sync) : locked;
      default:
        return locked;
    }
  };
  return steps(source).map((step) => {
    const { lockedReason: _lockedReason, ...text } = step;
    return { ...text, ...stateOf(step) };
  });
}
