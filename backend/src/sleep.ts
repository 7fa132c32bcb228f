/** Waiting as a dependency, so the transport's pauses are instant and observable in tests. */
export type Sleep = (ms: number) => Promise<void>;

export const realSleep: Sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
