import { MappedStatusTag, type StatusTagStyle } from '../components/MappedStatusTag.tsx';
import type { ConnectionStatus } from '../contracts/sources.ts';

const STYLES: Record<ConnectionStatus, StatusTagStyle> = {
  not_connected: { label: 'Not connected', variant: 'default' },
  connected: { label: 'Connected', variant: 'success' },
  reconnect_needed: { label: 'Reconnect needed', variant: 'warning' },
};

/** Whether this portal has a working connection to a source app. */
export function ConnectionStatusTag({ status, testId }: { status: ConnectionStatus; testId?: string }) {
  return <MappedStatusTag styles={STYLES} value={status} testId={testId} />;
}
