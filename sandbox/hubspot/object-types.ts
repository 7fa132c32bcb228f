/**
 * The CRM object types the sandbox serves, with HubSpot's ids, names and per-type rules.
 * Ids: https://developers.hubspot.com/docs/guides/crm/using-object-apis. Default returned
 * properties and searchable properties: https://developers.hubspot.com/docs/api-reference/legacy/crm/search-the-crm
 */
import { validationError } from './errors.js';

export type ObjectTypeName =
  'contacts' | 'companies' | 'deals' | 'products' | 'line_items' | 'calls' | 'emails' | 'meetings' | 'notes' | 'tasks';

export interface ObjectType {
  name: ObjectTypeName;
  objectTypeId: string;
  /** Singular name, used in association v4 paths and association type names ("contact_to_company"). */
  singular: string;
  /** Properties returned when a read names none. */
  defaultReturned: string[];
  /** Properties a search `query` matches. */
  searchable: string[];
  /**
   * Whether custom properties may be `hasUniqueValue`. HubSpot documents it for companies, deals,
   * tickets and custom objects, and contacts since the 2023 rollout
   * (https://developers.hubspot.com/changelog/unique-properties-for-contacts); nothing documents it
   * for products, line items or engagements, so they refuse it.
   */
  allowsUniqueProperties: boolean;
  /** The property that dedupes creates (409 on a second record), and may be used as idProperty. */
  builtInUniqueProperty?: string;
  /** Read-only date properties holding creation and last modification. */
  createdProperty: string;
  modifiedProperty: string;
}

const ENGAGEMENT_RETURNED = ['hs_createdate', 'hs_lastmodifieddate', 'hs_object_id'];

function engagement(name: ObjectTypeName, objectTypeId: string, singular: string, searchable: string[]): ObjectType {
  return {
    name,
    objectTypeId,
    singular,
    defaultReturned: ENGAGEMENT_RETURNED,
    searchable,
    allowsUniqueProperties: false,
    createdProperty: 'hs_createdate',
    modifiedProperty: 'hs_lastmodifieddate',
  };
}

export const OBJECT_TYPES: readonly ObjectType[] = [
  {
    name: 'contacts',
    objectTypeId: '0-1',
    singular: 'contact',
    defaultReturned: ['createdate', 'email', 'firstname', 'hs_object_id', 'lastmodifieddate', 'lastname'],
    searchable: ['firstname', 'lastname', 'email', 'phone', 'mobilephone', 'company'],
    allowsUniqueProperties: true,
    builtInUniqueProperty: 'email',
    createdProperty: 'createdate',
    modifiedProperty: 'lastmodifieddate',
  },
  {
    name: 'companies',
    objectTypeId: '0-2',
    singular: 'company',
    defaultReturned: ['createdate', 'domain', 'hs_lastmodifieddate', 'hs_object_id', 'name'],
    searchable: ['website', 'phone', 'name', 'domain'],
    allowsUniqueProperties: true,
    createdProperty: 'createdate',
    modifiedProperty: 'hs_lastmodifieddate',
  },
  {
    name: 'deals',
    objectTypeId: '0-3',
    singular: 'deal',
    defaultReturned: [
      'amount',
      'closedate',
      'createdate',
      'dealname',
      'dealstage',
      'hs_lastmodifieddate',
      'hs_object_id',
      'pipeline',
    ],
    searchable: ['dealname', 'pipeline', 'dealstage', 'description', 'dealtype'],
    allowsUniqueProperties: true,
    createdProperty: 'createdate',
    modifiedProperty: 'hs_lastmodifieddate',
  },
  {
    name: 'products',
    objectTypeId: '0-7',
    singular: 'product',
    defaultReturned: ['createdate', 'description', 'hs_lastmodifieddate', 'hs_object_id', 'name', 'price'],
    searchable: ['name', 'description', 'price', 'hs_sku'],
    allowsUniqueProperties: false,
    createdProperty: 'createdate',
    modifiedProperty: 'hs_lastmodifieddate',
  },
  {
    name: 'line_items',
    objectTypeId: '0-8',
    singular: 'line_item',
    defaultReturned: ['amount', 'createdate', 'hs_lastmodifieddate', 'hs_object_id', 'price', 'quantity'],
    searchable: ['name'],
    allowsUniqueProperties: false,
    createdProperty: 'createdate',
    modifiedProperty: 'hs_lastmodifieddate',
  },
  engagement('calls', '0-48', 'call', ['hs_call_title', 'hs_call_body']),
  engagement('emails', '0-49', 'email', ['hs_email_subject']),
  engagement('meetings', '0-47', 'meeting', ['hs_meeting_title', 'hs_meeting_body']),
  engagement('notes', '0-46', 'note', ['hs_note_body']),
  engagement('tasks', '0-27', 'task', ['hs_task_body', 'hs_task_subject']),
];

/** HubSpot accepts the plural name, the singular name or the object type id in paths. */
export function findObjectType(raw: string): ObjectType | undefined {
  const key = raw.toLowerCase();
  return OBJECT_TYPES.find((t) => t.name === key || t.singular === key || t.objectTypeId === key);
}

export function objectTypeOf(raw: string): ObjectType {
  const type = findObjectType(raw);
  if (!type) throw validationError(`Unable to infer object type from: ${raw}`);
  return type;
}

export const isEngagement = (type: ObjectType): boolean => type.createdProperty === 'hs_createdate';
