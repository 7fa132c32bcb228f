import { StatusTag } from '@hubspot/ui-extensions';
import type { ConnectionStatus } from '../contracts/sources.ts';

const TAGS: Record<ConnectionStatus, { label: string; variant: 'default' | 'success' | 'warning' }> = {
  not_connected: { label: 'Not connected', variant: 'default' },
  connected: { label: 'Connected', variant: 'success' },
  reconnect_needed: { label: 'Reconnect needed', variant: 'warning' },
};

/** Whether this portal has a working connection to a source app. */
export function ConnectionStatusTag({ status, testId }: { status: ConnectionStatus; testId?: string }) {
  const tag = TAGS[status];
  return (
    <StatusTag variant={tag.variant} testId={testId}>
      {tag.label}
    </StatusTag>
  );
}
