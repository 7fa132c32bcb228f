/**
 * Associations of the transferred records, after both ends exist: v4 batch calls at the largest size
 * HubSpot takes — 2,000 inputs per batch create ("Limits" in the associations v4 guide;
 * docs/notes/hubspot-crm.md "Batch writes"). One call per pair of object types, whatever the association
 * types: `batch/create` takes each input's own list of types, so the default (unlabeled) type — by its
 * HUBSPOT_DEFINED id — custom labels and the Primary company go out together, and two records linked with
 * several types are one input. A call per type would cost up to one more partial call per type.
 * Each pair ends created, skipped (with the reason the caller knows) or failed.
 * The associations API counts against its own limit per tier: the client's limiter keeps it.
 */
import type { HubSpotInputError } from '../../hubspot/hubspot-errors.js';
import { defaultAssociationTypeId } from '../../hubspot/object-model/index.js';
import { chunk } from './batch-inputs.js';
import type { BatchApi } from './batch-sender.js';
import { ownError, type RecordError, recordError } from './record-outcome.js';

export const ASSOCIATION_BATCH_SIZE = 2_000;

/** Why an association is not written though the source has it: not an error (ARCHITECTURE, issue 14). */
export type AssociationSkipReason = 'not_transferred' | 'filtered_out' | 'deleted_at_source';

export interface AssociationLabel {
  category: 'HUBSPOT_DEFINED' | 'USER_DEFINED';
  typeId: number;
}

export interface AssociationPair {
  fromType: string;
  toType: string;
  fromSourceId: string;
  toSourceId: string;
  /** HubSpot ids from the id map; null when the map has none. */
  fromId: string | null;
  toId: string | null;
  /** A custom label (the setup's label for a reference field); none = HubSpot's default type. */
  label?: AssociationLabel;
  /** The contact's or deal's primary company (at most one per contact and deal is kept). */
  primary?: boolean;
  /** Set by the caller when it knows an end will not be there. */
  skip?: AssociationSkipReason;
}

export type AssociationOutcome =
  | { pair: AssociationPair; outcome: 'created' }
  | { pair: AssociationPair; outcome: 'skipped'; reason: AssociationSkipReason }
  | { pair: AssociationPair; outcome: 'failed'; error: RecordError };

/** HubSpot's "Primary" company type ids (HUBSPOT_DEFINED: contact→company 1, deal→company 5). */
const PRIMARY_COMPANY_TYPE: Record<string, number> = { contacts: 1, deals: 5 };

/** The label a pair is written with, or null for the default type. */
export function labelOf(pair: AssociationPair): AssociationLabel | null {
  if (pair.label) return pair.label;
  const primary = pair.toType === 'companies' ? PRIMARY_COMPANY_TYPE[pair.fromType] : undefined;
  return pair.primary && primary !== undefined ? { category: 'HUBSPOT_DEFINED', typeId: primary } : null;
}

/** A pair that will be sent: not skipped, both ends in HubSpot. */
const sendable = (pair: AssociationPair): pair is AssociationPair & { fromId: string; toId: string } =>
  !pair.skip && pair.fromId !== null && pair.toId !== null;

/**
 * Keeps the first primary company of each contact and deal that will be written; later ones are written
 * as plain associations.
 */
export function onePrimaryPerRecord(pairs: readonly AssociationPair[]): AssociationPair[] {
  const holders = new Set<string>();
  return pairs.map((pair) => {
    if (!pair.primary || !sendable(pair)) return pair;
    const holder = `${pair.fromType}:${pair.fromSourceId}`;
    if (holders.has(holder)) return { ...pair, primary: false };
    holders.add(holder);
    return pair;
  });
}

/** The type a pair is written with: its label, else the default type of its objects. */
function typeOf(pair: AssociationPair): AssociationLabel {
  const label = labelOf(pair);
  if (label) return label;
  const typeId = defaultAssociationTypeId(pair.fromType, pair.toType);
  if (typeId === null) throw new Error(`HubSpot has no association from ${pair.fromType} to ${pair.toType}`);
  return { category: 'HUBSPOT_DEFINED', typeId };
}

/** Pairs of one call share their objects. */
const objectsOf = (pair: AssociationPair): string => `${pair.fromType}>${pair.toType}`;

const pairKey = (fromId: string, toId: string): string => `${fromId}>${toId}`;

/** The pairs an error names by `context.objectId` (and `objectType`): those whose end it says is missing. */
function namesPair(error: HubSpotInputError, pair: AssociationPair): boolean {
  const ids = new Set(error.context['objectId'] ?? []);
  const types = error.context['objectType'];
  const names = (type: string, id: string | null) => id !== null && ids.has(id) && (!types || types.includes(type));
  return names(pair.fromType, pair.fromId) || names(pair.toType, pair.toId);
}

const endsMissing = (pair: AssociationPair): RecordError =>
  ownError(
    pair.fromSourceId,
    'MISSING_END',
    `${pair.fromType} ${pair.fromSourceId} → ${pair.toType} ${pair.toSourceId}: ${
      pair.fromId === null ? pair.fromType : pair.toType
    } record was not written to HubSpot`,
    'Fix the error of that record, then retry the failed records.',
  );

/** A batch create result (`LabelsBetweenObjectPair`). */
interface SentResult {
  fromObjectId: unknown;
  toObjectId: unknown;
}

const sentKey = (result: SentResult): string => pairKey(String(result.fromObjectId), String(result.toObjectId));

/** One input: two records and every type they are linked with. */
interface Input {
  pair: AssociationPair & { fromId: string; toId: string };
  types: Map<string, AssociationLabel>;
}

/** Writes the inputs of one pair of object types in batches of 2,000; outcomes by pair key. */
async function writeObjects(hubspot: BatchApi, inputs: Input[]): Promise<Map<string, AssociationOutcome>> {
  const first = (inputs[0] as Input).pair;
  const path = `/crm/v4/associations/${first.fromType}/${first.toType}/batch/create`;
  const outcomes = new Map<string, AssociationOutcome>();
  for (const part of chunk(inputs, ASSOCIATION_BATCH_SIZE)) {
    const answer = await hubspot.batch<SentResult>(path, {
      inputs: part.map(({ pair, types }) => ({
        from: { id: pair.fromId },
        to: { id: pair.toId },
        types: [...types.values()].map((type) => ({
          associationCategory: type.category,
          associationTypeId: type.typeId,
        })),
      })),
    });
    const written = new Set(answer.results.map(sentKey));
    for (const { pair } of part) {
      const key = pairKey(pair.fromId, pair.toId);
      if (written.has(key)) {
        outcomes.set(key, { pair, outcome: 'created' });
        continue;
      }
      const error = answer.errors.find((e) => namesPair(e, pair)) ?? answer.errors[0];
      outcomes.set(key, {
        pair,
        outcome: 'failed',
        error: error
          ? recordError(pair.fromSourceId, error)
          : ownError(pair.fromSourceId, 'NO_RESULT', 'HubSpot answered without this association', ''),
      });
    }
  }
  return outcomes;
}

/**
 * Writes every pair that can be written; one outcome per pair, in input order. Pairs marked `skip` are
 * never sent; a pair whose end has no HubSpot id fails without a call; duplicates are sent once.
 */
export async function writeAssociations(
  hubspot: BatchApi,
  pairs: readonly AssociationPair[],
): Promise<AssociationOutcome[]> {
  const checked = onePrimaryPerRecord(pairs);
  const calls = new Map<string, Map<string, Input>>();
  for (const pair of checked) {
    if (!sendable(pair)) continue;
    const inputs = calls.get(objectsOf(pair)) ?? new Map<string, Input>();
    const key = pairKey(pair.fromId, pair.toId);
    const input = inputs.get(key) ?? { pair, types: new Map<string, AssociationLabel>() };
    const type = typeOf(pair);
    input.types.set(`${type.category}:${type.typeId}`, type);
    inputs.set(key, input);
    calls.set(objectsOf(pair), inputs);
  }
  const written = new Map<string, Map<string, AssociationOutcome>>();
  for (const [objects, inputs] of calls) written.set(objects, await writeObjects(hubspot, [...inputs.values()]));

  return checked.map((pair): AssociationOutcome => {
    if (pair.skip) return { pair, outcome: 'skipped', reason: pair.skip };
    if (pair.fromId === null || pair.toId === null) return { pair, outcome: 'failed', error: endsMissing(pair) };
    const outcome = written.get(objectsOf(pair))?.get(pairKey(pair.fromId, pair.toId)) as AssociationOutcome;
    return { ...outcome, pair };
  });
}
