import type { PreviewAssociation, RecordPreview, SourceId } from '../../../../shared/src/contracts/index.js';
import { SourceReconnectNeeded, type SourceTokens } from '../../auth/source-tokens.service.js';
import type { Db } from '../../db/pool.js';
import { auditsRepository } from '../../db/repositories/audits.repository.js';
import { connectionsRepository } from '../../db/repositories/connections.repository.js';
import { idMapRepository } from '../../db/repositories/id-map.repository.js';
import { mappingPlansRepository } from '../../db/repositories/mapping-plans.repository.js';
import { conflict, notFound } from '../../domain-errors.js';
import {
  SourceAuthError,
  SourceRateLimitError,
  type SourceSession,
  SourceUnavailableError,
} from '../../sources/connector.js';
import type { SourceRegistry } from '../../sources/source-registry.js';
import { mapRecord, rowForRecord, type SourceReference } from '../mapping/record-mapper.js';
import type { ReadSettings } from '../settings/settings.service.js';

/** The connection's saved settings for an audit, or null when the user has not saved any yet. */

/** Reads through the session, turning what the source says into errors the user can act on. */
async function readOne(session: SourceSession, sourceName: string, object: string, id: string) {
  try {
    return await session.readOne(object, id);
  } catch (error) {
    if (error instanceof SourceAuthError || error instanceof SourceReconnectNeeded) {
      throw conflict('reconnect_needed', `${sourceName} no longer accepts Smart Transfer's access. Reconnect it.`);
    }
    if (error instanceof SourceRateLimitError || error instanceof SourceUnavailableError) {
      throw conflict('source_unavailable', `${sourceName} cannot answer right now. Try again in a moment.`);
    }
    throw error;
  }
}

/** Associations with the HubSpot id of each referenced record the id map knows. */
async function withHubSpotIds(
  db: Db,
  connectionId: string,
  references: readonly SourceReference[],
): Promise<PreviewAssociation[]> {
  const known = new Map<string, Map<string, string>>();
  for (const object of new Set(references.map((reference) => reference.sourceObject))) {
    if (object === null) continue;
    const ids = references.filter((reference) => reference.sourceObject === object).map((r) => r.sourceId);
    known.set(object, await idMapRepository.lookup(db, connectionId, object, ids));
  }
  return references.map((reference) => ({
    ...reference,
    hubspotId: (reference.sourceObject && known.get(reference.sourceObject)?.get(reference.sourceId)) ?? null,
  }));
}

/**
 * Record preview: any source record beside the exact HubSpot input the sync would write for it, with
 * the connection's current settings on its latest audit's plan. Reads the source; writes nothing.
 */
export function createRecordPreviewService(deps: {
  db: Db;
  sources: Pick<SourceRegistry, 'connector' | 'nameOf'>;
  sourceTokens: Pick<SourceTokens, 'accessToken'>;
  readSettings: ReadSettings;
}) {
  return {
    async preview(input: { portalId: number; source: SourceId; object: string; id: string }): Promise<RecordPreview> {
      const name = deps.sources.nameOf(input.source);
      const connection = await connectionsRepository.findLive(deps.db, input.portalId, input.source);
      if (connection?.status !== 'connected') throw conflict('not_connected', `Connect ${name} first.`);
      const stored = await mappingPlansRepository.latestForConnection(deps.db, connection.id);
      if (!stored) throw conflict('audit_not_complete', `Run an audit of ${name} first: the preview maps by its plan.`);
      const { plan, auditId } = stored;
      if (!plan.objects.some((row) => row.sourceObject === input.object)) {
        throw notFound('object_not_transferred', `${name} ${input.object} are not part of the transfer.`);
      }
      const settings = await deps.readSettings(input.portalId, input.source);
      const audit = await auditsRepository.findForPortal(deps.db, input.portalId, auditId);
      const session = deps.sources.connector(input.source).session({
        apiDomain: connection.apiDomain,
        accessToken: () => deps.sourceTokens.accessToken(connection.id),
      });
      const record = await readOne(session, name, input.object, input.id);
      if (!record) throw notFound('record_not_found', `${name} has no ${input.object} record ${input.id}.`);
      const row = rowForRecord(plan, settings, input.object, record);
      if (!row) throw notFound('record_not_transferred', `This ${name} record is not part of the transfer.`);
      const mapped = mapRecord({
        row,
        record,
        settings,
        plan,
        context: { timeZone: audit?.result.account.timeZone ?? null, recordLinkBase: connection.apiDomain },
      });
      return {
        source: input.source,
        auditId,
        sourceRecord: { object: input.object, id: record.id, updatedAt: record.updatedAt, values: record.values },
        hubspot: {
          objectKey: mapped.objectKey,
          objectType: mapped.hubspotObject,
          properties: mapped.properties,
          associations: await withHubSpotIds(deps.db, connection.id, mapped.associations),
          pending: mapped.pending,
          additionalEmails: mapped.additionalEmails,
          warnings: mapped.warnings,
        },
      };
    },
  };
}
export type RecordPreviewService = ReturnType<typeof createRecordPreviewService>;
