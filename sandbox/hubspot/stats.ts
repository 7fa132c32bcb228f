/** Request counting per endpoint and per portal, read through the inspection endpoint. */

export interface PortalStats {
  total: number;
  byEndpoint: Record<string, number>;
}

export interface StatsReport extends PortalStats {
  byPortal: Record<string, PortalStats>;
  byStatus: Record<string, number>;
}

const bump = (counts: Record<string, number>, key: string): void => {
  counts[key] = (counts[key] ?? 0) + 1;
};

export class RequestStats {
  private report: StatsReport = RequestStats.empty();

  private static empty(): StatsReport {
    return { total: 0, byEndpoint: {}, byPortal: {}, byStatus: {} };
  }

  /** `endpoint` is "METHOD /path" without the query string, e.g. "POST /crm/v3/objects/deals/batch/upsert". */
  record(endpoint: string, status: number, portalId: number | undefined): void {
    this.report.total += 1;
    bump(this.report.byEndpoint, endpoint);
    bump(this.report.byStatus, String(status));
    if (portalId === undefined) return;
    const portal = (this.report.byPortal[String(portalId)] ??= { total: 0, byEndpoint: {} });
    portal.total += 1;
    bump(portal.byEndpoint, endpoint);
  }

  snapshot(): StatsReport {
    return structuredClone(this.report);
  }

  reset(): void {
    this.report = RequestStats.empty();
  }
}
