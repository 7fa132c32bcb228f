import { type AuditField, AuditResult } from '../../shared/src/contracts/index.js';

export const field = (key: string, label: string, overrides: Partial<AuditField> = {}): AuditField => ({
  key,
  label,
  sourceType: 'varchar',
  isCustom: true,
  supported: true,
  targets: [
    { objectType: 'deals', name: `pipedrive_deal_${key}`, label, type: 'string', fieldType: 'text', kind: 'created' },
  ],
  options: null,
  reason: null,
  ...overrides,
});

/** A small, hand-written audit result: two objects, a pipeline, users and currencies (the contract fills its defaults). */
export function auditResult(overrides: Partial<AuditResult> = {}): AuditResult {
  return AuditResult.parse({
    source: 'pipedrive',
    account: {
      accountId: '1',
      accountName: 'Acme',
      defaultCurrency: 'EUR',
      locale: 'en_US',
      timeZone: 'Europe/Berlin',
      dateFormat: 'MM/DD/YYYY',
    },
    objects: [
      {
        key: 'deals',
        sourceLabel: 'Deals',
        hubspotObject: 'deals',
        hubspotLabel: 'Deals',
        records: 10,
        breakdown: { open: 6, won: 4 },
        properties: 2,
        supportedProperties: 2,
        unsupportedProperties: 0,
      },
      {
        key: 'persons',
        sourceLabel: 'Persons',
        hubspotObject: 'contacts',
        hubspotLabel: 'Contacts',
        records: 5,
        breakdown: {},
        properties: 1,
        supportedProperties: 1,
        unsupportedProperties: 0,
      },
    ],
    fields: {
      deals: [
        field('a1', 'Region', {
          sourceType: 'enum',
          options: [
            { id: '1', label: 'North' },
            { id: '2', label: 'South' },
          ],
        }),
        field('a2', 'Notes'),
      ],
      persons: [field('p1', 'Nickname')],
    },
    pipelines: [
      {
        id: '1',
        name: 'Sales',
        deals: 10,
        stages: [
          { id: '1', name: 'Lead', order: 1, sourceProbability: 10, hubspotProbability: 0.1 },
          { id: '2', name: 'Offer', order: 2, sourceProbability: 60, hubspotProbability: 0.6 },
        ],
        closedStages: [
          { label: 'Closed won', hubspotProbability: 1 },
          { label: 'Closed lost', hubspotProbability: 0 },
        ],
      },
    ],
    users: [
      {
        id: '1',
        name: 'Ann',
        email: 'ann@acme.example',
        active: true,
        hubspotOwnerId: '77',
        hubspotOwnerName: 'Ann Owner',
      },
    ],
    currencies: [{ code: 'EUR', name: 'Euro', used: true, inHubSpot: true }],
    activityTypes: [],
    notTransferred: [],
    usage: { requests: 10, tokens: 100 },
    ...overrides,
  });
}
