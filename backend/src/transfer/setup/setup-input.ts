import type { TransferSettings } from '../../../../shared/src/contracts/index.js';
import type { Db } from '../../db/pool.js';
import { mappingPlansRepository } from '../../db/repositories/mapping-plans.repository.js';
import { conflict } from '../../domain-errors.js';
import { recordShapeOf } from '../../sources/record-shapes.js';
import type { SourceRegistry } from '../../sources/source-registry.js';
import type { MappingPlan } from '../mapping/mapping-plan.js';
import { defaultSettings } from '../settings/default-settings.js';
import { type SetupItem, setupItems } from './setup-items.js';
import type { SetupSelection } from './setup-selection-shape.js';

/** The settings stored for a connection (the settings repository), or null when the user saved none yet. */
export type LoadSettings = (db: Db, connectionId: string) => Promise<TransferSettings | null>;
/** `setupSelection(plan, settings)` (transfer/settings/setup-selection.ts). */
export type SelectSetup = (plan: MappingPlan, settings: TransferSettings) => SetupSelection;

export interface SetupInputDeps {
  db: Db;
  sources: Pick<SourceRegistry, 'nameOf'>;
  loadSettings: LoadSettings;
  select: SelectSetup;
}

/**
 * What setup creates for a connection now: the selection its settings make on its latest audit's plan
 * (the defaults when no settings are stored), as setup items.
 */
export async function setupItemsFor(deps: SetupInputDeps, connectionId: string): Promise<SetupItem[]> {
  const latest = await mappingPlansRepository.latestForConnection(deps.db, connectionId);
  if (!latest) throw conflict('no_audit', 'Run an audit first: setup prepares HubSpot for what the audit found.');
  const settings = (await deps.loadSettings(deps.db, connectionId)) ?? defaultSettings(latest.auditId);
  const { source } = latest.plan;
  return setupItems(deps.select(latest.plan, settings), deps.sources.nameOf(source), recordShapeOf(source).fields);
}
