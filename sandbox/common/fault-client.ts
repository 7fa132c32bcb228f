/**
 * A typed client for a sandbox's fault control routes, for tests and tools that run the sandbox in
 * another process. `baseUrl` is the inspection root, e.g. `http://127.0.0.1:4010/_sandbox`.
 */
import type { FaultSettings, SettingsPatch, TargetedFaultView } from './faults.js';
import type { RequestLogEntry, RequestStatsSnapshot } from './request-stats.js';

/** The JSON form of a targeted fault (no RegExp, no predicate). */
export interface TargetedFaultJson {
  method?: string;
  path: string;
  query?: Record<string, string>;
  body?: unknown;
  times?: number | 'always';
  respond?: { status: number; body?: unknown; headers?: Record<string, string> };
  reset?: true;
  delayMs?: number;
}

export interface FaultControlClient {
  settings(): Promise<FaultSettings & { targeted: TargetedFaultView[] }>;
  configure(patch: SettingsPatch): Promise<void>;
  addTargeted(fault: TargetedFaultJson): Promise<string>;
  removeTargeted(id: string): Promise<void>;
  clearTargeted(): Promise<void>;
  requests(): Promise<RequestStatsSnapshot>;
  recentRequests(): Promise<RequestLogEntry[]>;
  resetRequests(): Promise<void>;
}

export function createFaultControlClient(baseUrl: string): FaultControlClient {
  const root = baseUrl.replace(/\/+$/, '');
  async function call<T>(method: string, path: string, body?: unknown): Promise<T> {
    const response = await fetch(`${root}${path}`, {
      method,
      headers: body === undefined ? {} : { 'content-type': 'application/json' },
      body: body === undefined ? null : JSON.stringify(body),
    });
    if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${await response.text()}`);
    return (response.status === 204 ? undefined : await response.json()) as T;
  }
  return {
    settings: () => call('GET', '/faults'),
    configure: async (patch) => {
      await call('PATCH', '/faults', patch);
    },
    addTargeted: async (fault) => (await call<{ id: string }>('POST', '/faults/targeted', fault)).id,
    removeTargeted: (id) => call('DELETE', `/faults/targeted/${encodeURIComponent(id)}`),
    clearTargeted: () => call('DELETE', '/faults/targeted'),
    requests: () => call('GET', '/requests'),
    recentRequests: async () => (await call<{ requests: RequestLogEntry[] }>('GET', '/requests/recent')).requests,
    resetRequests: () => call('DELETE', '/requests'),
  };
}
