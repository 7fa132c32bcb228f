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

/** A row that fills the first four columns and the reason; the field columns stay empty. */
const summaryRow = (row: string, source: string, hubspot: string, records: number | string, reason: string) => [
  row,
  source,
  hubspot,
  records,
  ...Array<string>(COLUMNS.length - 5).fill(''),
  reason,
];

const counted = (records: number | null, count?: string) =>
  records === null
    ? count === 'unreadable'
      ? 'unreadable'
      : 'not counted'
    : count === 'at_least'
      ? `≥ ${records}`
      : records;

/** Warnings, then per pipeline its deals by status and its open deals per stage (archived deals apart). */
function writeSummary(csv: ReturnType<typeof stringify>, result: AuditResult): void {
  for (const warning of result.access?.warnings ?? []) csv.write(summaryRow('Warning', '', '', '', warning));
  for (const pipeline of result.pipelines) {
    const counts = pipeline.dealCounts;
    const archived = pipeline.archivedDealCounts;
    const split = (what: string, c: typeof counts) =>
      c ? `${what}: ${c.open} open, ${c.won} won, ${c.lost} lost` : '';
    csv.write(
      summaryRow(
        'Pipeline',
        pipeline.name,
        'Deals',
        pipeline.deals ?? '',
        [split('Deals', counts), split('Archived deals', archived)].filter(Boolean).join('; '),
      ),
    );
    for (const stage of pipeline.stages) {
      csv.write(
        summaryRow(
          'Stage',
          `${pipeline.name} / ${stage.name}`,
          'Deals',
          counts?.openByStage[stage.id] ?? '',
          `Open deals; archived: ${archived?.openByStage[stage.id] ?? 0}`,
        ),
      );
    }
  }
}

/**
 * The audit as one CSV table: warnings, a row per object with a row per field of that object, per
 * pipeline and stage counts, what else the account holds and what is not transferred. UTF-8 with a BOM
 * so spreadsheets read accents and non-Latin text correctly; quoting by csv-stringify.
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
  writeSummary(csv, result);
  for (const holding of result.holdings) {
    const size = holding.bytes === null ? '' : ` Total size: ${holding.bytes} bytes.`;
    csv.write(
      summaryRow(
        'Also in the account',
        holding.label,
        holding.becomes ?? 'Not transferred',
        counted(holding.records, holding.count),
        `${holding.note}${size}`,
      ),
    );
  }
  for (const item of result.notTransferred) {
    csv.write(summaryRow('Not transferred', item.label, '', counted(item.records), item.reason));
  }
  csv.end();
  return csv;
}
