/** Words for HubSpot property types, in the user's terms. */
const HOLDS: Readonly<Record<string, string>> = {
  string: 'text',
  number: 'numbers',
  date: 'dates',
  datetime: 'dates with a time',
  enumeration: 'options',
  bool: 'yes/no values',
};

const describe = (type: string) => HOLDS[type] ?? `${type} values`;

/**
 * Why an existing HubSpot property of type `propertyType` cannot take a field the plan would put in a
 * property of type `fieldType`, or null when it can: a text property takes anything; a number property
 * takes numbers; date and datetime properties take dates; an enumeration takes option fields (single or
 * multiple; setup adds the options it lacks); a yes/no property takes yes/no fields. Nothing else.
 */
export function incompatibility(fieldType: string, propertyType: string): string | null {
  const takes: Readonly<Record<string, readonly string[]>> = {
    number: ['number'],
    date: ['date', 'datetime'],
    datetime: ['date', 'datetime'],
    enumeration: ['enumeration'],
    bool: ['bool'],
  };
  if (propertyType === 'string') return null;
  const accepted = takes[propertyType];
  if (accepted === undefined) return `HubSpot ${propertyType} properties can’t take transferred values.`;
  if (accepted.includes(fieldType)) return null;
  return `This property holds ${describe(propertyType)}, and this field holds ${describe(fieldType)}.`;
}

/**
 * Why a field whose values have type `valueType` can't go onto this existing property, or null when it
 * can: HubSpot computes some properties itself (nothing can be written to them), and the others take
 * what their type takes (`incompatibility`). The settings' save and the properties list both ask this.
 */
export function existingPropertyRefusal(
  valueType: string,
  property: { label: string; type: string; readOnly: boolean },
): string | null {
  if (property.readOnly) return `HubSpot computes “${property.label}” itself: nothing can be written to it.`;
  return incompatibility(valueType, property.type);
}
