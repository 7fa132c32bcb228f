import { useEffect, useRef } from 'react';

/**
 * One check of a poll. `alive()` says whether the poll still runs (false once the component unmounted
 * or the poll's key changed): a check whose answer arrives later must then change nothing. Resolves to
 * whether to check again.
 */
export type PollCheck = (alive: () => boolean) => Promise<boolean>;

/**
 * The page's only polling loop: while `key` is not null, runs `check` every `intervalMs`, one check at
 * a time (the next one is scheduled when the previous one has answered), until a check says stop, the
 * limit is reached, the key changes or the component unmounts. A new key starts a new poll.
 */
export function usePolling(
  key: string | null,
  intervalMs: number,
  check: PollCheck,
  limit = Number.POSITIVE_INFINITY,
): void {
  const checkRef = useRef(check);
  checkRef.current = check;
  useEffect(() => {
    if (key === null) return undefined;
    let stopped = false;
    let polls = 0;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const alive = () => !stopped;
    const schedule = () => {
      if (polls < limit) timer = setTimeout(poll, intervalMs);
    };
    const poll = () => {
      polls += 1;
      checkRef.current(alive).then(
        (again) => {
          if (again && !stopped) schedule();
        },
        () => undefined,
      );
    };
    schedule();
    return () => {
      stopped = true;
      clearTimeout(timer);
    };
  }, [key, intervalMs, limit]);
}
