/**
 * The sandbox's time: the injected base clock plus an offset that the inspection endpoint can
 * advance, so a test can expire tokens or roll a rate-limit window without waiting.
 */
export class SandboxClock {
  private offsetMs = 0;

  constructor(private readonly base: () => number) {}

  now(): number {
    return this.base() + this.offsetMs;
  }

  nowIso(): string {
    return new Date(this.now()).toISOString();
  }

  advance(ms: number): void {
    this.offsetMs += ms;
  }

  reset(): void {
    this.offsetMs = 0;
  }
}
