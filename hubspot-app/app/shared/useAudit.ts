import type { BaseContext } from '@hubspot/ui-extensions';
import { useCallback, useEffect, useRef, useState } from 'react';
import { callApi, identityOf } from './api.ts';
import { type ApiError, toApiError } from './api-error.ts';
import type { AuditResponse } from './contracts/audit.ts';
import type { JobAction, JobStatus } from './contracts/jobs.ts';
import type { SourceId } from './contracts/sources.ts';
import { controlJob, getAudit, getLatestAudit, startAudit } from './endpoints.ts';
import type { LoadState } from './useApi.ts';
import { usePolling } from './usePolling.ts';

/** How often the page checks on a running audit. */
export const AUDIT_POLL_INTERVAL_MS = 2_000;
/** Failed checks in a row after which the page stops checking and offers "Check again". */
export const AUDIT_POLL_MAX_FAILURES = 3;

const RUNNING: readonly JobStatus[] = ['PENDING', 'PROCESSING', 'RETRYING'];
/** The job is queued, working or waiting to retry: it moves on by itself, so the page keeps checking. */
export const isRunning = (status: JobStatus): boolean => RUNNING.includes(status);
/** The job has not ended yet: it can still be paused, resumed or canceled. */
export const isUnfinished = (status: JobStatus): boolean => isRunning(status) || status === 'PAUSED';

/** What the user asked for: start an audit, or pause / resume / cancel the running one. */
export type AuditCommand = 'start' | JobAction;

/** What went wrong with the user's last command, or with checking on the running audit. */
export interface AuditProblem {
  during: AuditCommand | 'check';
  error: ApiError;
  /** For checks: the page gave up checking by itself (the user can check again). */
  stopped: boolean;
}

export interface AuditController {
  source: SourceId;
  /** The latest audit of the source; null before the first one. */
  state: LoadState<AuditResponse | null>;
  /** The command waiting for the backend's answer. */
  pending: AuditCommand | null;
  problem: AuditProblem | null;
  start: () => void;
  control: (action: JobAction) => void;
  /** Loads the latest audit again (and checks on it again if it runs). */
  reload: () => void;
}

/** Problems that mean the source must be connected again: the page's idea of the connection is stale. */
const CONNECTION_PROBLEMS = new Set(['not_connected', 'reconnect_needed']);

/**
 * The latest audit of a source and what the user can do with it: start one, pause, resume or cancel
 * the running one. While it runs the audit is checked every few seconds. `onChanged` is called when
 * the audit or its status changes, or when the backend says the connection is gone, so the page can
 * refresh what depends on it (the User guide, the connection).
 */
export function useAudit(source: SourceId, context: BaseContext, onChanged?: () => void): AuditController {
  const { portalId, userId } = identityOf(context);
  const [state, setState] = useState<LoadState<AuditResponse | null>>({ status: 'loading' });
  const [pending, setPending] = useState<AuditCommand | null>(null);
  const [problem, setProblem] = useState<AuditProblem | null>(null);
  const onChangedRef = useRef(onChanged);
  onChangedRef.current = onChanged;

  // Every load and command starts a new generation; an answer from an older one is dropped.
  const generation = useRef(0);
  const failedChecks = useRef(0);
  useEffect(
    () => () => {
      generation.current += 1;
    },
    [],
  );
  const begin = useCallback(() => {
    generation.current += 1;
    const mine = generation.current;
    return () => mine === generation.current;
  }, []);
  const show = useCallback((audit: AuditResponse | null) => {
    failedChecks.current = 0;
    setState({ status: 'success', data: audit });
  }, []);

  const load = useCallback(() => {
    const isCurrent = begin();
    setState({ status: 'loading' });
    callApi(getLatestAudit(source), { portalId, userId }).then(
      (audit) => {
        if (isCurrent()) show(audit);
      },
      (error: unknown) => {
        if (!isCurrent()) return;
        const apiError = toApiError(error);
        if (apiError.code === 'no_audit') show(null);
        else setState({ status: 'error', error: apiError });
      },
    );
  }, [begin, show, source, portalId, userId]);
  useEffect(load, [load]);

  const reload = useCallback(() => {
    setProblem(null);
    load();
  }, [load]);

  const fail = useCallback(
    (during: AuditCommand, error: unknown) => {
      const apiError = toApiError(error);
      setPending(null);
      setProblem({ during, error: apiError, stopped: false });
      // The backend knows better than the page: show the audit as it is.
      if (apiError.code === 'job_already_running' || apiError.code === 'job_state_conflict') load();
      if (CONNECTION_PROBLEMS.has(apiError.code)) onChangedRef.current?.();
    },
    [load],
  );

  const start = useCallback(() => {
    const isCurrent = begin();
    setPending('start');
    setProblem(null);
    callApi(startAudit, { portalId, userId }, { source }).then(
      (audit) => {
        if (!isCurrent()) return;
        setPending(null);
        show(audit);
      },
      (error: unknown) => {
        if (isCurrent()) fail('start', error);
      },
    );
  }, [begin, show, fail, source, portalId, userId]);

  const shown = state.status === 'success' ? state.data : null;
  const control = useCallback(
    (action: JobAction) => {
      if (shown === null) return;
      const auditId = shown.id;
      const isCurrent = begin();
      setPending(action);
      setProblem(null);
      callApi(controlJob(shown.job.id, action), { portalId, userId }).then(
        (job) => {
          if (!isCurrent()) return;
          setPending(null);
          failedChecks.current = 0;
          setState((current) =>
            current.status === 'success' && current.data?.id === auditId
              ? { status: 'success', data: { ...current.data, job } }
              : current,
          );
        },
        (error: unknown) => {
          if (isCurrent()) fail(action, error);
        },
      );
    },
    [begin, fail, shown, portalId, userId],
  );

  const pollKey = shown !== null && isRunning(shown.job.status) ? shown.id : null;
  usePolling(pollKey, AUDIT_POLL_INTERVAL_MS, async (alive) => {
    if (pollKey === null) return false;
    const asked = generation.current;
    try {
      const audit = await callApi(getAudit(pollKey), { portalId, userId });
      if (!alive()) return false;
      // The user changed something while this check was under way: its answer may be older.
      if (asked !== generation.current) return true;
      setProblem((current) => (current?.during === 'check' ? null : current));
      show(audit);
      return isRunning(audit.job.status);
    } catch (error: unknown) {
      if (!alive()) return false;
      failedChecks.current += 1;
      const stopped = failedChecks.current >= AUDIT_POLL_MAX_FAILURES;
      setProblem({ during: 'check', error: toApiError(error), stopped });
      return !stopped;
    }
  });

  // Tell the page when the audit moved on (a new audit, or a new status), not on the first load.
  const marker =
    state.status === 'success' ? (state.data === null ? 'none' : `${state.data.id}:${state.data.job.status}`) : null;
  const seen = useRef<string | null>(null);
  useEffect(() => {
    if (marker === null) return;
    if (seen.current !== null && seen.current !== marker) onChangedRef.current?.();
    seen.current = marker;
  }, [marker]);

  return { source, state, pending, problem, start, control, reload };
}
