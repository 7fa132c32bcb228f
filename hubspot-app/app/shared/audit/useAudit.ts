import type { BaseContext } from '@hubspot/ui-extensions';
import { useMemo } from 'react';
import type { AuditResponse } from '../contracts/audit.ts';
import type { SourceId } from '../contracts/sources.ts';
import { getAudit, getLatestAudit, startAudit } from '../endpoints.ts';
import {
  JOB_POLL_INTERVAL_MS,
  JOB_POLL_MAX_FAILURES,
  type JobCommand,
  type JobController,
  type JobEndpoints,
  type JobProblem,
  useJob,
} from '../useJob.ts';

export { isRunning, isUnfinished } from '../useJob.ts';

/** How often the page checks on a running audit. */
export const AUDIT_POLL_INTERVAL_MS = JOB_POLL_INTERVAL_MS;
/** Failed checks in a row after which the page stops checking and offers "Check again". */
export const AUDIT_POLL_MAX_FAILURES = JOB_POLL_MAX_FAILURES;

/** What the user asked for: start an audit, or pause / resume / cancel the running one. */
export type AuditCommand = JobCommand;

/** What went wrong with the user's last command, or with checking on the running audit. */
export type AuditProblem = JobProblem;

export interface AuditController extends JobController<AuditResponse> {
  source: SourceId;
}

/**
 * The latest audit of a source and what the user can do with it (the generic job hook, on the audit
 * endpoints). `onChanged` is called when the audit or its status changes, or when the backend says the
 * connection is gone, so the page can refresh what depends on it (the User guide, the connection).
 */
export function useAudit(source: SourceId, context: BaseContext, onChanged?: () => void): AuditController {
  const endpoints = useMemo<JobEndpoints<AuditResponse, { source: SourceId }>>(
    () => ({
      latest: getLatestAudit(source),
      noneCode: 'no_audit',
      start: startAudit,
      startBody: { source },
      one: getAudit,
    }),
    [source],
  );
  return { source, ...useJob(endpoints, context, onChanged) };
}
