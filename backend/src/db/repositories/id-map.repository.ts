import type { Queryable } from '../pool.js';

/** One source record and the HubSpot record it became. */
export interface IdMapping {
  object: string;
  sourceId: string;
  hubspotObject: string;
  hubspotId: string;
}

export const idMapRepository = {
  /** Records (or corrects) where source records went; unique per connection, object and source id. */
  async upsert(
    db: Queryable,
    input: { connectionId: string; transferId: string; mappings: readonly IdMapping[] },
  ): Promise<void> {
    if (input.mappings.length === 0) return;
    await db.query(
      `INSERT INTO id_map (connection_id, object, source_id, hubspot_object, hubspot_id, transfer_id)
       SELECT $1, m.object, m.source_id, m.hubspot_object, m.hubspot_id, $2
       FROM unnest($3::text[], $4::text[], $5::text[], $6::text[]) AS m (object, source_id, hubspot_object, hubspot_id)
       ON CONFLICT (connection_id, object, source_id)
       DO UPDATE SET hubspot_object = excluded.hubspot_object, hubspot_id = excluded.hubspot_id, updated_at = now()`,
      [
        input.connectionId,
        input.transferId,
        input.mappings.map((m) => m.object),
        input.mappings.map((m) => m.sourceId),
        input.mappings.map((m) => m.hubspotObject),
        input.mappings.map((m) => m.hubspotId),
      ],
    );
  },

  /** HubSpot ids of the given source records of one object (those not mapped yet are absent). */
  async lookup(
    db: Queryable,
    connectionId: string,
    object: string,
    sourceIds: readonly string[],
  ): Promise<Map<string, string>> {
    const result = await db.query<{ source_id: string; hubspot_id: string }>(
      'SELECT source_id, hubspot_id FROM id_map WHERE connection_id = $1 AND object = $2 AND source_id = ANY($3::text[])',
      [connectionId, object, sourceIds],
    );
    return new Map(result.rows.map((row) => [row.source_id, row.hubspot_id]));
  },

  /**
   * Where the other ends of associations went, in one query: each end's HubSpot id, or, not mapped yet,
   * whether it failed in the transfer (an error row of one of the tasks that write its source object).
   */
  async associationEnds(
    db: Queryable,
    input: {
      connectionId: string;
      transferId: string;
      ends: readonly { object: string; sourceId: string }[];
      /** The tasks (plan rows) that write each source object. */
      tasks: readonly { object: string; task: string }[];
    },
  ): Promise<{ object: string; sourceId: string; hubspotId: string | null; failed: boolean }[]> {
    if (input.ends.length === 0) return [];
    const result = await db.query<{ object: string; source_id: string; hubspot_id: string | null; failed: boolean }>(
      `SELECT e.object, e.source_id, m.hubspot_id,
         m.hubspot_id IS NULL AND EXISTS (
           SELECT 1 FROM record_errors r JOIN unnest($5::text[], $6::text[]) AS t (object, task) ON t.task = r.object
           WHERE r.transfer_id = $2 AND t.object = e.object AND r.source_id = e.source_id) AS failed
       FROM unnest($3::text[], $4::text[]) AS e (object, source_id)
       LEFT JOIN id_map m ON m.connection_id = $1 AND m.object = e.object AND m.source_id = e.source_id`,
      [
        input.connectionId,
        input.transferId,
        input.ends.map((end) => end.object),
        input.ends.map((end) => end.sourceId),
        input.tasks.map((t) => t.object),
        input.tasks.map((t) => t.task),
      ],
    );
    return result.rows.map((row) => ({
      object: row.object,
      sourceId: row.source_id,
      hubspotId: row.hubspot_id,
      failed: row.failed,
    }));
  },

  /** How many source records of `object` the connection has mapped onto records of `hubspotObject`. */
  async count(db: Queryable, connectionId: string, object: string, hubspotObject: string): Promise<number> {
    const result = await db.query<{ count: string }>(
      'SELECT count(*) FROM id_map WHERE connection_id = $1 AND object = $2 AND hubspot_object = $3',
      [connectionId, object, hubspotObject],
    );
    return Number(result.rows[0]?.count ?? 0);
  },
};
