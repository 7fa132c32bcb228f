/**
 * Pure rules about values HubSpot cannot hold as the mapper made them: which properties of a plan row
 * take source options (so an option added at the source after setup must be added to HubSpot first),
 * and text over HubSpot's length limit, cut with a warning that names the record and the field.
 */
import type { AuditField, TransferSettings } from '../../../../shared/src/contracts/index.js';
import type { MappingPlan, PlannedObject } from '../mapping/mapping-plan.js';
import type { RecordWarning } from './record-warnings.js';

/**
 * HubSpot's string properties hold 65,536 characters (KB "Property field types"; notes: `hs_note_body`
 * "limited to 65,536 characters"); the sandbox refuses more with INVALID_STRING.
 */
export const HUBSPOT_TEXT_LIMIT = 65_536;

/** A property whose values are source option ids (setup created its options with them). */
export interface OptionProperty {
  property: string;
  field: AuditField;
}

/** The row's properties that take source options: created enumerations, or the existing ones fields were mapped onto. */
export function optionProperties(plan: MappingPlan, settings: TransferSettings, row: PlannedObject): OptionProperty[] {
  const choices = Object.hasOwn(settings.fields, row.key) ? settings.fields[row.key] : undefined;
  return (plan.fields[row.key] ?? []).flatMap((field): OptionProperty[] => {
    const choice = choices && Object.hasOwn(choices, field.key) ? choices[field.key] : undefined;
    if (!field.supported || field.options === null || choice?.mode === 'exclude') return [];
    const target = field.targets.find((candidate) => candidate.kind === 'created' && candidate.type === 'enumeration');
    if (!target) return [];
    return [{ property: choice?.mode === 'existing' ? choice.hubspotProperty : target.name, field }];
  });
}

/** The option values a property value holds (multiple checkboxes: `;`-separated). */
export const optionValues = (value: string, multiple: boolean): string[] =>
  multiple ? value.split(';').filter((part) => part !== '') : value === '' ? [] : [value];

/** The text cut to `limit` UTF-16 units, never leaving half of a surrogate pair at the end. */
export function cutText(text: string, limit = HUBSPOT_TEXT_LIMIT): string {
  if (text.length <= limit) return text;
  const cut = text.slice(0, limit);
  const last = cut.charCodeAt(cut.length - 1);
  return last >= 0xd800 && last <= 0xdbff ? cut.slice(0, -1) : cut;
}

/** The label a user knows a property by: the source field that fills it, else its name. */
function fieldLabel(plan: MappingPlan, row: PlannedObject, property: string): string {
  const field = (plan.fields[row.key] ?? []).find((candidate) =>
    candidate.targets.some((target) => target.name === property),
  );
  return field ? `“${field.label}” (${property})` : property;
}

/** Text values over HubSpot's limit, cut; one warning per cut value naming the record and the field. */
export function cutLongText(
  plan: MappingPlan,
  row: PlannedObject,
  sourceId: string,
  properties: Record<string, string>,
  isText: (property: string) => boolean,
): { properties: Record<string, string>; warnings: RecordWarning[] } {
  const warnings: RecordWarning[] = [];
  // Nothing over the limit (nearly every record): the properties as they are, not a copy.
  if (Object.values(properties).every((value) => value.length <= HUBSPOT_TEXT_LIMIT)) return { properties, warnings };
  const cut = Object.fromEntries(
    Object.entries(properties).map(([property, value]) => {
      if (value.length <= HUBSPOT_TEXT_LIMIT || !isText(property)) return [property, value];
      warnings.push({
        sourceId,
        code: 'VALUE_CUT',
        property,
        message: `${fieldLabel(plan, row, property)} holds ${value.length.toLocaleString('en-US')} characters; HubSpot keeps ${HUBSPOT_TEXT_LIMIT.toLocaleString('en-US')}, so the text was cut after that.`,
        hint: 'The full text is still in the source record; shorten it there (or keep it in a note) and sync again.',
      });
      return [property, cutText(value)];
    }),
  );
  return { properties: cut, warnings };
}
