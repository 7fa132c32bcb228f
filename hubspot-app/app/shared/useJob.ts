import type { BaseContext } from '@hubspot/ui-extensions';
import { useCallback, useEffect, useRef, useState } from 'react';
import { callApi, type Endpoint, identityOf } from './api.ts';
import { type ApiError, toApiError } from './api-error.ts';
import type { Job, JobAction, JobStatus } from './contracts/jobs.ts';
import { controlJob } from './endpoints.ts';
import type { LoadState } from './useApi.ts';
import { usePolling } from './usePolling.ts';

/** How often the page checks on a running job. */
export const JOB_POLL_INTERVAL_MS = 2_000;
/** Failed checks in a row after which the page stops checking and offers "Check again". */
export const JOB_POLL_MAX_FAILURES = 3;

const RUNNING: readonly JobStatus[] = ['PENDING', 'PROCESSING', 'RETRYING'];
/** The job is queued, working or waiting to retry: it moves on by itself, so the page keeps checking. */
export const isRunning = (status: JobStatus): boolean => RUNNING.includes(status);
/** The job has not ended yet: it can still be paused, resumed or canceled. */
export const isUnfinished = (status: JobStatus): boolean => isRunning(status) || status === 'PAUSED';

/** What the user asked for: start a job, or pause / resume / cancel the running one. */
export type JobCommand = 'start' | JobAction;

/** What went wrong with the user's last command, or with checking on the running job. */
export interface JobProblem {
  during: JobCommand | 'check';
  error: ApiError;
  /** For checks: the page gave up checking by itself (the user can check again). */
  stopped: boolean;
}

/** A run of a phase (audit, setup, sync…) as the backend answers it: an id and its job. */
export interface JobRun {
  id: string;
  job: Job;
}

/** Where a kind of job lives in the API. The object must be the same from one render to the next (memoise it). */
export interface JobEndpoints<T extends JobRun, B extends Record<string, unknown> = Record<string, unknown>> {
  /** The latest run; `noneCode` is the 404 code it answers before the first one. */
  latest: Endpoint<T>;
  noneCode: string;
  /** Starts a new run with `startBody`. */
  start: Endpoint<T, B>;
  startBody: B;
  /** One run, polled while its job runs. */
  one: (id: string) => Endpoint<T>;
}

export interface JobController<T extends JobRun> {
  /** The latest run; null before the first one. */
  state: LoadState<T | null>;
  /** The command waiting for the backend's answer. */
  pending: JobCommand | null;
  problem: JobProblem | null;
  start: () => void;
  control: (action: JobAction) => void;
  /** Loads the latest run again (and checks on it again if it runs). */
  reload: () => void;
}

/** Problems that mean the source must be connected again: the page's idea of the connection is stale. */
const CONNECTION_PROBLEMS = new Set(['not_connected', 'reconnect_needed']);

/**
 * The latest run of a job kind and what the user can do with it: start one, pause, resume or cancel the
 * running one. While it runs it is checked every few seconds; an answer overtaken by a newer command or
 * load is dropped. `onChanged` is called when the run or its status changes, or when the backend says the
 * connection is gone, so the page can refresh what depends on it.
 */
export function useJob<T extends JobRun, B extends Record<string, unknown>>(
  endpoints: JobEndpoints<T, B>,
  context: BaseContext,
  onChanged?: () => void,
): JobController<T> {
  const { portalId, userId } = identityOf(context);
  const [state, setState] = useState<LoadState<T | null>>({ status: 'loading' });
  const [pending, setPending] = useState<JobCommand | null>(null);
  const [problem, setProblem] = useState<JobProblem | null>(null);
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
  const show = useCallback((run: T | null) => {
    failedChecks.current = 0;
    setState({ status: 'success', data: run });
  }, []);

  const load = useCallback(() => {
    const isCurrent = begin();
    setState({ status: 'loading' });
    callApi(endpoints.latest, { portalId, userId }).then(
      (run) => {
        if (isCurrent()) show(run);
      },
      (error: unknown) => {
        if (!isCurrent()) return;
        const apiError = toApiError(error);
        if (apiError.code === endpoints.noneCode) show(null);
        else setState({ status: 'error', error: apiError });
      },
    );
  }, [begin, show, endpoints, portalId, userId]);
  useEffect(load, [load]);

  const reload = useCallback(() => {
    setProblem(null);
    load();
  }, [load]);

  const fail = useCallback(
    (during: JobCommand, error: unknown) => {
      const apiError = toApiError(error);
      setPending(null);
      setProblem({ during, error: apiError, stopped: false });
      // The backend knows better than the page: show the run as it is.
      if (apiError.code === 'job_already_running' || apiError.code === 'job_state_conflict') load();
      if (CONNECTION_PROBLEMS.has(apiError.code)) onChangedRef.current?.();
    },
    [load],
  );

  const start = useCallback(() => {
    const isCurrent = begin();
    setPending('start');
    setProblem(null);
    callApi<T, B>(endpoints.start, { portalId, userId }, endpoints.startBody).then(
      (run) => {
        if (!isCurrent()) return;
        setPending(null);
        show(run);
      },
      (error: unknown) => {
        if (isCurrent()) fail('start', error);
      },
    );
  }, [begin, show, fail, endpoints, portalId, userId]);

  const shown = state.status === 'success' ? state.data : null;
  const control = useCallback(
    (action: JobAction) => {
      if (shown === null) return;
      const runId = shown.id;
      const isCurrent = begin();
      setPending(action);
      setProblem(null);
      callApi(controlJob(shown.job.id, action), { portalId, userId }).then(
        (job) => {
          if (!isCurrent()) return;
          setPending(null);
          failedChecks.current = 0;
          setState((current) =>
            current.status === 'success' && current.data?.id === runId
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
  usePolling(pollKey, JOB_POLL_INTERVAL_MS, async (alive) => {
    if (pollKey === null) return false;
    const asked = generation.current;
    try {
      const run = await callApi(endpoints.one(pollKey), { portalId, userId });
      if (!alive()) return false;
      // The user changed something while this check was under way: its answer may be older.
      if (asked !== generation.current) return true;
      setProblem((current) => (current?.during === 'check' ? null : current));
      show(run);
      return isRunning(run.job.status);
    } catch (error: unknown) {
      if (!alive()) return false;
      failedChecks.current += 1;
      const stopped = failedChecks.current >= JOB_POLL_MAX_FAILURES;
      setProblem({ during: 'check', error: toApiError(error), stopped });
      return !stopped;
    }
  });

  // Tell the page when the run moved on (a new run, or a new status), not on the first load.
  const marker =
    state.status === 'success' ? (state.data === null ? 'none' : `${state.data.id}:${state.data.job.status}`) : null;
  const seen = useRef<string | null>(null);
  useEffect(() => {
    if (marker === null) return;
    if (seen.current !== null && seen.current !== marker) onChangedRef.current?.();
    seen.current = marker;
  }, [marker]);

  return { state, pending, problem, start, control, reload };
}
