import type { HubSpotObjectType } from './property-kinds.js';

/**
 * The object pairs HubSpot associates by default, each with its unlabeled (default) HUBSPOT_DEFINED type id
 * and the inverse's (associations v4 guide, "Association type IDs"; docs/notes/hubspot-crm.md, Associations).
 * Products associate with nothing (line items carry them to deals); engagements with contacts, companies and
 * deals.
 */
const DEFAULT_TYPES: ReadonlyArray<
  readonly [from: HubSpotObjectType, to: HubSpotObjectType, id: number, inverse: number]
> = [
  ['contacts', 'companies', 279, 280],
  ['deals', 'contacts', 3, 4],
  ['deals', 'companies', 341, 342],
  ['contacts', 'contacts', 449, 449],
  ['companies', 'companies', 450, 450],
  ['deals', 'deals', 451, 451],
  ['calls', 'contacts', 194, 193],
  ['calls', 'companies', 182, 181],
  ['calls', 'deals', 206, 205],
  ['emails', 'contacts', 198, 197],
  ['emails', 'companies', 186, 185],
  ['emails', 'deals', 210, 209],
  ['meetings', 'contacts', 200, 199],
  ['meetings', 'companies', 188, 187],
  ['meetings', 'deals', 212, 211],
  ['notes', 'contacts', 202, 201],
  ['notes', 'companies', 190, 189],
  ['notes', 'deals', 214, 213],
  ['tasks', 'contacts', 204, 203],
  ['tasks', 'companies', 192, 191],
  ['tasks', 'deals', 216, 215],
];

const DEFAULT_TYPE_IDS = new Map<string, number>(
  DEFAULT_TYPES.flatMap(([from, to, id, inverse]) => [
    [`${from}>${to}`, id],
    [`${to}>${from}`, inverse],
  ]),
);

export function canAssociate(from: HubSpotObjectType, to: HubSpotObjectType): boolean {
  return DEFAULT_TYPE_IDS.has(`${from}>${to}`);
}

/** The HUBSPOT_DEFINED type id of the unlabeled association from `from` to `to`, or null when HubSpot has none. */
export function defaultAssociationTypeId(from: string, to: string): number | null {
  return DEFAULT_TYPE_IDS.get(`${from}>${to}`) ?? null;
}
