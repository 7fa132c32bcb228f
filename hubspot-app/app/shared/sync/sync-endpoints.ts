import type { Endpoint } from '../api.ts';
import { ApiPaths } from '../contracts/paths.ts';
import type { SourceId } from '../contracts/sources.ts';
import { StartSyncRequest, SyncResponse } from '../contracts/sync.ts';

/** POST /api/v1/sync: starts the sync of a source's records (202, the sync and its job). */
export const startSync: Endpoint<SyncResponse, { source: SourceId }> = {
  method: 'POST',
  path: ApiPaths.sync,
  request: StartSyncRequest,
  response: SyncResponse,
};

/** GET /api/v1/sync?source=…: the latest sync of a source (404 `no_sync` before the first one). */
export const getLatestSync = (source: SourceId): Endpoint<SyncResponse> => ({
  method: 'GET',
  path: `${ApiPaths.sync}?source=${source}`,
  response: SyncResponse,
});

/** GET /api/v1/sync/:id: one sync (polled while it runs). */
export const getSync = (id: string): Endpoint<SyncResponse> => ({
  method: 'GET',
  path: ApiPaths.syncTransfer(id),
  response: SyncResponse,
});

/** POST /api/v1/sync/:id/retry-failed: a new sync run of the records that failed in sync `id` (202). */
export const retryFailedRecords = (id: string): Endpoint<SyncResponse> => ({
  method: 'POST',
  path: ApiPaths.syncRetryFailed(id),
  response: SyncResponse,
});
