/**
 * The id-map rebuild step: products and engagements are created (HubSpot allows no unique property on
 * them), so a lost or partial id map (e.g. restored from an old backup) would make the create writer
 * write them again. Before the record tasks, this step finds what HubSpot already holds by the source-id
 * property and fills the id map, so the writers update those records instead.
 *
 * Cheap when nothing is lost: one search per created object asks how many HubSpot records carry the
 * source-id property (`total`, limit 1); only when HubSpot holds more than the id map knows does it page
 * through them. A first sync on an empty portal pays one search per object. Search runs on its own limit
 * (the client's limiter), off the record tasks' hot path.
 */
import type { Db } from '../../db/pool.js';
import { idMapRepository } from '../../db/repositories/id-map.repository.js';
import type { HubSpotPortalApi, HubSpotSearchPage } from '../../hubspot/hubspot-api.js';
import type { TransferRun } from '../../jobs/transfer-run.js';
import { sourceIdProperty } from '../mapping/lineage.js';
import type { PlannedObject } from '../mapping/mapping-plan.js';
import type { BatchRecord } from './batch-sender.js';
import { ID_MAP_TASK, writeModeOf } from './sync-plan.js';

const SEARCH_PAGE = 200;

/** One kind of created record: source object → HubSpot object, found by its source-id property. */
interface CreatedKind {
  sourceObject: string;
  hubspotObject: string;
  idProperty: string;
}

/** The created kinds of the rows, each once (several activity rows may write into one HubSpot object). */
export function createdKinds(rows: readonly PlannedObject[]): CreatedKind[] {
  const kinds = new Map<string, CreatedKind>();
  for (const row of rows) {
    if (writeModeOf(row.hubspotObject) !== 'create') continue;
    const kind = {
      sourceObject: row.sourceObject,
      hubspotObject: row.hubspotObject,
      idProperty: sourceIdProperty(row),
    };
    kinds.set(`${kind.sourceObject}>${kind.hubspotObject}>${kind.idProperty}`, kind);
  }
  return [...kinds.values()];
}

const holders = (kind: CreatedKind, afterId: string | null) => ({
  filterGroups: [
    {
      filters: [
        { propertyName: kind.idProperty, operator: 'HAS_PROPERTY' },
        // Paging by id instead of `after`: HubSpot's search pages no further than 10,000 results.
        ...(afterId === null ? [] : [{ propertyName: 'hs_object_id', operator: 'GT', value: afterId }]),
      ],
    },
  ],
  properties: [kind.idProperty],
  sorts: [{ propertyName: 'hs_object_id', direction: 'ASCENDING' }],
});

/** Pages through the HubSpot records holding the kind's source-id property; maps the ones the id map lacks. */
async function rebuildKind(
  deps: { db: Db; api: Pick<HubSpotPortalApi, 'search'>; transfer: TransferRun },
  kind: CreatedKind,
): Promise<void> {
  const { connectionId } = deps.transfer.transfer;
  let afterId: string | null = null;
  for (;;) {
    const page: HubSpotSearchPage<BatchRecord> = await deps.api.search<BatchRecord>(kind.hubspotObject, {
      ...holders(kind, afterId),
      limit: SEARCH_PAGE,
    });
    // Ascending ids: the first record holding a source id is the oldest, the one an earlier sync created.
    const bySource = new Map<string, string>();
    for (const record of page.results) {
      const sourceId = record.properties[kind.idProperty];
      if (sourceId && !bySource.has(sourceId)) bySource.set(sourceId, record.id);
    }
    const known = await idMapRepository.lookup(deps.db, connectionId, kind.sourceObject, [...bySource.keys()]);
    const missing = [...bySource].filter(([sourceId]) => !known.has(sourceId));
    await deps.transfer.commit(async (tx) => {
      await tx.mapIds(
        missing.map(([sourceId, hubspotId]) => ({
          object: kind.sourceObject,
          sourceId,
          hubspotObject: kind.hubspotObject,
          hubspotId,
        })),
      );
      await tx.advance(ID_MAP_TASK, { cursor: null, counts: { read: page.results.length, updated: missing.length } });
    });
    const last = page.results.at(-1);
    if (!last || page.results.length < SEARCH_PAGE) return;
    afterId = last.id;
  }
}

/**
 * Runs the step: for each created kind whose HubSpot count exceeds the id map's, maps what HubSpot holds.
 * Idempotent (only missing rows are added), so an interrupted step simply runs again.
 */
export async function rebuildIdMap(deps: {
  db: Db;
  api: Pick<HubSpotPortalApi, 'search'>;
  transfer: TransferRun;
  rows: readonly PlannedObject[];
}): Promise<void> {
  const { connectionId } = deps.transfer.transfer;
  for (const kind of createdKinds(deps.rows)) {
    const probe = await deps.api.search<BatchRecord>(kind.hubspotObject, { ...holders(kind, null), limit: 1 });
    const inHubSpot = probe.total ?? probe.results.length;
    const mapped = await idMapRepository.count(deps.db, connectionId, kind.sourceObject, kind.hubspotObject);
    if (inHubSpot > mapped) await rebuildKind(deps, kind);
  }
  await deps.transfer.commit((tx) => tx.advance(ID_MAP_TASK, { cursor: null, done: true }));
}
