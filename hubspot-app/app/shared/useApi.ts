import type { BaseContext } from '@hubspot/ui-extensions';
import { useCallback, useEffect, useRef, useState } from 'react';
import { callApi, identityOf, type Endpoint } from './api.ts';
import { toApiError, type ApiError } from './api-error.ts';

/** Where one backend call stands. */
export type LoadState<T> = { status: 'loading' } | { status: 'success'; data: T } | { status: 'error'; error: ApiError };
/** Where a call the user starts stands (nothing happens until they act). */
export type ActionState<T> = { status: 'idle' } | LoadState<T>;

/**
 * Runs calls one at a time from the component's point of view: only the answer to the latest call is
 * kept, so a slow earlier answer never overwrites a newer one, and nothing is set after unmount.
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
    (call: () => Promise<T>) => {
      latest.current += 1;
      const mine = latest.current;
      const isLatest = () => mine === latest.current;
      setState({ status: 'loading' });
      call().then(
        (data) => {
          if (isLatest()) setState({ status: 'success', data });
        },
        (error: unknown) => {
          if (isLatest()) setState({ status: 'error', error: toApiError(error) });
        },
      );
    },
    [setState],
  );
  return run;
}

/** Loads an endpoint when the component mounts; `reload` asks again (e.g. the error state's retry). */
export function useApiQuery<T>(endpoint: Endpoint<T>, context: BaseContext): { state: LoadState<T>; reload: () => void } {
  const [state, setState] = useState<LoadState<T>>({ status: 'loading' });
  const run = useLatestCall(setState);
  const { portalId, userId } = identityOf(context);
  const reload = useCallback(() => run(() => callApi(endpoint, { portalId, userId })), [run, endpoint, portalId, userId]);
  useEffect(reload, [reload]);
  return { state, reload };
}

/** Calls an endpoint when the user acts (`run(body)`), e.g. a button's click. */
export function useApiAction<T, B extends Record<string, unknown>>(
  endpoint: Endpoint<T, B>,
  context: BaseContext,
): { state: ActionState<T>; run: (body: B) => void } {
  const [state, setState] = useState<ActionState<T>>({ status: 'idle' });
  const runLatest = useLatestCall<T>(setState);
  const { portalId, userId } = identityOf(context);
  const run = useCallback(
    (body: B) => runLatest(() => callApi(endpoint, { portalId, userId }, body)),
    [runLatest, endpoint, portalId, userId],
  );
  return { state, run };
}

/** Two loads seen as one: an error if either failed, loading until both have answered. */
export function bothLoaded<A, B>(a: LoadState<A>, b: LoadState<B>): LoadState<[A, B]> {
  if (a.status === 'error') return a;
  if (b.status === 'error') return b;
  if (a.status === 'loading' || b.status === 'loading') return { status: 'loading' };
  return { status: 'success', data: [a.data, b.data] };
}
