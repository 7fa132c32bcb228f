import { expect, it } from '@jest/globals';
import { parse } from 'csv-parse/sync';
import { auditCsv } from '../../backend/src/transfer/audit/audit-csv.js';
import { auditResult, field } from '../support/audit-fixture.js';

async function text(stream: NodeJS.ReadableStream): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(Buffer.from(chunk as string));
  return Buffer.concat(chunks).toString('utf8');
}

it('exports objects and their fields as one UTF-8 CSV table a spreadsheet reads correctly', async () => {
  const result = auditResult({
    fields: {
      deals: [
        field('a1', 'Région, "Nord"', {
          sourceType: 'enum',
          options: [
            { id: '1', label: 'Ünïcödé 東京' },
            { id: '2', label: 'Line\nbreak' },
          ],
        }),
        field('a2', '=HYPERLINK("http://evil.example")', {
          supported: false,
          targets: [],
          reason: 'Formula-looking label',
        }),
      ],
      persons: [field('p1', 'Nickname')],
    },
  });
  const csv = await text(auditCsv(result));
  expect(csv.startsWith('\uFEFF')).toBe(true);
  const rows = parse(csv.slice(1), { columns: true }) as Record<string, string>[];
  const objectRows = rows.filter((row) => row.Row === 'Object' || row.Row === 'Field');
  expect(objectRows.map((row) => [row.Row, row['Source object'], row.Field])).toEqual([
    ['Object', 'Deals', ''],
    ['Field', 'Deals', 'Région, "Nord"'],
    ['Field', 'Deals', `'=HYPERLINK("http://evil.example")`],
    ['Object', 'Persons', ''],
    ['Field', 'Persons', 'Nickname'],
  ]);
  expect(rows[0]?.Records).toBe('10');
  expect(rows[1]?.Options).toBe('Ünïcödé 東京; Line\nbreak');
  expect(rows[1]?.['HubSpot property']).toBe('pipedrive_deal_a1');
  expect(rows[2]).toMatchObject({ Supported: 'no', Reason: 'Formula-looking label', 'HubSpot property': '' });
});

it('exports the warnings, pipeline and stage counts, what else the account holds and what is not transferred', async () => {
  const base = auditResult();
  const result = auditResult({
    pipelines: base.pipelines.map((pipeline) => ({
      ...pipeline,
      dealCounts: { open: 6, won: 3, lost: 1, openByStage: { '1': 4, '2': 2 } },
      archivedDealCounts: { open: 1, won: 0, lost: 0, openByStage: { '1': 1, '2': 0 } },
    })),
    holdings: [
      {
        key: 'files',
        label: 'Files',
        records: 3,
        breakdown: {},
        bytes: 125300,
        count: 'exact',
        becomes: 'Attachments',
        note: 'Uploaded.',
        underObject: null,
      },
      {
        key: 'organization_relationships',
        label: 'Organization relationships',
        records: null,
        breakdown: {},
        bytes: null,
        count: 'not_counted',
        becomes: 'Company associations',
        note: 'Not counted.',
        underObject: null,
      },
    ],
    notTransferred: [{ key: 'leads', label: 'Leads', records: 5, reason: 'Leads stay.' }],
    access: {
      userName: 'Rene',
      admin: false,
      scopes: [],
      missingScopes: [],
      warnings: ['You connected Pipedrive as Rene, who is not an admin.'],
      action: 'connect_as_admin',
    },
  });
  const rows = parse((await text(auditCsv(result))).slice(1), { columns: true }) as Record<string, string>[];
  const summary = rows
    .filter((row) => row.Row !== 'Object' && row.Row !== 'Field')
    .map((row) => [row.Row, row['Source object'], row['HubSpot object'], row.Records]);
  expect(summary).toEqual([
    ['Warning', '', '', ''],
    ['Pipeline', 'Sales', 'Deals', '10'],
    ['Stage', 'Sales / Lead', 'Deals', '4'],
    ['Stage', 'Sales / Offer', 'Deals', '2'],
    ['Also in the account', 'Files', 'Attachments', '3'],
    ['Also in the account', 'Organization relationships', 'Company associations', 'not counted'],
    ['Not transferred', 'Leads', '', '5'],
  ]);
  expect(rows.find((row) => row.Row === 'Warning')?.Reason).toMatch(/not an admin/);
  expect(rows.find((row) => row.Row === 'Pipeline')?.Reason).toBe(
    'Deals: 6 open, 3 won, 1 lost; Archived deals: 1 open, 0 won, 0 lost',
  );
  expect(rows.find((row) => row['Source object'] === 'Files')?.Reason).toBe('Uploaded. Total size: 125300 bytes.');
  expect(rows.find((row) => row.Row === 'Not transferred')?.Reason).toBe('Leads stay.');
});
