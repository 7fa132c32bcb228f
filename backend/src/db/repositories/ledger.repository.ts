import type { Queryable } from '../pool.js';

/** created: we made it; reused: it existed and we adopted it; changed: it existed and we wrote to it. */
export type LedgerAction = 'created' | 'reused' | 'changed';

/** A HubSpot item a transfer is about to create, reuse or change (its key is deterministic). */
export interface LedgerIntent {
  /** What the item is: a record, a property, a pipeline, a workflow, a currency… */
  itemType: string;
  /** The HubSpot object it belongs to (contacts, deals…), null for items of the account. */
  hubspotObject: string | null;
  /** Our deterministic key for it: the source id of a record, the name of a property… */
  itemKey: string;
  action: LedgerAction;
  /** What the item held before we wrote to it (reused or changed), for revert to restore. */
  previousValues?: Record<string, unknown> | null;
  /** HubSpot's objectWriteTraceId of the input, to reconcile a batch interrupted by a crash. */
  writeTraceId?: string | null;
}

export interface LedgerEntry extends Required<LedgerIntent> {
  id: number;
  transferId: string;
  state: 'intended' | 'confirmed';
  hubspotId: string | null;
}

interface LedgerRow {
  id: string;
  transfer_id: string;
  item_type: string;
  hubspot_object: string | null;
  item_key: string;
  action: LedgerAction;
  state: 'intended' | 'confirmed';
  hubspot_id: string | null;
  previous_values: Record<string, unknown> | null;
  write_trace_id: string | null;
}

const fromRow = (row: LedgerRow): LedgerEntry => ({
  id: Number(row.id),
  transferId: row.transfer_id,
  itemType: row.item_type,
  hubspotObject: row.hubspot_object,
  itemKey: row.item_key,
  action: row.action,
  state: row.state,
  hubspotId: row.hubspot_id,
  previousValues: row.previous_values,
  writeTraceId: row.write_trace_id,
});

const column = <I extends LedgerIntent, T>(items: readonly I[], pick: (item: I) => T) => items.map(pick);

/** The unnest columns of intents: item type, HubSpot object, key, action, previous values, trace id. */
const intentColumns = (items: readonly LedgerIntent[]) => [
  column(items, (i) => i.itemType),
  column(items, (i) => i.hubspotObject),
  column(items, (i) => i.itemKey),
  column(items, (i) => i.action),
  column(items, (i) => (i.previousValues ? JSON.stringify(i.previousValues) : null)),
  column(items, (i) => i.writeTraceId ?? null),
];

export const ledgerRepository = {
  /**
   * Writes intents before the HubSpot call. An item already in the ledger keeps its first row (and so the
   * values it had before the transfer first touched it).
   */
  async intend(
    db: Queryable,
    input: { transferId: string; connectionId: string; items: readonly LedgerIntent[] },
  ): Promise<void> {
    if (input.items.length === 0) return;
    const { items } = input;
    await db.query(
      `INSERT INTO ledger_entries (transfer_id, connection_id, item_type, hubspot_object, item_key, action, previous_values, write_trace_id)
       SELECT $1, $2, i.item_type, i.hubspot_object, i.item_key, i.action, i.previous_values, i.write_trace_id
       FROM unnest($3::text[], $4::text[], $5::text[], $6::text[], $7::jsonb[], $8::text[])
         AS i (item_type, hubspot_object, item_key, action, previous_values, write_trace_id)
       ON CONFLICT ON CONSTRAINT ledger_entries_item_key DO NOTHING`,
      [input.transferId, input.connectionId, ...intentColumns(items)],
    );
  },

  /** HubSpot acknowledged the items: their ids are recorded and the intents confirmed. */
  async confirm(
    db: Queryable,
    input: {
      transferId: string;
      items: readonly { itemType: string; hubspotObject: string | null; itemKey: string; hubspotId: string }[];
    },
  ): Promise<void> {
    if (input.items.length === 0) return;
    const { items } = input;
    await db.query(
      `UPDATE ledger_entries l SET state = 'confirmed', hubspot_id = c.hubspot_id, confirmed_at = coalesce(l.confirmed_at, now())
       FROM unnest($2::text[], $3::text[], $4::text[], $5::text[]) AS c (item_type, hubspot_object, item_key, hubspot_id)
       WHERE l.transfer_id = $1 AND l.item_type = c.item_type AND l.hubspot_object IS NOT DISTINCT FROM c.hubspot_object
         AND l.item_key = c.item_key`,
      [
        input.transferId,
        items.map((i) => i.itemType),
        items.map((i) => i.hubspotObject),
        items.map((i) => i.itemKey),
        items.map((i) => i.hubspotId),
      ],
    );
  },

  /**
   * HubSpot acknowledged these items, written in one statement: an intent written before the call (and
   * the values it kept) is confirmed, an item without one is written confirmed.
   */
  async confirmWritten(
    db: Queryable,
    input: { transferId: string; connectionId: string; items: readonly (LedgerIntent & { hubspotId: string })[] },
  ): Promise<void> {
    if (input.items.length === 0) return;
    const { items } = input;
    await db.query(
      `INSERT INTO ledger_entries AS l (transfer_id, connection_id, item_type, hubspot_object, item_key, action,
         previous_values, write_trace_id, state, hubspot_id, confirmed_at)
       SELECT $1, $2, i.item_type, i.hubspot_object, i.item_key, i.action, i.previous_values, i.write_trace_id,
         'confirmed', i.hubspot_id, now()
       FROM unnest($3::text[], $4::text[], $5::text[], $6::text[], $7::jsonb[], $8::text[], $9::text[])
         AS i (item_type, hubspot_object, item_key, action, previous_values, write_trace_id, hubspot_id)
       ON CONFLICT ON CONSTRAINT ledger_entries_item_key DO UPDATE
         SET state = 'confirmed', hubspot_id = excluded.hubspot_id, confirmed_at = coalesce(l.confirmed_at, now())`,
      [input.transferId, input.connectionId, ...intentColumns(items), column(items, (i) => i.hubspotId)],
    );
  },

  /** HubSpot refused these items: their intents go, so the ledger holds only what exists in HubSpot. */
  async discard(
    db: Queryable,
    input: {
      transferId: string;
      items: readonly { itemType: string; hubspotObject: string | null; itemKey: string }[];
    },
  ): Promise<void> {
    if (input.items.length === 0) return;
    const { items } = input;
    await db.query(
      `DELETE FROM ledger_entries l
       USING unnest($2::text[], $3::text[], $4::text[]) AS d (item_type, hubspot_object, item_key)
       WHERE l.transfer_id = $1 AND l.state = 'intended' AND l.item_type = d.item_type
         AND l.hubspot_object IS NOT DISTINCT FROM d.hubspot_object AND l.item_key = d.item_key`,
      [input.transferId, items.map((i) => i.itemType), items.map((i) => i.hubspotObject), items.map((i) => i.itemKey)],
    );
  },

  /** Intents never confirmed: the in-flight batch a restarted worker reconciles before retrying. */
  async unconfirmed(db: Queryable, transferId: string): Promise<LedgerEntry[]> {
    const result = await db.query<LedgerRow>(
      `SELECT * FROM ledger_entries WHERE transfer_id = $1 AND state = 'intended' ORDER BY id`,
      [transferId],
    );
    return result.rows.map(fromRow);
  },

  /**
   * Which of these HubSpot records transfers of the connection created, and which they only adopted or
   * changed (someone else's records), as confirmed in the ledger.
   */
  async recordedRecords(
    db: Queryable,
    input: { connectionId: string; hubspotObject: string; hubspotIds: readonly string[] },
  ): Promise<{ created: Set<string>; theirs: Set<string> }> {
    const recorded = { created: new Set<string>(), theirs: new Set<string>() };
    if (input.hubspotIds.length === 0) return recorded;
    const result = await db.query<{ hubspot_id: string; action: LedgerAction }>(
      `SELECT DISTINCT hubspot_id, action FROM ledger_entries
        WHERE connection_id = $1 AND item_type = 'record' AND hubspot_object = $2 AND hubspot_id = ANY($3::text[])
          AND state = 'confirmed'`,
      [input.connectionId, input.hubspotObject, input.hubspotIds],
    );
    for (const row of result.rows) recorded[row.action === 'created' ? 'created' : 'theirs'].add(row.hubspot_id);
    return recorded;
  },

  async forTransfer(db: Queryable, transferId: string): Promise<LedgerEntry[]> {
    const result = await db.query<LedgerRow>('SELECT * FROM ledger_entries WHERE transfer_id = $1 ORDER BY id', [
      transferId,
    ]);
    return result.rows.map(fromRow);
  },
};
