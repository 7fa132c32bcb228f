import type { Queryable } from '../pool.js';

/** A source record's name as HubSpot shows it (see migrations/0012_sync_values.sql). */
export interface SourceRecordName {
  object: string;
  sourceId: string;
  name: string;
}

export const sourceRecordNamesRepository = {
  /** Records (or renames) source records' names; unique per connection, object and source id. */
  async upsert(db: Queryable, connectionId: string, names: readonly SourceRecordName[]): Promise<void> {
    if (names.length === 0) return;
    await db.query(
      `INSERT INTO source_record_names (connection_id, object, source_id, name)
       SELECT $1, n.object, n.source_id, n.name FROM unnest($2::text[], $3::text[], $4::text[]) AS n (object, source_id, name)
       ON CONFLICT (connection_id, object, source_id) DO UPDATE SET name = excluded.name, updated_at = now()`,
      [connectionId, names.map((n) => n.object), names.map((n) => n.sourceId), names.map((n) => n.name)],
    );
  },

  /** The names of the given records (`object/sourceId` keys; those never read are absent). */
  async lookup(
    db: Queryable,
    connectionId: string,
    records: readonly { object: string; sourceId: string }[],
  ): Promise<Map<string, string>> {
    if (records.length === 0) return new Map();
    const result = await db.query<{ object: string; source_id: string; name: string }>(
      `SELECT n.object, n.source_id, n.name FROM source_record_names n
         JOIN unnest($2::text[], $3::text[]) AS r (object, source_id) ON r.object = n.object AND r.source_id = n.source_id
        WHERE n.connection_id = $1`,
      [connectionId, records.map((r) => r.object), records.map((r) => r.sourceId)],
    );
    return new Map(result.rows.map((row) => [`${row.object}/${row.source_id}`, row.name]));
  },
};
