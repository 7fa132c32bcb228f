/**
 * Time for the sandboxes. The backend's Clock is `{ now(): Date }`; a sandbox clock has the same shape
 * plus controls, so tests move time (token expiry, budget reset at midnight, the 30-day purge) without
 * waiting.
 */
export interface Clock {
  now(): Date;
}

export interface SandboxClock extends Clock {
  /** Moves time forward (or back, with a negative amount). */
  advance(ms: number): void;
  /** Jumps to a given instant; time keeps flowing from there at the base clock's pace. */
  set(instant: Date): void;
}

export const systemClock: Clock = { now: () => new Date() };

/** A clock shifted from a base clock by an adjustable offset; a frozen base clock gives a fully manual clock. */
export function createSandboxClock(base: Clock = systemClock): SandboxClock {
  let offsetMs = 0;
  return {
    now: () => new Date(base.now().getTime() + offsetMs),
    advance: (ms) => {
      offsetMs += ms;
    },
    set: (instant) => {
      offsetMs = instant.getTime() - base.now().getTime();
    },
  };
}

/** A clock that stands still at `start` until advanced or set. */
export function createFrozenClock(start: Date): SandboxClock {
  return createSandboxClock({ now: () => start });
}

/** Accepts either a plain Clock or a SandboxClock and always returns something controllable. */
export function toSandboxClock(clock: Clock | undefined): SandboxClock {
  return clock && isSandboxClock(clock) ? clock : createSandboxClock(clock);
}

function isSandboxClock(clock: Clock): clock is SandboxClock {
  const candidate: Partial<SandboxClock> = clock;
  return typeof candidate.advance === 'function' && typeof candidate.set === 'function';
}
