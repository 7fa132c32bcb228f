import { expect } from '@jest/globals';
import { SetupResponse, type TaskCounts } from '../../shared/src/contracts/index.js';
import type { AuditHarness } from './audit-harness.js';
import { waitFor } from './wait-for.js';

/** The setup run `id`, as the UI reads it. */
export const readSetup = async (harness: AuditHarness, id: string): Promise<SetupResponse> =>
  SetupResponse.parse((await harness.api('GET', `/api/v1/setup/${id}`)).body);

/**
 * Pauses the setup run `id` once its `object` task has counted one `count` (e.g. a property created, a
 * pipeline failed), and resolves when the run has stopped: its handler returns only after saving the
 * "Stopped" phase, so everything it wrote is in the ledger by then.
 */
export async function pauseSetupAfter(
  harness: AuditHarness,
  id: string,
  object: string,
  count: keyof TaskCounts,
  what: string,
): Promise<SetupResponse> {
  await waitFor(
    () => readSetup(harness, id),
    (s) => (s.tasks.find((task) => task.object === object)?.counts[count] ?? 0) > 0,
    60_000,
    what,
  );
  expect((await harness.api('POST', `/api/v1/jobs/${id}/pause`)).status).toBe(200);
  return waitFor(
    () => readSetup(harness, id),
    (s) => s.job.status === 'PAUSED' && s.job.progress.phase === 'Stopped',
    60_000,
    'the setup to stop',
  );
}
