import { LoadingSpinner } from '@hubspot/ui-extensions';
import type { ReactNode } from 'react';
import type { LoadState } from '../useApi.ts';
import { LoadError } from './LoadError.tsx';

interface LoadableProps<T> {
  state: LoadState<T>;
  /** Read out while loading, e.g. "Loading source apps". */
  loadingLabel: string;
  /** Title of the error state, e.g. "We couldn't load the source apps". */
  errorTitle: string;
  onRetry: () => void;
  children: (data: T) => ReactNode;
}

/** Shows a spinner while `state` loads, the error with a retry if it failed, else `children(data)`. */
export function Loadable<T>({ state, loadingLabel, errorTitle, onRetry, children }: LoadableProps<T>) {
  if (state.status === 'loading') return <LoadingSpinner label={loadingLabel} layout="centered" showLabel />;
  if (state.status === 'error') return <LoadError title={errorTitle} error={state.error} onRetry={onRetry} />;
  return <>{children(state.data)}</>;
}
