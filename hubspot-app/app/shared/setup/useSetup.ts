import type { BaseContext } from '@hubspot/ui-extensions';
import { useMemo } from 'react';
import type { SetupResponse } from '../contracts/setup.ts';
import type { SourceId } from '../contracts/sources.ts';
import { type JobController, type JobEndpoints, useJob } from '../useJob.ts';
import { getLatestSetup, getSetupTransfer, startSetup } from './setup-endpoints.ts';

export type SetupController = JobController<SetupResponse>;

/** The latest setup transfer of a source and what the user can do with it (the generic job hook). */
export function useSetup(source: SourceId, context: BaseContext, onChanged?: () => void): SetupController {
  const endpoints = useMemo<JobEndpoints<SetupResponse, { source: SourceId }>>(
    () => ({
      latest: getLatestSetup(source),
      noneCode: 'no_setup',
      start: startSetup,
      startBody: { source },
      one: getSetupTransfer,
    }),
    [source],
  );
  return useJob(endpoints, context, onChanged);
}
