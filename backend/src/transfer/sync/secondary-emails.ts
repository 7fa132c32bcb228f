/**
 * The opt-in `addSecondaryEmails` (by default a person's other addresses are in the "Other e-mails"
 * property instead, written with the contact: mapping/other-emails.ts). When opted in, they become the
 * contact's secondary e-mails: HubSpot takes them only through its secondary-email API,
 * one address per call, with no batch form (`hs_additional_emails` is read-only). So the contacts task
 * queues them in Postgres in its batch commit, and after the record tasks this step adds them, 100 queued
 * addresses at a time: one batch read of those contacts' current addresses (so nothing is sent twice,
 * also after a crash), then one call per address they lack. Per-record calls stay off the hot path and
 * cost only people who have other addresses. A changed contact is in the ledger with the addresses it
 * had, so revert can restore them; an address HubSpot refuses is a record error of the person.
 */
import type { Queryable } from '../../db/pool.js';
import { ledgerRepository } from '../../db/repositories/ledger.repository.js';
import { type SecondaryEmail, secondaryEmailsRepository } from '../../db/repositories/secondary-emails.repository.js';
import type { HubSpotPortalApi } from '../../hubspot/hubspot-api.js';
import { HubSpotApiError } from '../../hubspot/hubspot-errors.js';
import type { TransferRun } from '../../jobs/transfer-run.js';
import type { PlannedObject } from '../mapping/mapping-plan.js';
import type { BatchRecord } from './batch-sender.js';
import { ownError, type RecordError } from './record-outcome.js';
import { type MappedRecord, type SyncOutcome, toStoredError } from './sync-records.js';

const CHUNK = 100;
const PROPERTY = 'hs_additional_emails';

/** In a contacts batch's commit: the written persons' other addresses, for the contact each became. */
export async function queueSecondaryEmails(
  db: Queryable,
  connectionId: string,
  row: PlannedObject,
  batch: readonly MappedRecord[],
  outcomes: readonly SyncOutcome[],
): Promise<void> {
  if (row.hubspotObject !== 'contacts') return;
  const contactOf = new Map(outcomes.flatMap((o) => (o.outcome === 'failed' ? [] : [[o.sourceId, o.hubspotId]])));
  await secondaryEmailsRepository.queue(
    db,
    connectionId,
    batch.flatMap((mapped) => {
      const hubspotId = contactOf.get(mapped.record.id);
      return hubspotId === undefined
        ? []
        : mapped.input.additionalEmails.map((email) => ({
            object: row.key,
            sourceId: mapped.record.id,
            email,
            hubspotId,
          }));
    }),
  );
}

export interface SecondaryEmailsDeps {
  db: Queryable;
  connectionId: string;
  api: Pick<HubSpotPortalApi, 'batch' | 'secondaryEmails'>;
  run: Pick<TransferRun, 'commit' | 'transfer'>;
  stopRequested: () => Promise<boolean>;
}

const HINTS: Record<string, string> = {
  CONFLICT:
    'Another HubSpot contact holds this address: merge the two contacts in HubSpot, or remove the address from one person in the source.',
  VALIDATION_ERROR: 'Correct the e-mail address in the source record, then sync again.',
  OBJECT_NOT_FOUND: 'The HubSpot contact was deleted while the sync ran; sync again to write it anew.',
};

const addressesOf = (record: BatchRecord | undefined): Set<string> =>
  new Set(
    [record?.properties['email'] ?? '', ...(record?.properties[PROPERTY] ?? '').split(';')]
      .map((email) => email.trim().toLowerCase())
      .filter((email) => email !== ''),
  );

/** Adds every queued address HubSpot does not hold yet; 'stopped' when the user paused or canceled. */
export async function addSecondaryEmails(deps: SecondaryEmailsDeps): Promise<'done' | 'stopped'> {
  let after: SecondaryEmail | null = null;
  for (;;) {
    const chunk = await secondaryEmailsRepository.pending(deps.db, deps.connectionId, after, CHUNK);
    if (chunk.length === 0) return 'done';
    if (await deps.stopRequested()) return 'stopped';
    await addChunk(deps, chunk);
    after = chunk[chunk.length - 1] ?? null;
  }
}

async function addChunk(deps: SecondaryEmailsDeps, chunk: readonly SecondaryEmail[]): Promise<void> {
  const ids = [...new Set(chunk.map((entry) => entry.hubspotId))];
  const answer = await deps.api.batch<BatchRecord>('/crm/v3/objects/contacts/batch/read', {
    inputs: ids.map((id) => ({ id })),
    properties: ['email', PROPERTY],
    propertiesWithHistory: [],
  });
  const contacts = new Map(answer.results.map((record) => [record.id, record]));
  const held = chunk.filter((entry) => addressesOf(contacts.get(entry.hubspotId)).has(entry.email.toLowerCase()));
  const errors: (RecordError & { object: string })[] = [];
  const missing = chunk.filter((entry) => !contacts.has(entry.hubspotId));
  for (const entry of missing)
    errors.push({
      object: entry.object,
      ...ownError(
        entry.sourceId,
        'OBJECT_NOT_FOUND',
        `HubSpot has no contact ${entry.hubspotId} to add ${entry.email} to.`,
        HINTS['OBJECT_NOT_FOUND'] ?? '',
      ),
    });
  const todo = chunk.filter((entry) => contacts.has(entry.hubspotId) && !held.includes(entry));
  const key = (hubspotId: string) => ({ itemType: 'secondary_emails', hubspotObject: 'contacts', itemKey: hubspotId });
  const changing = [...new Set(todo.map((entry) => entry.hubspotId))];
  await deps.run.commit((tx) =>
    tx.intend(
      changing.map((hubspotId) => ({
        ...key(hubspotId),
        action: 'changed' as const,
        previousValues: { [PROPERTY]: contacts.get(hubspotId)?.properties[PROPERTY] ?? null },
      })),
    ),
  );
  const added: SecondaryEmail[] = [];
  for (const entry of todo) {
    try {
      await deps.api.secondaryEmails.add(entry.hubspotId, entry.email);
      added.push(entry);
    } catch (error) {
      if (!(error instanceof HubSpotApiError)) throw error;
      const category = error.error?.category ?? `HTTP_${error.status ?? 'none'}`;
      errors.push({
        object: entry.object,
        ...ownError(
          entry.sourceId,
          category,
          `${entry.email} could not be added as a secondary e-mail: ${error.error?.message ?? error.message}`,
          HINTS[category] ?? 'Check HubSpot’s message, then sync again.',
        ),
      });
    }
  }
  const changed = new Set(added.map((entry) => entry.hubspotId));
  await deps.run.commit(async (tx) => {
    await tx.confirm([...changed].map((hubspotId) => ({ ...key(hubspotId), hubspotId })));
    // A contact none of whose addresses landed was not changed: its intent goes.
    await ledgerRepository.discard(tx.client, {
      transferId: deps.run.transfer.id,
      items: changing.filter((id) => !changed.has(id)).map(key),
    });
    await secondaryEmailsRepository.markAdded(tx.client, deps.connectionId, [...held, ...added]);
    for (const object of new Set(errors.map((error) => error.object)))
      await tx.recordErrors(
        object,
        errors.filter((error) => error.object === object).map((error) => toStoredError(error)),
      );
  });
}
