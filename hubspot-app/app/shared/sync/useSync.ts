import type { BaseContext } from '@hubspot/ui-extensions';
import { useMemo } from 'react';
import type { SourceId } from '../contracts/sources.ts';
import type { SyncResponse } from '../contracts/sync.ts';
import { type JobController, type JobEndpoints, useJob } from '../useJob.ts';
import { getLatestSync, getSync, startSync } from './sync-endpoints.ts';

export type SyncController = JobController<SyncResponse>;

/** The latest sync of a source and what the user can do with it (the generic job hook). */
export function useSync(source: SourceId, context: BaseContext, onChanged?: () => void): SyncController {
  const endpoints = useMemo<JobEndpoints<SyncResponse, { source: SourceId }>>(
    () => ({
      latest: getLatestSync(source),
      noneCode: 'no_sync',
      start: startSync,
      startBody: { source },
      one: getSync,
    }),
    [source],
  );
  return useJob(endpoints, context, onChanged);
}
