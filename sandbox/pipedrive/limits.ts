/**
 * Pipedrive's two limits (core-api-concepts-rate-limiting):
 * - burst: requests per token in a rolling 2-second window, by plan and auth kind (the search API's
 *   own limit of 10 is not emulated: the sandbox serves no search endpoints);
 * - daily budget: 30,000 tokens × plan multiplier × seats per company, each call costing its
 *   operation's `x-token-cost`; spent, every call answers 429 until midnight (server time zone).
 * Each API response carries the x-ratelimit-* headers and the (observed, undocumented)
 * x-daily-ratelimit-token-* headers.
 */
import type { Clock } from '../common/clock.js';

export const PLANS = ['lite', 'growth', 'premium', 'ultimate'] as const;
export type Plan = (typeof PLANS)[number];

const MULTIPLIER: Record<Plan, number> = { lite: 1, growth: 2, premium: 5, ultimate: 7 };
const BURST: Record<Plan, { api_token: number; oauth: number }> = {
  lite: { api_token: 20, oauth: 80 },
  growth: { api_token: 40, oauth: 160 },
  premium: { api_token: 100, oauth: 400 },
  ultimate: { api_token: 120, oauth: 480 },
};
const BASE_TOKENS = 30_000;
const WINDOW_MS = 2000;
const DAY_MS = 24 * 60 * 60 * 1000;

export interface LimitSettings {
  plan: Plan;
  seats: number;
  /** Replaces the computed daily budget (e.g. to exhaust it quickly in a test); null = computed. */
  dailyBudgetOverride: number | null;
  /** Replaces the plan's burst limit; null = by plan. */
  burstOverride: number | null;
  /** The server's offset from UTC, in minutes: the budget resets at its midnight. */
  utcOffsetMinutes: number;
}

export interface Caller {
  token: string;
  kind: 'oauth' | 'api_token';
}

export type Admission =
  | { allowed: true; headers: Record<string, string> }
  | { allowed: false; reason: 'burst' | 'budget'; headers: Record<string, string> };

export class Limits {
  private readonly windows = new Map<string, number[]>();
  private day = Number.NaN;
  private spent = 0;

  constructor(
    private readonly clock: Clock,
    public settings: LimitSettings,
  ) {}

  dailyBudget(): number {
    return this.settings.dailyBudgetOverride ?? BASE_TOKENS * MULTIPLIER[this.settings.plan] * this.settings.seats;
  }

  burstLimit(caller: Caller): number {
    return this.settings.burstOverride ?? BURST[this.settings.plan][caller.kind];
  }

  spentToday(): number {
    this.rollDay();
    return this.spent;
  }

  /** The next budget reset (the server's next midnight). */
  resetsAt(): Date {
    const offset = this.settings.utcOffsetMinutes * 60_000;
    const local = this.clock.now().getTime() + offset;
    return new Date(Math.floor(local / DAY_MS) * DAY_MS + DAY_MS - offset);
  }

  /** Admits a call (charging its cost and a burst slot) or says why not. */
  admit(caller: Caller, cost: number): Admission {
    this.rollDay();
    const now = this.clock.now().getTime();
    const window = (this.windows.get(caller.token) ?? []).filter((at) => at > now - WINDOW_MS);
    this.windows.set(caller.token, window);
    const limit = this.burstLimit(caller);
    const budget = this.dailyBudget();
    const headers = (remainingInWindow: number): Record<string, string> => ({
      'x-ratelimit-limit': String(limit),
      'x-ratelimit-remaining': String(Math.max(0, remainingInWindow)),
      'x-ratelimit-reset': String(Math.max(1, Math.ceil(((window[0] ?? now) + WINDOW_MS - now) / 1000))),
      'x-daily-ratelimit-token-limit': String(budget),
      'x-daily-ratelimit-token-remaining': String(Math.max(0, budget - this.spent)),
    });
    if (window.length >= limit) return { allowed: false, reason: 'burst', headers: headers(0) };
    if (budget - this.spent < cost)
      return { allowed: false, reason: 'budget', headers: headers(limit - window.length) };
    window.push(now);
    this.spent += cost;
    return { allowed: true, headers: headers(limit - window.length) };
  }

  /** Forgets burst windows and today's spending. */
  reset(): void {
    this.windows.clear();
    this.spent = 0;
  }

  private rollDay(): void {
    const day = Math.floor((this.clock.now().getTime() + this.settings.utcOffsetMinutes * 60_000) / DAY_MS);
    if (day !== this.day) {
      this.day = day;
      this.spent = 0;
    }
  }
}
