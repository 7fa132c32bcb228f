import type { SourceId } from '../../../shared/src/contracts/index.js';
import type { HubSpotObjectType, PropertyKind } from '../hubspot/object-model/property-kinds.js';

/**
 * The shape of a source's mapping rules. A source's rules are plain data of these types
 * (sources/<source>/mapping-rules.ts); transfer/mapping/map-catalog.ts applies any of them to an
 * account's schema, so Zoho CRM, Salesforce and ActiveCampaign are more data, not code. The HubSpot side
 * they map onto is hubspot/object-model/.
 */

/**
 * One part of a split value (range end, address city, monetary currency). `key` ends the property name
 * after a double underscore; it must contain a letter outside a–f so it can never read as the hash
 * part of a name (see map-catalog's property names).
 */
export interface ValuePart {
  key: string;
  label: string;
}

/** Where (a part of) a source field's value goes in HubSpot. */
export type TargetRule =
  /** A HubSpot default property of the row's object, by name (label and type come from HUBSPOT_OBJECTS). */
  | { to: 'standard'; name: string }
  /** A property setup creates, named after the source field's key and labelled with its label (or `label`). */
  | { to: 'created'; kind: PropertyKind; part?: ValuePart; label?: string; options?: 'source' | 'activity-types' }
  /** A HubSpot owner: the record's owner (hubspot_owner_id) or a created owner property. */
  | { to: 'owner'; property: 'standard' | 'created' }
  /** An association to a record of `object`; `primary` where HubSpot has a primary label for the pair. */
  | { to: 'association'; object: HubSpotObjectType; primary?: boolean }
  | { to: 'pipeline' }
  | { to: 'stage' };

/** The verdict for one source field: where its value goes (and what changes on the way), or why it cannot go. */
export type FieldRule = { targets: readonly TargetRule[]; reason?: string } | { unsupported: string };

/** One row of the audit: (part of) a source object and the HubSpot object it becomes. */
export interface ObjectRule {
  key: string;
  label: string;
  /** The catalog object the row reads. */
  source: string;
  hubspotObject: HubSpotObjectType;
  /** Names the row's created properties and their group, e.g. `deal` → `pipedrive_deal_…`; lowercase letters only. */
  singular: string;
  /** Rules for the source's built-in fields, by field key; they win over `commonFields` and the type rules. */
  fields: Readonly<Record<string, FieldRule>>;
}

/** Activities are one source object that becomes several HubSpot objects, chosen by the activity's type. */
export interface ActivityRouting {
  /** The catalog object whose records are split by type. */
  source: string;
  byType: Readonly<Record<string, HubSpotObjectType>>;
  /** Where every other (custom) type goes. */
  otherTypes: HubSpotObjectType;
}

export interface PipelineRules {
  /** The closed stages HubSpot needs in every deal pipeline; won and lost deals go there. */
  closedStages: readonly { label: string; probability: number }[];
  /** The percent assumed for a stage whose source does not track a probability. */
  unknownProbabilityPercent: number;
}

/** Where a holding's count comes from: a counted key's total, or one value of one of its facets. */
export interface HoldingSource {
  count: string;
  facet?: { name: string; key: string };
}

/** Something else the account holds (archived records, line items, files, leads…) and what becomes of it. */
export interface HoldingRule {
  key: string;
  label: string;
  /** Summed; a holding counted from several lists (deal products of live and archived deals) names each. */
  from: readonly HoldingSource[];
  /** Its total size in bytes: this facet value of the first source. */
  bytes?: { name: string; key: string };
  /** The HubSpot object or association it becomes; null when it is not transferred. */
  becomes: string | null;
  /** What happens to it, or (not transferred) why and what the user can do. */
  note: string;
  /** The object row it belongs under in the audit (archived deals under deals). */
  under?: string;
}

export interface SourceMappingRules {
  source: SourceId;
  /** As users know the app, e.g. "Pipedrive"; used in created group labels and to tell labels apart. */
  sourceName: string;
  /** Starts every created property name; lowercase letters only. */
  propertyPrefix: string;
  objects: readonly ObjectRule[];
  /** Catalog objects the transfer leaves out, with the reason the audit shows. */
  notTransferred: Readonly<Record<string, string>>;
  /** What the audit counts beyond the transferred objects; the ones that become nothing are "not transferred". */
  holdings: readonly HoldingRule[];
  /** The holding that is the archived deals, which the plan's "include archived deals" choice moves or leaves. */
  archivedDeals?: string;
  activities: ActivityRouting;
  /** Built-in fields found on many objects (add_time, counts, …), by key; an object's own `fields` win. */
  commonFields: Readonly<Record<string, FieldRule>>;
  /** By the source's field type: every custom field and any built-in field without a rule of its own. */
  fieldTypes: Readonly<Record<string, FieldRule>>;
  pipelines: PipelineRules;
}
