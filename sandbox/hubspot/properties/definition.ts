/** A property definition exactly as the properties API returns it (the api-client's `Property`). */

export type PropertyType = 'bool' | 'enumeration' | 'date' | 'datetime' | 'string' | 'number' | 'phone_number';

export interface PropertyOption {
  label: string;
  value: string;
  description?: string;
  displayOrder: number;
  hidden: boolean;
}

export interface PropertyDefinition {
  name: string;
  label: string;
  type: PropertyType;
  fieldType: string;
  description: string;
  groupName: string;
  options: PropertyOption[];
  displayOrder: number;
  calculated: boolean;
  externalOptions: boolean;
  hasUniqueValue: boolean;
  hidden: boolean;
  hubspotDefined?: boolean;
  formField: boolean;
  archived: boolean;
  archivedAt?: string;
  createdAt?: string;
  updatedAt?: string;
  referencedObjectType?: string;
  showCurrencySymbol?: boolean;
  numberDisplayHint?: string;
  textDisplayHint?: string;
  calculationFormula?: string;
  modificationMetadata: {
    archivable: boolean;
    readOnlyDefinition: boolean;
    readOnlyValue: boolean;
    readOnlyOptions?: boolean;
  };
}

export interface PropertyGroup {
  name: string;
  label: string;
  displayOrder: number;
  archived: boolean;
}

/** Valid type → fieldType pairs (https://developers.hubspot.com/docs/api-reference/crm-properties-v3/guide). */
export const FIELD_TYPES_BY_TYPE: Record<PropertyType, readonly string[]> = {
  bool: ['booleancheckbox', 'calculation_equation'],
  enumeration: ['booleancheckbox', 'checkbox', 'radio', 'select', 'calculation_equation'],
  date: ['date'],
  datetime: ['date'],
  string: ['file', 'text', 'textarea', 'calculation_equation', 'html', 'phonenumber'],
  number: ['number', 'calculation_equation'],
  phone_number: ['phonenumber'],
};

export const isPropertyType = (value: unknown): value is PropertyType =>
  typeof value === 'string' && Object.hasOwn(FIELD_TYPES_BY_TYPE, value);
