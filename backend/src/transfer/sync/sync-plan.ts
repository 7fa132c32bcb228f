/**
 * What the sync transfers and in which order, from the latest audit's plan and the settings in force:
 * one task per plan object row whose records move (activities per HubSpot object, as the settings remap
 * them), companies → contacts → products → deals → engagements, then `associations`. Pure.
 */
import type { RecordFilter, TransferSettings } from '../../../../shared/src/contracts/index.js';
import type { SourceRecord } from '../../sources/connector.js';
import type { RecordShape } from '../../sources/record-shape.js';
import { sourceIdProperty } from '../mapping/lineage.js';
import type { MappingPlan, PlannedObject } from '../mapping/mapping-plan.js';
import { idOf } from '../mapping/source-values.js';
import { instantOf } from '../mapping/time-values.js';
import { recordDataType } from '../settings/setup-selection.js';

/** The task that counts the associations of every record written. */
export const ASSOCIATIONS_TASK = 'associations';
/** The id-map rebuild step (id-map-rebuild.ts), before the record tasks when the sync creates records. */
export const ID_MAP_TASK = 'id_map';
/** Tasks that are steps of the sync, not records of an object: left out of the record summary. */
export const STEP_TASKS: ReadonlySet<string> = new Set([ID_MAP_TASK, ASSOCIATIONS_TASK]);

const ORDER = ['companies', 'contacts', 'products', 'deals', 'calls', 'meetings', 'tasks', 'emails', 'notes'];

/** How a HubSpot object is written: upsert on the unique source-id property, contacts with adoption, or create. */
export type WriteMode = 'upsert' | 'contacts' | 'create';

export function writeModeOf(hubspotObject: string): WriteMode {
  if (hubspotObject === 'contacts') return 'contacts';
  return hubspotObject === 'companies' || hubspotObject === 'deals' ? 'upsert' : 'create';
}

/** The plan rows whose records the sync writes, in dependency order. */
export function syncRows(plan: MappingPlan, settings: TransferSettings): PlannedObject[] {
  return plan.objects
    .filter((row) => ORDER.includes(row.hubspotObject))
    .filter((row) => {
      const type = recordDataType(row);
      return type === null || settings.dataTypes[type] !== false;
    })
    .sort((a, b) => ORDER.indexOf(a.hubspotObject) - ORDER.indexOf(b.hubspotObject));
}

export const syncTasks = (rows: readonly PlannedObject[]): string[] => [
  ...(rows.some((row) => writeModeOf(row.hubspotObject) === 'create') ? [ID_MAP_TASK] : []),
  ...rows.map((row) => row.key),
  ASSOCIATIONS_TASK,
];

const ENGAGEMENTS = new Set(['calls', 'meetings', 'tasks', 'emails', 'notes']);

/**
 * The mapper's properties ready for the writers: without the source id (the writers add it as their
 * `idProperty`), and an engagement without a date (an activity with no due date) dated when it was
 * added at the source, since HubSpot refuses an engagement without `hs_timestamp`.
 */
export function writableProperties(
  row: PlannedObject,
  record: SourceRecord,
  properties: Record<string, string>,
  shape: RecordShape,
): Record<string, string> {
  // A copy in a loop: a rest pattern with a computed key is several times slower, once per record.
  const sourceId = sourceIdProperty(row);
  const rest: Record<string, string> = {};
  for (const name of Object.keys(properties)) if (name !== sourceId) rest[name] = properties[name] as string;
  if (!ENGAGEMENTS.has(row.hubspotObject) || rest.hs_timestamp) return rest;
  const added = instantOf(shape.createdAt(record));
  if (added) rest.hs_timestamp = added.toISOString();
  return rest;
}

const dayOf = (value: unknown): string | null =>
  typeof value === 'string' && value.length >= 10 ? value.slice(0, 10) : null;

/**
 * Whether a record passes the row's record filter, checked on the record as read (owner, pipeline, created
 * and updated dates). A source's own saved filter (`sourceFilterId`) is not checked here: the source
 * applies it at the read (ReadOptions.filterId).
 */
export function passesFilter(filter: RecordFilter | undefined, record: SourceRecord, shape: RecordShape): boolean {
  if (!filter) return true;
  if (filter.ownerId !== null && idOf(shape.owner(record)) !== filter.ownerId) return false;
  if (filter.pipelineId !== null && idOf(shape.pipeline(record)) !== filter.pipelineId) return false;
  const created = dayOf(shape.createdAt(record));
  if (filter.createdAfter !== null && (created === null || created < filter.createdAfter)) return false;
  const updated = dayOf(shape.updatedAt(record));
  if (filter.updatedAfter !== null && (updated === null || updated < filter.updatedAfter)) return false;
  return true;
}

/**
 * Whether the row's read also takes the source's archived records: Pipedrive's archived deals, when the plan
 * includes them and the settings keep "Archived deals" and the pipelines they go into on (as setup decides).
 */
export function readsArchived(row: PlannedObject, plan: MappingPlan, settings: TransferSettings): boolean {
  const on = (type: 'archived_deals' | 'pipelines') => settings.dataTypes[type] !== false;
  return row.hubspotObject === 'deals' && plan.includeArchivedDeals && on('archived_deals') && on('pipelines');
}
