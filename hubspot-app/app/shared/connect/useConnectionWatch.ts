import type { BaseContext } from '@hubspot/ui-extensions';
import { useRef } from 'react';
import { callApi, identityOf } from '../api.ts';
import type { SourceId } from '../contracts/sources.ts';
import { getConnection } from '../endpoints.ts';
import { usePolling } from '../usePolling.ts';

/** How often the page asks whether the user has approved access yet, and for how long at most. */
export const CONNECTION_POLL_INTERVAL_MS = 3_000;
export const CONNECTION_POLL_LIMIT = 200; // 10 minutes

/**
 * While the user approves access in the source app's tab, asks the backend every few seconds whether
 * the connection exists and calls `onConnected` once it does. Stops on unmount, after the limit, or at
 * the first failed call (the user can still check by hand).
 */
export function useConnectionWatch(source: SourceId, context: BaseContext, onConnected: () => void): void {
  const { portalId, userId } = identityOf(context);
  const onConnectedRef = useRef(onConnected);
  onConnectedRef.current = onConnected;
  usePolling(
    `${source}:${portalId}:${userId}`,
    CONNECTION_POLL_INTERVAL_MS,
    (alive) =>
      callApi(getConnection(source), { portalId, userId }).then(
        (connection) => {
          if (!alive()) return false;
          if (connection.status !== 'connected') return true;
          onConnectedRef.current();
          return false;
        },
        () => false,
      ),
    CONNECTION_POLL_LIMIT,
  );
}
