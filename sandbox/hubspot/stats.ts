/**
 * Request counts per portal and endpoint (the shared fault module counts per endpoint and status;
 * it cannot know portals, which only the bearer token reveals), and each portal's recent requests with
 * their arrival times, so a test can check every rolling interval against a limit.
 */
import type { LimitName } from './limits.js';

export interface PortalCounts {
  total: number;
  byEndpoint: Record<string, number>;
  /** Batch inputs (`inputs[]` of the body) per endpoint: what a benchmark compares with the fewest calls possible. */
  inputsByEndpoint: Record<string, number>;
}

/** One answered request of a portal: when it arrived (sandbox clock, epoch ms), the limit it counts against, its status. */
export interface PortalRequest {
  at: number;
  endpoint: string;
  limit: LimitName;
  status: number;
}

/** Requests kept per portal (the oldest are dropped): a few minutes of traffic at HubSpot's limits. */
const TIMELINE_SIZE = 20_000;

export class PortalRequestCounts {
  private byPortal = new Map<number, PortalCounts>();
  private timelines = new Map<number, PortalRequest[]>();

  record(portalId: number, request: PortalRequest, inputs = 0): void {
    let counts = this.byPortal.get(portalId);
    if (!counts) this.byPortal.set(portalId, (counts = { total: 0, byEndpoint: {}, inputsByEndpoint: {} }));
    counts.total += 1;
    counts.byEndpoint[request.endpoint] = (counts.byEndpoint[request.endpoint] ?? 0) + 1;
    let timeline = this.timelines.get(portalId);
    if (!timeline) this.timelines.set(portalId, (timeline = []));
    timeline.push(request);
    if (timeline.length > TIMELINE_SIZE) timeline.shift();
    if (inputs > 0)
      counts.inputsByEndpoint[request.endpoint] = (counts.inputsByEndpoint[request.endpoint] ?? 0) + inputs;
  }

  snapshot(): Record<string, PortalCounts> {
    return Object.fromEntries([...this.byPortal].map(([id, counts]) => [String(id), structuredClone(counts)]));
  }

  /** The portal's kept requests, in arrival order. */
  timeline(portalId: number): PortalRequest[] {
    return [...(this.timelines.get(portalId) ?? [])].sort((a, b) => a.at - b.at);
  }

  reset(): void {
    this.byPortal = new Map();
    this.timelines = new Map();
  }
}

/** "METHOD /path" with numeric ids as {id}: "GET /crm/v3/objects/contacts/{id}". */
export const endpointOf = (method: string, path: string): string =>
  `${method} ${path.replace(/\/\d+(?=\/|$)/g, '/{id}')}`;
