/**
 * Contacts: upsert on the source-id property like other records, plus adoption by primary e-mail.
 * Before each batch, ONE batch read by e-mail (`idProperty: email`) finds HubSpot contacts that already
 * hold the e-mails: a contact nobody transferred is adopted (updated by its HubSpot id, never duplicated,
 * its previous values returned for the ledger); persons sharing one e-mail become one contact.
 * Persons merged into one contact keep their other e-mail addresses in it (the "Other e-mails" property,
 * when the request names it): the group's addresses are written together, and a contact an earlier batch
 * wrote gets the ones it lacks added.
 * Calls per 100 persons: one read, one upsert, one update when some contacts are adopted or get addresses.
 */
import { otherEmailsUnion } from '../mapping/other-emails.js';
import { chunk, lastPerKey, OBJECT_BATCH_SIZE } from './batch-inputs.js';
import type { BatchApi, BatchRecord } from './batch-sender.js';
import { emailKey, groupPersonsByEmail, type PersonGroup, type PersonInput } from './persons-by-email.js';
import { ownError, type WriteOutcome } from './record-outcome.js';
import { updateRecords, upsertRecords } from './record-writer.js';

export type { PersonInput } from './persons-by-email.js';

export type ContactOutcome =
  | WriteOutcome
  /** An existing HubSpot contact took this person: record it as reused, with what we overwrote. */
  | { sourceId: string; outcome: 'adopted'; hubspotId: string; previousValues: Record<string, string | null> }
  /**
   * This person shares its e-mail with another: it is recorded in the id map on that contact, which holds
   * `mergedInto`'s values (the older person of this batch, or the source record an earlier batch wrote).
   */
  | { sourceId: string; outcome: 'merged'; hubspotId: string; mergedInto: string };

export interface ContactsRequest {
  /** The unique property holding the source record id. */
  idProperty: string;
  /** The property persons' other e-mail addresses are in (absent: they go another way, secondary-emails.ts). */
  otherEmailsProperty?: string;
  persons: readonly PersonInput[];
}

/** What the e-mail read found for a group's winner, and so how it is written. */
type Plan =
  | { kind: 'upsert'; group: PersonGroup }
  | { kind: 'adopt'; group: PersonGroup; existing: BatchRecord }
  | { kind: 'taken'; group: PersonGroup; existing: BatchRecord; holder: string };

/** Every member of a group holds the group's other addresses: whichever one is written keeps them all. */
function withGroupOtherEmails(group: PersonGroup, property: string): PersonGroup {
  const members = [group.winner, ...group.merged];
  const union = otherEmailsUnion(
    members.map((person) => person.properties[property]),
    group.winner.email,
  );
  if (union === '') return group;
  const holding = (person: PersonInput): PersonInput => ({
    ...person,
    properties: { ...person.properties, [property]: union },
  });
  return { winner: holding(group.winner), merged: group.merged.map(holding) };
}

/** Writes every person (any number), one outcome per person in input order. */
export async function writeContacts(hubspot: BatchApi, request: ContactsRequest): Promise<ContactOutcome[]> {
  const persons = lastPerKey(request.persons, (person) => person.sourceId);
  const outcomes = new Map<string, ContactOutcome>();
  const property = request.otherEmailsProperty;
  const grouped = groupPersonsByEmail(persons).map((group) =>
    property === undefined ? group : withGroupOtherEmails(group, property),
  );
  for (const groups of chunk(grouped, OBJECT_BATCH_SIZE)) {
    const plans = await planByEmail(hubspot, request.idProperty, groups);
    for (const outcome of await writePlans(hubspot, request, plans)) outcomes.set(outcome.sourceId, outcome);
  }
  return request.persons.map((person) => outcomes.get(person.sourceId) as ContactOutcome);
}

/** One batch read by e-mail for the groups' winners; each group is then upserted, adopted or taken. */
async function planByEmail(hubspot: BatchApi, idProperty: string, groups: PersonGroup[]): Promise<Plan[]> {
  const emails = groups.flatMap(({ winner }) => (winner.email ? [winner.email.trim()] : []));
  const found = new Map<string, BatchRecord>();
  if (emails.length > 0) {
    const properties = new Set([
      idProperty,
      'email',
      ...groups.flatMap(({ winner }) => Object.keys(winner.properties)),
    ]);
    // Unknown e-mails come back as a 207 error entry each: nothing to act on.
    const answer = await hubspot.batch<BatchRecord>('/crm/v3/objects/contacts/batch/read', {
      idProperty: 'email',
      inputs: emails.map((email) => ({ id: email })),
      properties: [...properties],
      propertiesWithHistory: [],
    });
    for (const record of answer.results) {
      const email = record.properties['email'];
      if (email) found.set(emailKey(email), record);
    }
  }
  return groups.map((group): Plan => {
    const existing = group.winner.email ? found.get(emailKey(group.winner.email)) : undefined;
    if (!existing) return { kind: 'upsert', group };
    const holder = existing.properties[idProperty];
    if (!holder) return { kind: 'adopt', group, existing };
    if (holder === group.winner.sourceId) return { kind: 'upsert', group };
    // An earlier batch made a younger member of this group the contact's holder: it stays the one written.
    const member = group.merged.find((person) => person.sourceId === holder);
    if (member)
      return {
        kind: 'upsert',
        group: { winner: member, merged: [group.winner, ...group.merged.filter((p) => p !== member)] },
      };
    return { kind: 'taken', group, existing, holder };
  });
}

/**
 * A contact an earlier batch wrote for an older person of this e-mail, and the other addresses this group
 * adds to it (null: none it lacks).
 */
function addedOtherEmails(plan: Extract<Plan, { kind: 'taken' }>, property: string | undefined) {
  const ours = property === undefined ? undefined : plan.group.winner.properties[property];
  if (property === undefined || ours === undefined) return null;
  const held = plan.existing.properties[property] ?? '';
  const union = otherEmailsUnion([held, ours], plan.existing.properties['email'] ?? null);
  return union === held ? null : { sourceId: plan.group.winner.sourceId, hubspotId: plan.existing.id, property, union };
}

async function writePlans(hubspot: BatchApi, request: ContactsRequest, plans: Plan[]): Promise<ContactOutcome[]> {
  const { idProperty } = request;
  const upserts = plans.filter((plan) => plan.kind === 'upsert').map(({ group }) => group.winner);
  const adoptions = plans.flatMap((plan) => (plan.kind === 'adopt' ? [plan] : []));
  const additions = plans.flatMap((plan) => {
    const added = plan.kind === 'taken' ? addedOtherEmails(plan, request.otherEmailsProperty) : null;
    return added === null ? [] : [added];
  });
  const written = new Map<string, ContactOutcome>();
  const upserted = await upsertRecords(hubspot, { objectType: 'contacts', idProperty, inputs: upserts });
  for (const outcome of upserted) written.set(outcome.sourceId, outcome);
  const updated = await updateRecords(hubspot, 'contacts', [
    ...adoptions.map(({ group, existing }) => ({
      sourceId: group.winner.sourceId,
      hubspotId: existing.id,
      properties: { ...group.winner.properties, [idProperty]: group.winner.sourceId },
    })),
    ...additions.map(({ sourceId, hubspotId, property, union }) => ({
      sourceId,
      hubspotId,
      properties: { [property]: union },
    })),
  ]);
  const adopted = updated.slice(0, adoptions.length);
  // An address the contact could not take fails the group's persons: a retry adds it.
  const refused = new Map(
    updated
      .slice(adoptions.length)
      .flatMap((outcome) => (outcome.outcome === 'failed' ? [[outcome.sourceId, outcome]] : [])),
  );
  adopted.forEach((outcome, index) => {
    const { group, existing } = adoptions[index] as Extract<Plan, { kind: 'adopt' }>;
    if (outcome.outcome === 'failed') written.set(outcome.sourceId, outcome);
    else
      written.set(outcome.sourceId, {
        sourceId: outcome.sourceId,
        outcome: 'adopted',
        hubspotId: existing.id,
        previousValues: previousValues(existing, [...Object.keys(group.winner.properties), idProperty]),
      });
  });
  return plans.flatMap((plan) => {
    if (plan.kind === 'taken') {
      const failure = refused.get(plan.group.winner.sourceId);
      if (failure) return [failure, ...plan.group.merged.map((person) => mergedInto(person, failure))];
      const into = { hubspotId: plan.existing.id, mergedInto: plan.holder };
      return [plan.group.winner, ...plan.group.merged].map((person) => merged(person, into));
    }
    const winner = written.get(plan.group.winner.sourceId) as ContactOutcome;
    return [winner, ...plan.group.merged.map((person) => mergedInto(person, winner))];
  });
}

function previousValues(existing: BatchRecord, names: string[]): Record<string, string | null> {
  return Object.fromEntries(names.map((name) => [name, existing.properties[name] ?? null]));
}

const merged = (person: PersonInput, into: { hubspotId: string; mergedInto: string }): ContactOutcome => ({
  sourceId: person.sourceId,
  outcome: 'merged',
  ...into,
});

/** A person merged into its group's winner shares the winner's contact, or its failure. */
function mergedInto(person: PersonInput, winner: ContactOutcome): ContactOutcome {
  if (winner.outcome !== 'failed') return merged(person, { hubspotId: winner.hubspotId, mergedInto: winner.sourceId });
  return {
    sourceId: person.sourceId,
    outcome: 'failed',
    error: ownError(
      person.sourceId,
      winner.error.category,
      `Shares its e-mail with source record ${winner.sourceId}, which failed: ${winner.error.message}`,
      winner.error.hint,
    ),
  };
}
