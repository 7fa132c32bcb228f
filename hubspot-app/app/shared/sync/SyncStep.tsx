import { type BaseContext, Flex } from '@hubspot/ui-extensions';
import { useMemo } from 'react';
import { JobProblemAlert } from '../components/JobProblemAlert.tsx';
import { Loadable } from '../components/Loadable.tsx';
import type { SourceId } from '../contracts/sources.ts';
import { getSettings } from '../setup/setup-endpoints.ts';
import { bothLoaded, useApiQuery } from '../useApi.ts';
import { StartSync } from './StartSync.tsx';
import { SyncRun } from './SyncRun.tsx';
import { useSync } from './useSync.ts';

interface SyncStepProps {
  source: SourceId;
  context: BaseContext;
  /** Called when the sync or its status changes (e.g. to refresh the User guide). */
  onChanged?: () => void;
}

/**
 * "Sync records": before the first sync, how it starts (by itself, or "Start sync" once the user confirmed
 * mappings and filters when automatic sync is off); then the latest sync as it runs and after.
 */
export function SyncStep({ source, context, onChanged }: SyncStepProps) {
  const sync = useSync(source, context, onChanged);
  const settings = useApiQuery(
    useMemo(() => getSettings(source), [source]),
    context,
  );
  const reloadAll = () => {
    settings.reload();
    sync.reload();
  };
  return (
    <Flex direction="column" gap="md" testId="sync-step">
      <JobProblemAlert problem={sync.problem} what="the sync" testIdPrefix="sync" onCheckAgain={sync.reload} />
      <Loadable
        state={bothLoaded(sync.state, settings.state)}
        loadingLabel="Loading your sync"
        errorTitle="We couldn't load your sync"
        onRetry={reloadAll}
      >
        {([run, current]) =>
          run === null ? (
            <StartSync
              automaticSync={current.settings.automaticSync}
              starting={sync.pending === 'start'}
              onStart={sync.start}
            />
          ) : (
            <SyncRun sync={sync} run={run} context={context} />
          )
        }
      </Loadable>
    </Flex>
  );
}
