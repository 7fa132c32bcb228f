import { Flex } from '@hubspot/ui-extensions';
import type { ReactNode } from 'react';
import { Loadable } from '../components/Loadable.tsx';
import type { AuditResponse, AuditResult } from '../contracts/audit.ts';
import { AuditComplete } from './AuditComplete.tsx';
import { AuditEmpty } from './AuditEmpty.tsx';
import { AuditOutcome } from './AuditOutcome.tsx';
import { AuditProblemAlert } from './AuditProblemAlert.tsx';
import { AuditProgress } from './AuditProgress.tsx';
import { type AuditController, isUnfinished } from './useAudit.ts';

interface AuditStatusProps {
  audit: AuditController;
  sourceName: string;
  timeZone: string;
  /** Buttons shown next to "Run a new audit" once an audit is complete; they get the complete audit. */
  completeActions?: (response: AuditResponse, result: AuditResult) => ReactNode;
}

/**
 * The latest audit in short, wherever it is shown (settings, User guide, app home): none yet, running
 * with its progress, ended without results, or complete with its headline numbers.
 */
export function AuditStatus({ audit, sourceName, timeZone, completeActions }: AuditStatusProps) {
  return (
    <Flex direction="column" gap="sm">
      {audit.problem !== null && <AuditProblemAlert problem={audit.problem} onCheckAgain={audit.reload} />}
      <Loadable
        state={audit.state}
        loadingLabel="Loading your audit"
        errorTitle="We couldn't load your audit"
        onRetry={audit.reload}
      >
        {(response) => {
          if (response === null) return <AuditEmpty audit={audit} sourceName={sourceName} />;
          const { job, result } = response;
          if (isUnfinished(job.status)) return <AuditProgress audit={audit} job={job} />;
          if (job.status !== 'COMPLETE' || result === null) return <AuditOutcome audit={audit} job={job} />;
          return (
            <AuditComplete
              audit={audit}
              response={response}
              result={result}
              sourceName={sourceName}
              timeZone={timeZone}
              actions={completeActions?.(response, result)}
            />
          );
        }}
      </Loadable>
    </Flex>
  );
}
