import type {
  SettingsResponse,
  SourceId,
  TransferSettings,
  UpdateSettingsRequest,
} from '../../../../shared/src/contracts/index.js';
import type { AuditResult } from '../../../../shared/src/contracts/index.js';
import type { Db } from '../../db/pool.js';
import { auditsRepository } from '../../db/repositories/audits.repository.js';
import { type Connection, connectionsRepository } from '../../db/repositories/connections.repository.js';
import { mappingPlansRepository } from '../../db/repositories/mapping-plans.repository.js';
import { settingsRepository } from '../../db/repositories/settings.repository.js';
import { conflict, invalid } from '../../domain-errors.js';
import type { HubSpotApi } from '../../hubspot/hubspot-api.js';
import type { SourceRegistry } from '../../sources/source-registry.js';
import type { MappingPlan } from '../mapping/mapping-plan.js';
import { carryOver } from './carry-over.js';
import { dataTypeLocks } from './data-type-locks.js';
import { planDefaults } from './plan-defaults.js';
import { setupReadiness } from './setup-readiness.js';
import { type SetupSelection, setupSelection } from './setup-selection.js';
import { toSettingsError } from './source-errors.js';
import { existingPropertyObjects, type PortalFacts, settingsProblems } from './validate-settings.js';

/** The connection's settings in force on its latest audit (saved, carried over, or the plan's defaults). */
export type ReadSettings = (portalId: number, source: SourceId) => Promise<TransferSettings>;

/** What settings are made on: the connection, its latest audit's plan and that audit's result. */
export interface SettingsBasis {
  portalId: number;
  connection: Connection;
  auditId: string;
  plan: MappingPlan;
  audit: AuditResult;
}

/** The settings in force and how they came about. */
interface CurrentSettings {
  settings: TransferSettings;
  saved: boolean;
  carriedOverFrom: string | null;
  changes: SettingsResponse['changes'];
  /** The stored row's revision (null: nothing saved yet), for a save that must not overwrite another. */
  revision: number | null;
}

/**
 * Transfer settings per connection: read (saved, carried over from an older audit, or the plan's
 * defaults), replaced or updated after validation against the latest plan and the portal's live
 * properties and owners, and turned into the setup selection.
 */
export function createSettingsService(deps: {
  db: Db;
  hubspot: Pick<HubSpotApi, 'forPortal'>;
  sources: Pick<SourceRegistry, 'nameOf'>;
}) {
  async function basis(portalId: number, source: SourceId): Promise<SettingsBasis> {
    const name = deps.sources.nameOf(source);
    const connection = await connectionsRepository.findLive(deps.db, portalId, source);
    if (!connection) throw conflict('not_connected', `Connect ${name} first.`);
    const latest = await mappingPlansRepository.latestForConnection(deps.db, connection.id);
    const audit = latest ? await auditsRepository.findForPortal(deps.db, portalId, latest.auditId) : null;
    if (!latest || !audit)
      throw conflict('no_audit', `Run an audit of ${name} first: settings are made on its results.`);
    return { portalId, connection, auditId: latest.auditId, plan: latest.plan, audit: audit.result };
  }

  async function current(base: SettingsBasis): Promise<CurrentSettings> {
    const stored = await settingsRepository.find(deps.db, base.connection.id);
    if (stored?.settings.auditId === base.auditId)
      return { settings: stored.settings, saved: true, carriedOverFrom: null, changes: [], revision: stored.revision };
    if (stored) {
      const carried = carryOver(stored, { auditId: base.auditId, plan: base.plan, currencies: base.audit.currencies });
      return { ...carried, saved: false, carriedOverFrom: stored.settings.auditId, revision: stored.revision };
    }
    const settings = planDefaults(base.plan, base.audit.currencies, base.auditId);
    return { settings, saved: false, carriedOverFrom: null, changes: [], revision: null };
  }

  function respond(base: SettingsBasis, state: Omit<CurrentSettings, 'revision'>): SettingsResponse {
    return {
      settings: state.settings,
      saved: state.saved,
      carriedOverFrom: state.carriedOverFrom,
      changes: state.changes,
      locks: dataTypeLocks(base.plan, base.audit.currencies, state.settings),
      readiness: setupReadiness(state.settings, base.audit.currencies),
    };
  }

  /** The portal's live properties (only of objects the settings map onto existing ones) and owners. */
  async function portalFacts(base: SettingsBasis, settings: TransferSettings): Promise<PortalFacts> {
    const portal = deps.hubspot.forPortal(base.portalId);
    const objects = existingPropertyObjects(base.plan, settings);
    const needsOwners = settings.defaultOwnerId !== null || Object.keys(settings.ownerOverrides).length > 0;
    const [lists, owners] = await Promise.all([
      Promise.all(objects.map((object) => portal.properties(object))),
      needsOwners ? portal.owners() : Promise.resolve([]),
    ]);
    return {
      properties: Object.fromEntries(objects.map((object, index) => [object, lists[index] ?? []])),
      ownerIds: new Set(owners.map((owner) => owner.id)),
    };
  }

  /** Validates and saves settings read at `revision`; refused whole when another save came in between. */
  async function save(
    base: SettingsBasis,
    settings: TransferSettings,
    revision: number | null,
  ): Promise<SettingsResponse> {
    if (settings.auditId !== base.auditId)
      throw conflict(
        'settings_stale',
        'These settings were made on an older audit. Read them again (they are carried over to the latest audit), then save.',
        { auditId: settings.auditId, latestAuditId: base.auditId },
      );
    const context = { plan: base.plan, currencies: base.audit.currencies };
    const portal = await portalFacts(base, settings).catch((error: unknown) => {
      throw toSettingsError(error, deps.sources.nameOf(base.connection.source));
    });
    const problems = settingsProblems(context, settings, portal);
    if (problems.length > 0)
      throw invalid('invalid_settings', 'Some settings can’t be saved; nothing was changed.', problems);
    const connectionId = base.connection.id;
    if (!(await settingsRepository.save(deps.db, { connectionId, portalId: base.portalId, settings, revision })))
      throw conflict(
        'settings_changed',
        'These settings were changed meanwhile (another tab?). Read them again, then save.',
      );
    return respond(base, { settings, saved: true, carriedOverFrom: null, changes: [] });
  }

  return {
    basis,
    current,

    /** The settings in force on the latest audit, as the sync and the record preview apply them. */
    async inForce(portalId: number, source: SourceId): Promise<TransferSettings> {
      return (await current(await basis(portalId, source))).settings;
    },

    async get(portalId: number, source: SourceId): Promise<SettingsResponse> {
      const base = await basis(portalId, source);
      return respond(base, await current(base));
    },

    async replace(portalId: number, source: SourceId, settings: TransferSettings): Promise<SettingsResponse> {
      const base = await basis(portalId, source);
      return save(base, settings, (await current(base)).revision);
    },

    /** Changes some settings: `fields` and `recordFilters` merge per object, `dataTypes` per type, the rest replaces. */
    async update(portalId: number, source: SourceId, patch: UpdateSettingsRequest): Promise<SettingsResponse> {
      const base = await basis(portalId, source);
      const { settings, revision } = await current(base);
      const fields = { ...settings.fields };
      for (const [key, choices] of Object.entries(patch.fields ?? {})) fields[key] = { ...fields[key], ...choices };
      const merged: TransferSettings = {
        ...settings,
        ...patch,
        dataTypes: { ...settings.dataTypes, ...patch.dataTypes },
        fields,
        recordFilters: { ...settings.recordFilters, ...patch.recordFilters },
      };
      return save(base, merged, revision);
    },

    /** What setup would create or reuse with the settings in force, and whether it may run yet. */
    async selection(
      portalId: number,
      source: SourceId,
    ): Promise<{ selection: SetupSelection; readiness: SettingsResponse['readiness'] }> {
      const base = await basis(portalId, source);
      const { settings } = await current(base);
      return {
        selection: setupSelection(base.plan, settings),
        readiness: setupReadiness(settings, base.audit.currencies),
      };
    },
  };
}
export type SettingsService = ReturnType<typeof createSettingsService>;
