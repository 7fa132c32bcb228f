import { Flex, Text } from '@hubspot/ui-extensions';
import type { ReactNode } from 'react';
import { JobStatusTag } from '../components/JobStatusTag.tsx';
import type { AuditResponse, AuditResult } from '../contracts/audit.ts';
import { formatDay } from '../format.ts';
import { AuditHeadline } from './AuditHeadline.tsx';
import { StartAuditButton } from './StartAuditButton.tsx';
import type { AuditController } from './useAudit.ts';

interface AuditCompleteProps {
  audit: AuditController;
  response: AuditResponse;
  result: AuditResult;
  sourceName: string;
  timeZone: string;
  /** More buttons next to "Run a new audit" (e.g. Export results, See the full results). */
  actions?: ReactNode;
}

/** A finished audit in short: when it ran, its headline numbers, and "Run a new audit". */
export function AuditComplete({ audit, response, result, sourceName, timeZone, actions }: AuditCompleteProps) {
  const { job } = response;
  return (
    <Flex direction="column" gap="sm" testId="audit-complete">
      <Flex direction="row" gap="sm" align="center">
        <Text testId="audit-date" format={{ fontWeight: 'demibold' }}>
          {`${sourceName} audited on ${formatDay(job.finishedAt ?? job.createdAt, timeZone)}`}
        </Text>
        <JobStatusTag status={job.status} testId="audit-status" />
      </Flex>
      <AuditHeadline result={result} sourceName={sourceName} />
      <Flex direction="row" gap="sm" align="center" wrap>
        <StartAuditButton audit={audit} label="Run a new audit" variant="secondary" />
        {actions}
      </Flex>
    </Flex>
  );
}
