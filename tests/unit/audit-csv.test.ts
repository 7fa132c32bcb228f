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
  expect(rows.map((row) => [row.Row, row['Source object'], row.Field])).toEqual([
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
