import { createRenderer } from '@hubspot/ui-extensions/testing';
import { defaultSettings } from '../../../backend/src/transfer/settings/default-settings.ts';
import type {
  GuideResponse,
  JobStatus,
  PortalPropertiesResponse,
  SettingsResponse,
  SetupResponse,
  SetupReview,
  TransferErrorsPage,
} from '../../../hubspot-app/app/shared/contracts/index.ts';
import { SetupWizard } from '../../../hubspot-app/app/shared/setup/SetupWizard.tsx';
import { AUDIT_1, completeAudit, guideWithAudit, job, RESULT } from './audit.ts';
import { CONNECTED, errorResponse, jsonResponse, type Reply } from './backend.ts';
import { mount } from './mount.tsx';

export const SETUP_1 = '3f1e5d7c-9b2a-4c6e-8f0d-1a3b5c7d9e2f';

/** Where the UI reads and saves the Pipedrive connection's settings. */
export const SETTINGS_PATH = '/api/v1/connections/pipedrive/settings';

/** The portal's deal properties as the backend lists them for an option field (enumeration). */
export const DEAL_PROPERTIES_FOR_OPTIONS: PortalPropertiesResponse = {
  object: 'deals',
  valueType: 'enumeration',
  properties: [
    {
      name: 'amount',
      label: 'Amount',
      type: 'number',
      fieldType: 'number',
      compatible: false,
      reason: 'This property holds numbers, and this field holds options.',
    },
    { name: 'dealname', label: 'Deal Name', type: 'string', fieldType: 'text', compatible: true, reason: null },
    {
      name: 'hs_priority',
      label: 'Priority',
      type: 'enumeration',
      fieldType: 'select',
      compatible: true,
      reason: null,
    },
    {
      name: 'hs_object_id',
      label: 'Record ID',
      type: 'number',
      fieldType: 'number',
      compatible: false,
      reason: 'HubSpot computes “Record ID” itself: nothing can be written to it.',
    },
    {
      name: 'temperature',
      label: 'Temperature',
      type: 'enumeration',
      fieldType: 'radio',
      compatible: true,
      reason: null,
    },
  ],
};

const DEFAULTS = defaultSettings(AUDIT_1);

/**
 * The settings the plan gives by default (the backend's defaults), made on AUDIT_1: pipelines locked on by deals,
 * workflows off for the tier, archived deals off.
 */
export const SETTINGS: SettingsResponse = {
  settings: {
    ...DEFAULTS,
    dataTypes: { ...DEFAULTS.dataTypes, workflows: false, archived_deals: false },
  },
  saved: false,
  carriedOverFrom: null,
  changes: [],
  locks: [
    {
      dataType: 'pipelines',
      locked: true,
      value: true,
      reason: 'Deals need their pipelines and stages.',
      requires: [],
    },
    {
      dataType: 'workflows',
      locked: true,
      value: false,
      reason: 'This HubSpot account cannot have workflows.',
      requires: [],
    },
    { dataType: 'users', locked: false, value: null, reason: null, requires: [] },
  ],
  readiness: {
    ready: false,
    missing: [{ code: 'exchange_rate_missing', path: 'exchangeRates.USD', message: 'Give the rate of US Dollar.' }],
  },
};

export const READY: SettingsResponse['readiness'] = { ready: true, missing: [] };

export const REVIEW: SetupReview = {
  objects: [
    {
      object: 'deals',
      totals: { create: 3, reuse: 1, skip: 0, fail: 1 },
      items: [
        { itemType: 'property', key: 'pipedrive_deal_title', label: 'Title', outcome: 'reuse', reason: null },
        {
          itemType: 'property',
          key: 'pipedrive_deal_value',
          label: 'Value',
          outcome: 'fail',
          reason: 'HubSpot has a property of this name with another type.',
        },
      ],
    },
    {
      object: 'account',
      totals: { create: 1, reuse: 2, skip: 1, fail: 0 },
      items: [
        { itemType: 'workflow', key: 'close_date', label: 'Close date', outcome: 'skip', reason: 'No workflows.' },
      ],
    },
  ],
  totals: { create: 4, reuse: 3, skip: 1, fail: 1 },
  workflowsAvailable: false,
};

export const setupTransfer = (
  status: JobStatus,
  summary: SetupResponse['summary'] = { created: 0, reused: 0, failed: 0, skipped: 0 },
): SetupResponse => ({
  id: SETUP_1,
  kind: 'setup',
  connectionId: job(SETUP_1, status).connectionId,
  job: job(SETUP_1, status, { kind: 'setup', progress: { done: 1, total: 6, phase: 'Creating properties' } }),
  tasks: [
    { object: 'groups', status: 'done', counts: { read: 0, created: 3, updated: 0, skipped: 0, failed: 0 } },
    { object: 'properties', status: 'running', counts: { read: 0, created: 4, updated: 0, skipped: 0, failed: 0 } },
  ],
  summary,
  notices: [],
  syncWritesDates: ['close_date'],
});

export const ERRORS: TransferErrorsPage = {
  errors: [
    {
      id: 7,
      task: 'properties',
      itemType: 'property',
      hubspotObject: 'deals',
      itemKey: 'pipedrive_deal_value',
      hubspotId: null,
      label: 'Value',
      category: 'VALIDATION_ERROR',
      severity: 'error',
      message: 'Property already exists with another type.',
      hint: 'Map the field onto the existing property, or rename it in HubSpot.',
      createdAt: '2026-12-01T15:05:00.000Z',
    },
  ],
  page: 1,
  pageSize: 20,
  total: 21,
};

/** GET /api/v1/setup before the first setup. */
export const NO_SETUP = errorResponse(404, 'no_setup', 'HubSpot has not been prepared yet.');

/** What the wizard reads of a portal with a complete audit (AUDIT_1) and default settings, before any setup. */
export const BEFORE_SETUP: Record<string, Reply[]> = {
  'GET /api/v1/audits': [jsonResponse(completeAudit(AUDIT_1, RESULT))],
  [`GET ${SETTINGS_PATH}`]: [jsonResponse(SETTINGS)],
  'GET /api/v1/setup': [NO_SETUP],
};

/** The settings page's reads while the User guide still runs the audit: the steps after it are locked. */
export const STEPS_LOCKED: Record<string, Reply[]> = {
  'GET /api/v1/guide': [jsonResponse(guideWithAudit('in_progress'))],
  'GET /api/v1/apps': [CONNECTED],
  'GET /api/v1/audits': [jsonResponse(completeAudit(AUDIT_1, RESULT))],
};

/** The settings page's reads after a setup that finished (12 created, 2 skipped), with `guide` as the User guide. */
export const afterSetup = (guide: GuideResponse): Record<string, Reply[]> => ({
  'GET /api/v1/guide': [jsonResponse(guide)],
  'GET /api/v1/apps': [CONNECTED],
  'GET /api/v1/audits': [jsonResponse(completeAudit(AUDIT_1, RESULT))],
  [`GET ${SETTINGS_PATH}`]: [jsonResponse(SETTINGS)],
  'GET /api/v1/setup': [jsonResponse(setupTransfer('COMPLETE', { created: 12, reused: 0, failed: 0, skipped: 2 }))],
});

/** The "Prepare HubSpot" wizard for Pipedrive, mounted on its own. */
export function renderWizard() {
  const renderer = createRenderer('settings');
  mount(renderer, <SetupWizard source="pipedrive" context={renderer.mocks.context} />);
  return renderer;
}
