/** The HubSpot objects the transfer writes, and the property type/fieldType pairs HubSpot accepts. */

export type HubSpotObjectType =
  'contacts' | 'companies' | 'deals' | 'products' | 'calls' | 'meetings' | 'tasks' | 'emails' | 'notes';

/** A HubSpot property type with the fieldTypes HubSpot accepts for it (properties guide), so an invalid pair does not compile. */
export type PropertyKind =
  | { type: 'string'; fieldType: 'text' | 'textarea' | 'html' | 'phonenumber' }
  | { type: 'number'; fieldType: 'number' }
  | { type: 'date' | 'datetime'; fieldType: 'date' }
  | { type: 'bool'; fieldType: 'booleancheckbox' }
  | { type: 'enumeration'; fieldType: 'select' | 'checkbox' | 'radio' };

export const TEXT: PropertyKind = { type: 'string', fieldType: 'text' };
export const TEXTAREA: PropertyKind = { type: 'string', fieldType: 'textarea' };
export const HTML: PropertyKind = { type: 'string', fieldType: 'html' };
export const PHONE: PropertyKind = { type: 'string', fieldType: 'phonenumber' };
export const NUMBER: PropertyKind = { type: 'number', fieldType: 'number' };
export const DATE: PropertyKind = { type: 'date', fieldType: 'date' };
export const DATETIME: PropertyKind = { type: 'datetime', fieldType: 'date' };
export const BOOL: PropertyKind = { type: 'bool', fieldType: 'booleancheckbox' };
export const SELECT: PropertyKind = { type: 'enumeration', fieldType: 'select' };
export const CHECKBOX: PropertyKind = { type: 'enumeration', fieldType: 'checkbox' };
export const RADIO: PropertyKind = { type: 'enumeration', fieldType: 'radio' };
