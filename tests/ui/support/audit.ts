import {
  AuditComparison,
  type AuditField,
  type AuditResponse,
  AuditResult,
  type GuideResponse,
  type GuideStepState,
  type Job,
  type JobStatus,
} from '../../../hubspot-app/app/shared/contracts/index.ts';

/** Audit (and job) ids: the contract wants RFC 4122 UUIDs. */
export const AUDIT_1 = '0b6f1c2e-5d4a-4e8b-9c3d-2a1b0c9d8e7f';
export const AUDIT_2 = '7c2e9a41-3b5d-4f6a-8e1c-5d4b3a2f1e0d';
const CONNECTION_ID = 'a3d5f7b9-1c2e-4a6b-8d0f-2e4c6a8b0d1f';

/** A hash-like key, as Pipedrive gives its custom fields. */
export const LEAD_TEMPERATURE = '5f1e2d3c4b5a69788796a5b4c3d2e1f0a9b8c7d6';
export const REGION = '8e7d6c5b4a3928170f1e2d3c4b5a69788796a5b4';

export function job(id: string, status: JobStatus, extra: Partial<Job> = {}): Job {
  const ended = ['COMPLETE', 'FAILED', 'CANCELED'].includes(status);
  return {
    id,
    kind: 'audit',
    connectionId: CONNECTION_ID,
    status,
    progress: { done: 0, total: null, phase: 'Waiting to start' },
    statusReason: null,
    createdAt: '2026-12-01T15:00:00.000Z',
    startedAt: status === 'PENDING' ? null : '2026-12-01T15:00:05.000Z',
    // 15:04 UTC is 10:04 in New York, the portal time zone of the renderer's mock context.
    finishedAt: ended ? '2026-12-01T15:04:00.000Z' : null,
    ...extra,
  };
}

/** An audit that has not finished: no result yet. */
export const unfinishedAudit = (id: string, status: JobStatus, extra: Partial<Job> = {}): AuditResponse => ({
  id,
  job: job(id, status, extra),
  previousAuditId: null,
  result: null,
});

export const completeAudit = (
  id: string,
  result: AuditResult,
  previousAuditId: string | null = null,
): AuditResponse => ({
  id,
  job: job(id, 'COMPLETE', { progress: { done: 3830, total: 3830, phase: 'Done' } }),
  previousAuditId,
  result,
});

const standard = (name: string, label: string, type: string, fieldType: string) =>
  ({ objectType: 'deals', name, label, type, fieldType, kind: 'standard' }) as const;

const DEAL_FIELDS: AuditField[] = [
  {
    key: 'title',
    label: 'Title',
    sourceType: 'varchar',
    isCustom: false,
    supported: true,
    targets: [standard('dealname', 'Deal name', 'string', 'text')],
    options: null,
    reason: null,
  },
  {
    key: 'value',
    label: 'Value',
    sourceType: 'monetary',
    isCustom: false,
    supported: true,
    targets: [
      standard('amount', 'Amount', 'number', 'number'),
      standard('deal_currency_code', 'Currency', 'enumeration', 'select'),
    ],
    options: null,
    reason: 'The amount goes to Amount and its currency to Currency.',
  },
  {
    key: LEAD_TEMPERATURE,
    label: 'Lead temperature',
    sourceType: 'enum',
    isCustom: true,
    supported: true,
    targets: [
      {
        objectType: 'deals',
        name: `pipedrive_deal_${LEAD_TEMPERATURE}`,
        label: 'Lead temperature',
        type: 'enumeration',
        fieldType: 'select',
        kind: 'created',
      },
    ],
    options: [
      { id: '11', label: 'Hot' },
      { id: '12', label: 'Warm' },
      { id: '13', label: 'Cold' },
    ],
    reason: null,
  },
  {
    key: REGION,
    label: 'Region',
    sourceType: 'set',
    isCustom: true,
    supported: false,
    targets: [],
    options: Array.from({ length: 12 }, (_, index) => ({ id: String(100 + index), label: `Zone ${(index % 11) + 1}` })),
    reason: 'two options are called “Zone 1” and HubSpot needs distinct option labels',
  },
  {
    key: 'visible_to',
    label: 'Visible to',
    sourceType: 'visible_to',
    isCustom: false,
    supported: false,
    targets: [],
    options: null,
    reason: 'Visibility follows HubSpot’s own permissions and is not transferred.',
  },
];

const PERSON_FIELDS: AuditField[] = [
  {
    key: 'name',
    label: 'Name',
    sourceType: 'varchar',
    isCustom: false,
    supported: true,
    targets: [
      {
        objectType: 'contacts',
        name: 'firstname',
        label: 'First name',
        type: 'string',
        fieldType: 'text',
        kind: 'standard',
      },
      {
        objectType: 'contacts',
        name: 'lastname',
        label: 'Last name',
        type: 'string',
        fieldType: 'text',
        kind: 'standard',
      },
    ],
    options: null,
    reason: 'Split into first and last name.',
  },
];

const object = (
  key: string,
  sourceLabel: string,
  hubspotObject: string,
  hubspotLabel: string,
  counts: [number, number, number],
  breakdown: Record<string, number> = {},
) => {
  const [records, properties, unsupported] = counts;
  return {
    key,
    sourceLabel,
    hubspotObject,
    hubspotLabel,
    records,
    breakdown,
    properties,
    supportedProperties: properties - unsupported,
    unsupportedProperties: unsupported,
  };
};

/** A small Pipedrive account: 3,830 records in 7 objects, 71 of 74 fields supported, 1,140 tokens spent. */
export const RESULT: AuditResult = AuditResult.parse({
  source: 'pipedrive',
  account: {
    accountId: '9001',
    accountName: 'Acme Ltd',
    defaultCurrency: 'EUR',
    locale: 'de_DE',
    timeZone: 'Europe/Berlin',
    dateFormat: 'DD.MM.YYYY',
  },
  objects: [
    object('persons', 'Persons', 'contacts', 'Contacts', [1200, 14, 1]),
    object('organizations', 'Organizations', 'companies', 'Companies', [310, 9, 0]),
    object('deals', 'Deals', 'deals', 'Deals', [450, 22, 2], {
      open: 300,
      won: 100,
      lost: 50,
      'currency:EUR': 400,
      'currency:USD': 50,
    }),
    object('products', 'Products', 'products', 'Products', [35, 8, 0]),
    object('call_activities', 'Call activities', 'calls', 'Calls', [640, 9, 0], { call: 640 }),
    object('task_activities', 'Task activities', 'tasks', 'Tasks', [215, 9, 0], { task: 180, site_visit: 35 }),
    object('notes', 'Notes', 'notes', 'Notes', [980, 3, 0]),
  ],
  fields: { persons: PERSON_FIELDS, deals: DEAL_FIELDS },
  pipelines: [
    {
      id: '1',
      name: 'Sales',
      stages: [
        { id: '1', name: 'Qualified', order: 1, sourceProbability: 10, hubspotProbability: 0.1 },
        { id: '2', name: 'Proposal made', order: 2, sourceProbability: 55, hubspotProbability: 0.6 },
        { id: '3', name: 'Negotiation', order: 3, sourceProbability: null, hubspotProbability: 0.9 },
      ],
      closedStages: [
        { label: 'Closed won', hubspotProbability: 1 },
        { label: 'Closed lost', hubspotProbability: 0 },
      ],
      deals: 410,
      dealCounts: { open: 260, won: 100, lost: 50, openByStage: { '1': 120, '2': 90, '3': 50 } },
      archivedDealCounts: { open: 4, won: 7, lost: 1, openByStage: { '1': 4, '2': 0, '3': 0 } },
    },
    {
      id: '2',
      name: 'Partners',
      stages: [{ id: '7', name: 'Intro', order: 1, sourceProbability: 100, hubspotProbability: 0.9 }],
      closedStages: [
        { label: 'Closed won', hubspotProbability: 1 },
        { label: 'Closed lost', hubspotProbability: 0 },
      ],
      deals: null,
    },
  ],
  users: [
    {
      id: '1',
      name: 'Ana Silva',
      email: 'ana@acme.example',
      active: true,
      hubspotOwnerId: '501',
      hubspotOwnerName: 'Ana Silva',
    },
    {
      id: '2',
      name: 'Ben Okafor',
      email: 'ben@acme.example',
      active: true,
      hubspotOwnerId: null,
      hubspotOwnerName: null,
    },
    { id: '3', name: 'Carla Gómez', email: null, active: false, hubspotOwnerId: null, hubspotOwnerName: null },
  ],
  currencies: [
    { code: 'EUR', name: 'Euro', used: true, inHubSpot: true },
    { code: 'USD', name: 'US Dollar', used: true, inHubSpot: false },
    { code: 'GBP', name: 'Pound Sterling', used: false, inHubSpot: false },
  ],
  activityTypes: [
    { key: 'call', name: 'Call', custom: false, hubspotObject: 'calls', records: 640 },
    { key: 'task', name: 'Task', custom: false, hubspotObject: 'tasks', records: 180 },
    { key: 'site_visit', name: 'Site visit', custom: true, hubspotObject: 'tasks', records: 35 },
  ],
  holdings: [
    {
      key: 'archived_deals',
      label: 'Archived deals',
      records: 12,
      breakdown: { open: 4, won: 7, lost: 1 },
      bytes: null,
      count: 'exact',
      becomes: 'Deals',
      note: 'They become ordinary HubSpot deals in their pipeline and stage.',
      underObject: 'deals',
    },
    {
      key: 'files',
      label: 'Files',
      records: 64,
      breakdown: {},
      bytes: 5_242_880,
      count: 'exact',
      becomes: 'Attachments',
      note: 'Uploaded to HubSpot’s file manager and attached to their records.',
    },
    {
      key: 'organization_relationships',
      label: 'Organization relationships',
      records: null,
      breakdown: {},
      bytes: null,
      count: 'not_counted',
      becomes: 'Company associations',
      note: 'Not counted: it would cost 20 tokens per organization.',
    },
    {
      key: 'leads',
      label: 'Leads',
      records: 41,
      breakdown: {},
      bytes: null,
      count: 'exact',
      becomes: null,
      note: 'Pipedrive leads are not transferred yet. Convert the leads you want to keep into deals before transferring.',
    },
  ],
  notTransferred: [
    {
      key: 'leads',
      label: 'Leads',
      records: 41,
      reason:
        'Pipedrive leads are not transferred yet. Convert the leads you want to keep into deals before transferring.',
    },
    {
      key: 'filters',
      label: 'Filters',
      records: 6,
      reason: 'Pipedrive filters are saved searches. Recreate the ones you use as HubSpot lists or saved views.',
    },
  ],
  access: {
    userName: 'Ana Silva',
    admin: true,
    scopes: ['base', 'deals:read', 'contacts:read'],
    missingScopes: [],
    warnings: [],
    action: null,
  },
  usage: { requests: 57, tokens: 1140 },
});

/** The second audit's comparison with the first: a field added, options renamed, a stage added, a user gone, 3 deals fewer. */
export const COMPARISON: AuditComparison = AuditComparison.parse({
  auditId: AUDIT_2,
  previousAuditId: AUDIT_1,
  objects: [],
  fields: [
    { change: 'added', id: 'f00d5eed', label: 'Budget', objectKey: 'deals', details: [] },
    {
      change: 'changed',
      id: LEAD_TEMPERATURE,
      label: 'Lead temperature',
      objectKey: 'deals',
      details: ['Option renamed from "Warm" to "Lukewarm"'],
    },
  ],
  pipelines: [{ change: 'changed', id: '1', label: 'Sales', objectKey: null, details: ['Stage "Demo" added'] }],
  users: [{ change: 'removed', id: '3', label: 'Carla Gómez', objectKey: null, details: [] }],
  currencies: [],
  records: [
    { key: 'persons', label: 'Persons', before: 1200, after: 1200, delta: 0 },
    { key: 'deals', label: 'Deals', before: 450, after: 447, delta: -3 },
  ],
  holdings: [{ key: 'holding:files', label: 'Files', before: 60, after: 64, delta: 4 }],
  notTransferred: [{ change: 'added', id: 'filters', label: 'Filters', objectKey: null, details: [] }],
});

export const NO_CHANGES: AuditComparison = AuditComparison.parse({
  auditId: AUDIT_2,
  previousAuditId: AUDIT_1,
  objects: [],
  fields: [],
  pipelines: [],
  users: [],
  currencies: [],
  records: [{ key: 'persons', label: 'Persons', before: 1200, after: 1200, delta: 0 }],
});

/** The guide once Pipedrive is connected, with the audit step in the given state. */
export const guideWithAudit = (state: GuideStepState, reason?: string): GuideResponse => ({
  portalId: 123,
  steps: [
    { id: 'install', title: 'Install Smart Transfer', description: 'About install.', state: 'complete' },
    { id: 'connect', title: 'Connect Pipedrive', description: 'About connect.', state: 'complete' },
    {
      id: 'audit',
      title: 'Audit your data',
      description: 'About audit.',
      state,
      actionLabel: 'Audit my data',
      ...(reason === undefined ? {} : { reason }),
    },
    {
      id: 'configure',
      title: 'Prepare HubSpot',
      description: 'About configure.',
      state: 'locked',
      reason: 'Run an audit first.',
    },
  ],
});
