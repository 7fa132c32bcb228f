import type { ConnectionStatus, GuideStep, GuideStepId, JobStatus } from '../../../shared/src/contracts/index.js';

/** What the guide needs to know about a portal's progress; later phases add their facts here. */
export interface GuideProgress {
  installed: boolean;
  connection: ConnectionStatus;
  /** The latest audit's job status, or null when none was run. */
  audit: JobStatus | null;
  /** The latest setup transfer's job status, or null when none was run. */
  setup: JobStatus | null;
  /** The latest sync's job status, or null when none was started. */
  sync: JobStatus | null;
  /** The app (its name) the latest sync is paused for until the user reconnects it; null when none. */
  syncReconnect?: string | null;
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
    actionLabel: 'Prepare HubSpot',
    lockedReason: 'Finish an audit first.',
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

/** A step run by one job: its state follows the job's (what), and it is available before the first one. */
function jobStepState(status: JobStatus | null, what: string): Pick<GuideStep, 'state' | 'reason'> {
  switch (status) {
    case null:
    case 'CANCELED':
      return { state: 'available' };
    case 'COMPLETE':
      return { state: 'complete' };
    case 'FAILED':
      return { state: 'needs_attention', reason: `The last ${what} failed. Run it again.` };
    case 'PAUSED':
      return { state: 'needs_attention', reason: `The ${what} is paused. Resume it to finish.` };
    default:
      return { state: 'in_progress' };
  }
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
        return progress.connection === 'connected' ? jobStepState(progress.audit, 'audit') : locked;
      case 'configure':
        return progress.connection === 'connected' && progress.audit === 'COMPLETE'
          ? jobStepState(progress.setup, 'setup')
          : locked;
      case 'sync':
        if (progress.syncReconnect)
          return {
            state: 'needs_attention',
            reason: `The sync is paused: reconnect ${progress.syncReconnect}, and it continues where it stopped.`,
          };
        return progress.connection === 'connected' && progress.audit === 'COMPLETE' && progress.setup === 'COMPLETE'
          ? jobStepState(progress.sync, 'sync')
          : locked;
      default:
        return locked;
    }
  };
  return steps(source).map((step) => {
    const { lockedReason: _lockedReason, ...text } = step;
    return { ...text, ...stateOf(step) };
  });
}
