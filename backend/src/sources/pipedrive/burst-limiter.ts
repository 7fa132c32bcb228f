/**
 * Keeps one access token under Pipedrive's burst limit (N requests per rolling 2 s, per token) so that
 * concurrent readers wait instead of collecting 429s.
 *
 * Pipedrive counts a request when it arrives, which is somewhere between our send and our receipt of the
 * answer. So a slot is held from send until 2 s after the answer came back: at any instant our count
 * (in flight + answered in the last window) is never below the server's.
 */
import type { Clock } from '../../clock.js';
import type { RequestLimiter } from '../../http-client/request-limiter.js';
import type { Sleep } from '../../sleep.js';
import type { RateLimitSnapshot } from './rate-limit-headers.js';

/** Pipedrive's smallest OAuth burst limit (Lite plan), used until a response names the real one. */
const DEFAULT_BURST_LIMIT = 80;
export const BURST_WINDOW_MS = 2000;

export class BurstLimiter implements RequestLimiter<RateLimitSnapshot> {
  private limit: number;
  private inFlight = 0;
  /** Receipt times of answered calls still inside the window, oldest first. */
  private readonly answeredAt: number[] = [];
  /** The server said the window is full (e.g. another process shares the token): nobody sends before this. */
  private pausedUntil = 0;
  private readonly waitingForAnswer: (() => void)[] = [];

  constructor(
    private readonly clock: Clock,
    private readonly sleep: Sleep,
    initialLimit: number = DEFAULT_BURST_LIMIT,
  ) {
    this.limit = initialLimit;
  }

  /** Resolves when a request may be sent; pair every acquire with one `release`. */
  async acquire(): Promise<void> {
    for (;;) {
      const now = this.now();
      this.forgetExpired(now);
      if (now < this.pausedUntil) {
        await this.sleep(this.pausedUntil - now);
        continue;
      }
      if (this.inFlight + this.answeredAt.length < this.limit) {
        this.inFlight += 1;
        return;
      }
      const oldest = this.answeredAt[0];
      if (oldest === undefined) await new Promise<void>((resolve) => this.waitingForAnswer.push(resolve));
      else await this.sleep(oldest + BURST_WINDOW_MS - now);
    }
  }

  /** The call has been answered (or failed without an answer: `limits` null). */
  release(limits: RateLimitSnapshot | null): void {
    const now = this.now();
    this.inFlight -= 1;
    this.answeredAt.push(now);
    if (limits?.burstLimit) this.limit = limits.burstLimit;
    if (limits?.burstRemaining === 0 && limits.burstResetMs !== null) {
      this.pausedUntil = Math.max(this.pausedUntil, now + limits.burstResetMs);
    }
    this.waitingForAnswer.shift()?.();
  }

  private forgetExpired(now: number): void {
    while (this.answeredAt[0] !== undefined && this.answeredAt[0] + BURST_WINDOW_MS <= now) this.answeredAt.shift();
  }

  private now(): number {
    return this.clock.now().getTime();
  }
}
