import type { Queryable } from '../pool.js';

/** HubSpot companies by (lower-case) domain, for matching source organizations (migrations/0012_sync_values.sql). */
export const companyDomainsRepository = {
  async clear(db: Queryable, connectionId: string): Promise<void> {
    await db.query('DELETE FROM hubspot_company_domains WHERE connection_id = $1', [connectionId]);
  },

  /** Adds companies; a domain already indexed keeps its first (oldest) company. */
  async add(db: Queryable, connectionId: string, companies: readonly { domain: string; hubspotId: string }[]) {
    if (companies.length === 0) return;
    await db.query(
      `INSERT INTO hubspot_company_domains (connection_id, domain, hubspot_id)
       SELECT $1, c.domain, c.hubspot_id FROM unnest($2::text[], $3::text[]) AS c (domain, hubspot_id)
       ON CONFLICT (connection_id, domain) DO NOTHING`,
      [connectionId, companies.map((c) => c.domain), companies.map((c) => c.hubspotId)],
    );
  },

  async lookup(db: Queryable, connectionId: string, domains: readonly string[]): Promise<Map<string, string>> {
    if (domains.length === 0) return new Map();
    const result = await db.query<{ domain: string; hubspot_id: string }>(
      'SELECT domain, hubspot_id FROM hubspot_company_domains WHERE connection_id = $1 AND domain = ANY($2::text[])',
      [connectionId, domains],
    );
    return new Map(result.rows.map((row) => [row.domain, row.hubspot_id]));
  },

  async remove(db: Queryable, connectionId: string, domains: readonly string[]): Promise<void> {
    if (domains.length === 0) return;
    await db.query('DELETE FROM hubspot_company_domains WHERE connection_id = $1 AND domain = ANY($2::text[])', [
      connectionId,
      domains,
    ]);
  },
};
