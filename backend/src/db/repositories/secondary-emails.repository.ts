import type { Queryable } from '../pool.js';

/** One other e-mail address of a source person, for the HubSpot contact it became (migrations/0012_sync_values.sql). */
export interface SecondaryEmail {
  /** The sync task (plan row) of the person. */
  object: string;
  sourceId: string;
  email: string;
  hubspotId: string;
}

interface Row {
  object: string;
  source_id: string;
  email: string;
  hubspot_id: string;
}

export const secondaryEmailsRepository = {
  /** Queues addresses; one already added stays added unless its person's contact changed. */
  async queue(db: Queryable, connectionId: string, emails: readonly SecondaryEmail[]): Promise<void> {
    if (emails.length === 0) return;
    await db.query(
      `INSERT INTO contact_secondary_emails AS s (connection_id, object, source_id, email, hubspot_id)
       SELECT $1, e.object, e.source_id, e.email, e.hubspot_id
         FROM unnest($2::text[], $3::text[], $4::text[], $5::text[]) AS e (object, source_id, email, hubspot_id)
       ON CONFLICT (connection_id, object, source_id, email) DO UPDATE
         SET hubspot_id = excluded.hubspot_id,
             added_at = CASE WHEN s.hubspot_id = excluded.hubspot_id THEN s.added_at END`,
      [
        connectionId,
        emails.map((e) => e.object),
        emails.map((e) => e.sourceId),
        emails.map((e) => e.email),
        emails.map((e) => e.hubspotId),
      ],
    );
  },

  /** The next addresses not added yet, after `after` (keyset on object, source id, e-mail). */
  async pending(
    db: Queryable,
    connectionId: string,
    after: SecondaryEmail | null,
    limit: number,
  ): Promise<SecondaryEmail[]> {
    const result = await db.query<Row>(
      `SELECT object, source_id, email, hubspot_id FROM contact_secondary_emails
        WHERE connection_id = $1 AND added_at IS NULL
          AND ($2::text IS NULL OR (object, source_id, email) > ($2, $3, $4))
        ORDER BY object, source_id, email LIMIT $5`,
      [connectionId, after?.object ?? null, after?.sourceId ?? '', after?.email ?? '', limit],
    );
    return result.rows.map((row) => ({
      object: row.object,
      sourceId: row.source_id,
      email: row.email,
      hubspotId: row.hubspot_id,
    }));
  },

  async markAdded(db: Queryable, connectionId: string, emails: readonly SecondaryEmail[]): Promise<void> {
    if (emails.length === 0) return;
    await db.query(
      `UPDATE contact_secondary_emails s SET added_at = now()
         FROM unnest($2::text[], $3::text[], $4::text[]) AS e (object, source_id, email)
        WHERE s.connection_id = $1 AND s.object = e.object AND s.source_id = e.source_id AND s.email = e.email`,
      [connectionId, emails.map((e) => e.object), emails.map((e) => e.sourceId), emails.map((e) => e.email)],
    );
  },
};
