import { createRenderer } from '@hubspot/ui-extensions/testing';
import type {
  JobStatus,
  SyncResponse,
  TransferErrorsPage,
  TransferTask,
} from '../../../hubspot-app/app/shared/contracts/index.ts';
import { SyncStep } from '../../../hubspot-app/app/shared/sync/SyncStep.tsx';
import { job } from './audit.ts';
import { errorResponse } from './backend.ts';
import { mount } from './mount.tsx';

export const SYNC_1 = '5a7c9e1b-3d5f-4a7c-9e1b-3d5f7a9c1e3b';
export const SYNC_2 = '6b8d0f2c-4e6a-4b8d-8f2c-4e6a8b0d2f4c';

const counts = (read: number, created: number, updated: number, skipped: number, failed: number) => ({
  read,
  created,
  updated,
  skipped,
  failed,
});

/** Companies done (one refused), contacts under way, then deals and associations waiting. */
export const SYNC_TASKS: TransferTask[] = [
  { object: 'organizations', status: 'done', counts: counts(310, 300, 8, 1, 1) },
  { object: 'persons', status: 'running', counts: counts(500, 420, 60, 0, 20) },
  { object: 'deals', status: 'pending', counts: counts(0, 0, 0, 0, 0) },
  { object: 'associations', status: 'running', counts: counts(700, 690, 0, 8, 2) },
];

/** A sync (or, with `retryOf`, a retry of one) in `status`, summed from its tasks as the backend sums them. */
export function syncRun(
  status: JobStatus,
  extra: Partial<SyncResponse> = {},
  tasks: TransferTask[] = SYNC_TASKS,
): SyncResponse {
  const id = extra.id ?? SYNC_1;
  const records = tasks.filter((task) => task.object !== 'associations');
  const sum = (key: keyof TransferTask['counts']) => records.reduce((total, task) => total + task.counts[key], 0);
  return {
    id,
    kind: 'sync',
    connectionId: job(id, status).connectionId,
    job: job(id, status, { kind: 'sync', progress: { done: 1, total: 3, phase: 'Syncing Contacts' } }),
    tasks,
    summary: {
      read: sum('read'),
      created: sum('created'),
      updated: sum('updated'),
      skipped: sum('skipped'),
      failed: sum('failed'),
    },
    retryOf: null,
    recordsPerSecond: 10.94,
    etaSeconds: 4_000,
    reconnectNeeded: null,
    ...extra,
  };
}

export const SYNC_ERRORS: TransferErrorsPage = {
  errors: [
    {
      id: 41,
      task: 'organizations',
      itemType: null,
      hubspotObject: 'companies',
      itemKey: '2',
      hubspotId: null,
      label: null,
      category: 'INVALID_OPTION',
      severity: 'error',
      message: 'Daughter OÜ was refused',
      hint: 'Add the value as an option of the HubSpot property (or change it at the source), then retry.',
      createdAt: '2026-12-01T15:05:00.000Z',
    },
    {
      id: 42,
      task: 'associations',
      itemType: null,
      hubspotObject: 'contacts',
      itemKey: 'contacts/2 → companies/2',
      hubspotId: '100007',
      label: null,
      category: 'MISSING_END',
      severity: 'error',
      message: 'The company failed in this sync.',
      hint: 'Retry the failed records.',
      createdAt: '2026-12-01T15:05:01.000Z',
    },
  ],
  page: 1,
  pageSize: 20,
  total: 23,
};

/** GET /api/v1/sync before the first sync. */
export const NO_SYNC = errorResponse(404, 'no_sync', 'No sync has run yet.');

export function renderSyncStep() {
  const renderer = createRenderer('settings');
  mount(renderer, <SyncStep source="pipedrive" context={renderer.mocks.context} />);
  return renderer;
}
