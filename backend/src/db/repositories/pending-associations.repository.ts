import type {
  AssociationLabel,
  AssociationPair,
  AssociationSkipReason,
} from '../../transfer/sync/association-writer.js';
import type { Queryable } from '../pool.js';

/** What one v4 call writes: pairs between two objects, each with its association types. */
export interface AssociationKind {
  fromType: string;
  toType: string;
}

/** A pair kept for a later call (migrations/0013_pending_associations.sql). */
export interface PendingAssociation {
  id: string;
  pair: AssociationPair;
}

interface Row {
  id: string;
  from_type: string;
  to_type: string;
  type_category: AssociationLabel['category'] | null;
  type_id: number | null;
  is_primary: boolean;
  from_source_id: string;
  to_source_id: string;
  from_id: string | null;
  to_id: string | null;
  skip_reason: AssociationSkipReason | null;
}

const COLUMNS = `id, from_type, to_type, type_category, type_id, is_primary, from_source_id, to_source_id, from_id, to_id,
  skip_reason`;
/** Pairs a call writes (the partial index pending_associations_to_write_idx); the others need no call. */
const TO_WRITE = 'skip_reason IS NULL AND from_id IS NOT NULL AND to_id IS NOT NULL';

const labelOfRow = (row: Pick<Row, 'type_category' | 'type_id'>): AssociationLabel | null =>
  row.type_category === null || row.type_id === null ? null : { category: row.type_category, typeId: row.type_id };

function pendingOf(row: Row): PendingAssociation {
  const label = labelOfRow(row);
  return {
    id: row.id,
    pair: {
      fromType: row.from_type,
      toType: row.to_type,
      fromSourceId: row.from_source_id,
      toSourceId: row.to_source_id,
      fromId: row.from_id,
      toId: row.to_id,
      ...(row.is_primary ? { primary: true } : label ? { label } : {}),
      ...(row.skip_reason ? { skip: row.skip_reason } : {}),
    },
  };
}

export const pendingAssociationsRepository = {
  /** Keeps a batch's pairs, each with the association type it is written with (`label`, null: the default). */
  async add(
    db: Queryable,
    transferId: string,
    pairs: readonly { pair: AssociationPair; label: AssociationLabel | null }[],
  ): Promise<void> {
    if (pairs.length === 0) return;
    const column = <T>(value: (entry: { pair: AssociationPair; label: AssociationLabel | null }) => T) =>
      pairs.map(value);
    await db.query(
      `INSERT INTO pending_associations (transfer_id, from_type, to_type, type_category, type_id, is_primary,
         from_source_id, to_source_id, from_id, to_id, skip_reason)
       SELECT $1, * FROM unnest($2::text[], $3::text[], $4::text[], $5::int[], $6::boolean[], $7::text[], $8::text[],
         $9::text[], $10::text[], $11::text[])`,
      [
        transferId,
        column((e) => e.pair.fromType),
        column((e) => e.pair.toType),
        column((e) => e.label?.category ?? null),
        column((e) => e.label?.typeId ?? null),
        column((e) => e.pair.primary === true),
        column((e) => e.pair.fromSourceId),
        column((e) => e.pair.toSourceId),
        column((e) => e.pair.fromId),
        column((e) => e.pair.toId),
        column((e) => e.pair.skip ?? null),
      ],
    );
  },

  /** The kinds holding at least `atLeast` distinct pairs of records to write (of one from object, or of all). */
  async kindsToWrite(
    db: Queryable,
    transferId: string,
    options: { atLeast: number; fromType?: string },
  ): Promise<AssociationKind[]> {
    const result = await db.query<Pick<Row, 'from_type' | 'to_type'>>(
      `SELECT from_type, to_type FROM pending_associations
        WHERE transfer_id = $1 AND ($2::text IS NULL OR from_type = $2) AND ${TO_WRITE}
        GROUP BY from_type, to_type HAVING count(DISTINCT (from_id, to_id)) >= $3
        ORDER BY from_type, to_type`,
      [transferId, options.fromType ?? null, options.atLeast],
    );
    return result.rows.map((row) => ({ fromType: row.from_type, toType: row.to_type }));
  },

  /**
   * The oldest `limit` distinct pairs of records of a kind to write, each with every kept copy of it (a batch
   * may name one link twice, or with two types: an activity's person who is also its participant, a Primary
   * company also named by a labelled field): one call's inputs.
   */
  async toWrite(
    db: Queryable,
    transferId: string,
    kind: AssociationKind,
    limit: number,
  ): Promise<PendingAssociation[]> {
    const result = await db.query<Row>(
      `WITH kind AS (
         SELECT * FROM pending_associations
          WHERE transfer_id = $1 AND from_type = $2 AND to_type = $3 AND ${TO_WRITE}
       ), chosen AS (
         SELECT from_id, to_id FROM kind GROUP BY from_id, to_id ORDER BY min(id) LIMIT $4
       )
       SELECT ${COLUMNS} FROM kind JOIN chosen USING (from_id, to_id) ORDER BY id`,
      [transferId, kind.fromType, kind.toType, limit],
    );
    return result.rows.map(pendingOf);
  },

  /** The oldest `limit` pairs that need no call (an end skipped or not in HubSpot): only their outcome is left. */
  async settled(db: Queryable, transferId: string, limit: number): Promise<PendingAssociation[]> {
    const result = await db.query<Row>(
      `SELECT ${COLUMNS} FROM pending_associations
        WHERE transfer_id = $1 AND (skip_reason IS NOT NULL OR from_id IS NULL OR to_id IS NULL)
        ORDER BY id LIMIT $2`,
      [transferId, limit],
    );
    return result.rows.map(pendingOf);
  },

  /** Removes pairs whose outcome is counted; the ids it removed (another commit may have taken some). */
  async remove(db: Queryable, ids: readonly string[]): Promise<Set<string>> {
    if (ids.length === 0) return new Set();
    const result = await db.query<{ id: string }>(
      'DELETE FROM pending_associations WHERE id = ANY($1::bigint[]) RETURNING id',
      [ids],
    );
    return new Set(result.rows.map((row) => row.id));
  },
};
