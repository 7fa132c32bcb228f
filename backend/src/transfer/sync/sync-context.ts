/**
 * What every task of a sync reads once: the plan and settings in force, the source account's time zone,
 * and the HubSpot ids of what setup created (pipelines and stages under lineage.ts's keys, custom
 * association labels), from setup's ledger rows.
 */
import type { TransferSettings } from '../../../../shared/src/contracts/index.js';
import type { Db } from '../../db/pool.js';
import { auditsRepository } from '../../db/repositories/audits.repository.js';
import { mappingPlansRepository } from '../../db/repositories/mapping-plans.repository.js';
import { FatalJobError } from '../../jobs/job-errors.js';
import { pipelineItemKey, stageItemKey } from '../mapping/lineage.js';
import type { MappingPlan } from '../mapping/mapping-plan.js';

export interface SyncContext {
  plan: MappingPlan;
  settings: TransferSettings;
  timeZone: string | null;
  pipelineIds: Map<string, string>;
  /** `<from>/<to>/<name>` → HubSpot association type id. */
  labels: Map<string, number>;
}

/** Setup ledger keys → lineage keys: pipeline `<p>` → `pipeline:<p>`, stage `<p>/<s>` → `stage:<p>:<s>`. */
export async function setupIds(db: Db, connectionId: string) {
  const { rows } = await db.query<{
    item_type: string;
    hubspot_object: string | null;
    item_key: string;
    hubspot_id: string;
  }>(
    `SELECT DISTINCT ON (l.item_type, l.hubspot_object, l.item_key) l.item_type, l.hubspot_object, l.item_key, l.hubspot_id
       FROM ledger_entries l JOIN transfers t ON t.id = l.transfer_id
      WHERE l.connection_id = $1 AND t.kind = 'setup' AND l.state = 'confirmed'
        AND l.item_type IN ('pipeline', 'pipeline_stage', 'association_label')
      ORDER BY l.item_type, l.hubspot_object, l.item_key, l.confirmed_at DESC`,
    [connectionId],
  );
  const pipelineIds = new Map<string, string>();
  const labels = new Map<string, number>();
  for (const row of rows) {
    if (row.item_type === 'pipeline') pipelineIds.set(pipelineItemKey(row.item_key), row.hubspot_id);
    else if (row.item_type === 'pipeline_stage') {
      const [pipeline, stage] = row.item_key.split('/');
      if (pipeline && stage) pipelineIds.set(stageItemKey(pipeline, stage), row.hubspot_id);
    } else labels.set(`${row.hubspot_object}/${row.item_key}`, Number(row.hubspot_id));
  }
  return { pipelineIds, labels };
}

export async function loadSyncContext(
  db: Db,
  input: { portalId: number; connectionId: string; settings: TransferSettings },
): Promise<SyncContext> {
  const latest = await mappingPlansRepository.latestForConnection(db, input.connectionId);
  if (!latest) throw new FatalJobError('Run an audit and prepare HubSpot before the sync.');
  const audit = await auditsRepository.findForPortal(db, input.portalId, latest.auditId);
  return {
    plan: latest.plan,
    settings: input.settings,
    timeZone: audit?.result.account.timeZone ?? null,
    ...(await setupIds(db, input.connectionId)),
  };
}
