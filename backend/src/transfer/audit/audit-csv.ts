import { stringify } from 'csv-stringify';
import type { AuditResult } from '../../../../shared/src/contracts/index.js';

const COLUMNS = [
  'Row',
  'Source object',
  'HubSpot object',
  'Records',
  'Field',
  'Field key',
  'Source type',
  'Custom',
  'Supported',
  'HubSpot property',
  'HubSpot type',
  'HubSpot field type',
  'Options',
  'Reason',
];

/** A spreadsheet would run a cell starting with one of these as a formula (CSV injection); quote it as text. */
export const neutralise = (value: string) => (/^[=+\-@\t\r]/.test(value) ? `'${value}` : value);

/**
 * The audit as one CSV table: a row per object, then a row per field of that object. UTF-8 with a BOM so
 * spreadsheets read accents and non-Latin text correctly; quoting by csv-stringify.
 */
export function auditCsv(result: AuditResult): NodeJS.ReadableStream {
  const csv = stringify({ header: true, columns: COLUMNS, bom: true, cast: { string: neutralise } });
  const seenFieldSets = new Set<string>();
  for (const object of result.objects) {
    csv.write([
      'Object',
      object.sourceLabel,
      object.hubspotLabel,
      object.records,
      '',
      '',
      '',
      '',
      '',
      '',
      '',
      '',
      '',
      '',
    ]);
    const fieldSet = object.key.split(':')[0] as string;
    if (seenFieldSets.has(fieldSet)) continue;
    seenFieldSets.add(fieldSet);
    for (const field of result.fields[fieldSet] ?? []) {
      const targets = field.targets;
      csv.write([
        'Field',
        object.sourceLabel,
        object.hubspotLabel,
        '',
        field.label,
        field.key,
        field.sourceType,
        field.isCustom ? 'yes' : 'no',
        field.supported ? 'yes' : 'no',
        targets.map((target) => target.name).join('; '),
        targets.map((target) => target.type).join('; '),
        targets.map((target) => target.fieldType).join('; '),
        (field.options ?? []).map((option) => option.label).join('; '),
        field.reason ?? '',
      ]);
    }
  }
  csv.end();
  return csv;
}
