/**
 * Request counts per portal and endpoint (the shared fault module counts per endpoint and status;
 * it cannot know portals, which only the bearer token reveals).
 */

export interface PortalCounts {
  total: number;
  byEndpoint: Record<string, number>;
  /** Batch inputs (`inputs[]` of the body) per endpoint: what a benchmark compares with the fewest calls possible. */
  inputsByEndpoint: Record<string, number>;
}

export class PortalRequestCounts {
  private byPortal = new Map<number, PortalCounts>();

  record(portalId: number, endpoint: string, inputs = 0): void {
    let counts = this.byPortal.get(portalId);
    if (!counts) this.byPortal.set(portalId, (counts = { total: 0, byEndpoint: {}, inputsByEndpoint: {} }));
    counts.total += 1;
    counts.byEndpoint[endpoint] = (counts.byEndpoint[endpoint] ?? 0) + 1;
    if (inputs > 0) counts.inputsByEndpoint[endpoint] = (counts.inputsByEndpoint[endpoint] ?? 0) + inputs;
  }

  snapshot(): Record<string, PortalCounts> {
    return Object.fromEntries([...this.byPortal].map(([id, counts]) => [String(id), structuredClone(counts)]));
  }

  reset(): void {
    this.byPortal = new Map();
  }
}

/** "METHOD /path" with numeric ids as {id}: "GET /crm/v3/objects/contacts/{id}". */
export const endpointOf = (method: string, path: string): string =>
  `${method} ${path.replace(/\/\d+(?=\/|$)/g, '/{id}')}`;
