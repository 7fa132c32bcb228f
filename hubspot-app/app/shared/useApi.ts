import type { BaseContext } from '@hubspot/ui-extensions';
import { useCallback, useEffect, useRef, useState } from 'react';
import { callApi, type Endpoint, identityOf } from './api.ts';
import { type ApiError, toApiError } from './api-error.ts';

/** Where one backend call stands. */
export type LoadState<T> =
  { status: 'loading' } | { status: 'success'; data: T } | { status: 'error'; error: ApiError };
/** Where a call the user starts stands (nothing happens until they act). */
export type ActionState<T> = { status: 'idle' } | LoadState<T>;

/** The arguments of a call: the body when the endpoint takes one, nothing when it takes none. */
export type BodyArgs<B> = [B] extends [never] ? [] : [body: B];

/**
 * Runs calls one at a time from the component's point of view: only the answer to the latest call is
 * kept, so a slow earlier answer never overwrites a newer one, and nothing is set after unmount.
 * A quiet call keeps what is shown until its answer arrives, and keeps it if the call fails.
 */
function useLatestCall<T>(setState: (state: LoadState<T>) => void) {
  const latest = useRef(0);
  useEffect(
    () => () => {
      latest.current += 1;
    },
    [],
  );
  const run = useCallback(
    (call: () => Promise<T>, quiet = false) => {
      latest.current += 1;
      const mine = latest.current;
      const isLatest = () => mine === latest.current;
      if (!quiet) setState({ status: 'loading' });
      call().then(
        (data) => {
          if (isLatest()) setState({ status: 'success', data });
        },
        (error: unknown) => {
          if (isLatest() && !quiet) setState({ status: 'error', error: toApiError(error) });
        },
      );
    },
    [setState],
  );
  /** Forgets the call in flight: its answer will not be shown. */
  const forget = useCallback(() => {
    latest.current += 1;
  }, []);
  return { run, forget };
}

/**
 * Loads an endpoint when the component mounts; `reload` asks again (e.g. the error state's retry),
 * `refresh` asks again while the current answer stays on screen (e.g. after something changed elsewhere).
 * The endpoint must be the same object from one render to the next (a constant, or memoised).
 */
export function useApiQuery<T>(
  endpoint: Endpoint<T>,
  context: BaseContext,
): { state: LoadState<T>; reload: () => void; refresh: () => void } {
  const [state, setState] = useState<LoadState<T>>({ status: 'loading' });
  const { run } = useLatestCall(setState);
  const { portalId, userId } = identityOf(context);
  const reload = useCallback(
    () => run(() => callApi(endpoint, { portalId, userId })),
    [run, endpoint, portalId, userId],
  );
  const refresh = useCallback(
    () => run(() => callApi(endpoint, { portalId, userId }), true),
    [run, endpoint, portalId, userId],
  );
  useEffect(reload, [reload]);
  return { state, reload, refresh };
}

/**
 * Calls an endpoint when the user acts (`run(body)`, or `run()` for an endpoint without a body), e.g. a
 * button's click; `reset` goes back to idle and forgets a call in flight.
 */
export function useApiAction<T, B extends Record<string, unknown> = never>(
  endpoint: Endpoint<T, B>,
  context: BaseContext,
): { state: ActionState<T>; run: (...args: BodyArgs<B>) => void; reset: () => void } {
  const [state, setState] = useState<ActionState<T>>({ status: 'idle' });
  const { run: runLatest, forget } = useLatestCall<T>(setState);
  const { portalId, userId } = identityOf(context);
  const run = useCallback(
    (...args: BodyArgs<B>) => runLatest(() => callApi<T, B>(endpoint, { portalId, userId }, ...args)),
    [runLatest, endpoint, portalId, userId],
  );
  const reset = useCallback(() => {
    forget();
    setState({ status: 'idle' });
  }, [forget]);
  return { state, run, reset };
}

/** Two loads seen as one: an error if either failed, loading until both have answered. */
export function bothLoaded<A, B>(a: LoadState<A>, b: LoadState<B>): LoadState<[A, B]> {
  if (a.status === 'error') return a;
  if (b.status === 'error') return b;
  if (a.status === 'loading' || b.status === 'loading') return { status: 'loading' };
  return { status: 'success', data: [a.data, b.data] };
}
