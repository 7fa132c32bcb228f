import type { HubSpotPropertyTarget } from './contracts/audit.ts';

/** HubSpot's own names for its property field types, as its property editor shows them. */
const FIELD_TYPES: Record<string, string> = {
  text: 'Single-line text',
  textarea: 'Multi-line text',
  html: 'Rich text',
  number: 'Number',
  date: 'Date picker',
  datetime: 'Date and time picker',
  select: 'Dropdown select',
  radio: 'Radio select',
  checkbox: 'Multiple checkboxes',
  booleancheckbox: 'Single checkbox',
  phonenumber: 'Phone number',
  calculation_equation: 'Calculation',
  file: 'File',
};

/** "Dropdown select (enumeration)": the name a HubSpot admin knows, with the API type an agency checks. */
export function fieldTypeLabel(target: Pick<HubSpotPropertyTarget, 'type' | 'fieldType'>): string {
  return `${FIELD_TYPES[target.fieldType] ?? target.fieldType} (${target.type})`;
}

/** Where a value goes, in words: an existing property, one the transfer creates, or something else. */
export const TARGET_KINDS: Record<
  HubSpotPropertyTarget['kind'],
  { label: string; variant: 'default' | 'info' | 'success' }
> = {
  standard: { label: 'HubSpot property', variant: 'default' },
  created: { label: 'Created by the transfer', variant: 'info' },
  reference: { label: 'Linked record’s name', variant: 'info' },
  association: { label: 'Association', variant: 'success' },
  owner: { label: 'Owner', variant: 'success' },
  pipeline: { label: 'Pipeline', variant: 'success' },
  stage: { label: 'Deal stage', variant: 'success' },
};
