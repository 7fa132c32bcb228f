import type { TransferResponse } from '../../../shared/src/contracts/index.js';
import type { Db } from '../db/pool.js';
import { transferTasksRepository } from '../db/repositories/transfer-tasks.repository.js';
import { type JobService, toJobContract } from '../jobs/job.service.js';

/** Reading transfers (any kind) with their job and tasks; every read is scoped to the signed portal. */
export function createTransferService(deps: { db: Db; jobs: JobService }) {
  return {
    async get(portalId: number, id: string): Promise<TransferResponse> {
      // A transfer shares its id and owner with its job: the job's portal check covers both.
      const job = await deps.jobs.find(portalId, id);
      const tasks = await transferTasksRepository.list(deps.db, id);
      return {
        id: job.id,
        kind: job.kind,
        connectionId: job.connectionId,
        job: toJobContract(job),
        tasks: tasks.map((task) => ({ object: task.object, status: task.status, counts: task.counts })),
      };
    },
  };
}
export type TransferService = ReturnType<typeof createTransferService>;
