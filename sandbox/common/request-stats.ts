/**
 * Request counting per endpoint, with named costs the API-specific part adds (e.g. Pipedrive tokens),
 * and a short log of recent requests so a test can see the status of the call it just made.
 */

export interface EndpointStats {
  /** "METHOD /path/pattern", as the sandbox names its endpoints. */
  endpoint: string;
  /** Requests received (counted on arrival, so one still in flight counts). */
  requests: number;
  /** Count per HTTP status of finished requests; "0" is a connection closed with no response. */
  statuses: Record<string, number>;
  /** Sum per cost name, e.g. { tokens: 120 }. */
  costs: Record<string, number>;
}

export interface RequestLogEntry {
  method: string;
  path: string;
  endpoint: string;
  status: number;
}

export interface RequestStatsSnapshot {
  total: number;
  endpoints: EndpointStats[];
  /** Sum of every cost name over all endpoints. */
  costs: Record<string, number>;
}

const LOG_SIZE = 200;

export class RequestStats {
  private readonly byEndpoint = new Map<string, EndpointStats>();
  private readonly log: RequestLogEntry[] = [];

  /** Called when a request arrives. */
  arrived(endpoint: string): void {
    this.entry(endpoint).requests += 1;
  }

  /** Called once per request, when its response has been sent or its connection closed. */
  finished(entry: RequestLogEntry): void {
    const stats = this.entry(entry.endpoint);
    const key = String(entry.status);
    stats.statuses[key] = (stats.statuses[key] ?? 0) + 1;
    this.log.push(entry);
    if (this.log.length > LOG_SIZE) this.log.shift();
  }

  addCost(endpoint: string, name: string, amount: number): void {
    const stats = this.entry(endpoint);
    stats.costs[name] = (stats.costs[name] ?? 0) + amount;
  }

  snapshot(): RequestStatsSnapshot {
    const endpoints = [...this.byEndpoint.values()]
      .map((stats) => ({ ...stats, statuses: { ...stats.statuses }, costs: { ...stats.costs } }))
      .sort((a, b) => a.endpoint.localeCompare(b.endpoint));
    const costs: Record<string, number> = {};
    let total = 0;
    for (const stats of endpoints) {
      total += stats.requests;
      for (const [name, amount] of Object.entries(stats.costs)) costs[name] = (costs[name] ?? 0) + amount;
    }
    return { total, endpoints, costs };
  }

  /** The most recent requests, oldest first (at most 200). */
  recent(): RequestLogEntry[] {
    return [...this.log];
  }

  reset(): void {
    this.byEndpoint.clear();
    this.log.length = 0;
  }

  private entry(endpoint: string): EndpointStats {
    let stats = this.byEndpoint.get(endpoint);
    if (!stats) {
      stats = { endpoint, requests: 0, statuses: {}, costs: {} };
      this.byEndpoint.set(endpoint, stats);
    }
    return stats;
  }
}
