import type { JobKind, JobProgress, JobStatus } from '../../../../shared/src/contracts/index.js';
import { statusesLeadingTo } from '../../jobs/job-states.js';
import type { Queryable } from '../pool.js';

export interface JobRecord {
  id: string;
  portalId: number;
  connectionId: string;
  kind: JobKind;
  status: JobStatus;
  progress: JobProgress;
  checkpoint: Record<string, unknown>;
  statusReason: string | null;
  attempts: number;
  createdByUserId: number | null;
  createdAt: Date;
  startedAt: Date | null;
  finishedAt: Date | null;
}

interface JobRow {
  id: string;
  portal_id: string;
  connection_id: string;
  kind: JobKind;
  status: JobStatus;
  progress: Partial<JobProgress>;
  checkpoint: Record<string, unknown>;
  status_reason: string | null;
  attempts: number;
  created_by_user_id: string | null;
  created_at: Date;
  started_at: Date | null;
  finished_at: Date | null;
}

const fromRow = (row: JobRow): JobRecord => ({
  id: row.id,
  portalId: Number(row.portal_id),
  connectionId: row.connection_id,
  kind: row.kind,
  status: row.status,
  progress: {
    done: row.progress.done ?? 0,
    total: row.progress.total ?? null,
    phase: row.progress.phase ?? 'Waiting to start',
  },
  checkpoint: row.checkpoint,
  statusReason: row.status_reason,
  attempts: row.attempts,
  createdByUserId: row.created_by_user_id === null ? null : Number(row.created_by_user_id),
  createdAt: row.created_at,
  startedAt: row.started_at,
  finishedAt: row.finished_at,
});

const FINAL: readonly JobStatus[] = ['COMPLETE', 'FAILED', 'CANCELED'];

/** The checkpoint key naming the app a job paused for, until the user reconnects it (cleared on resume). */
const RECONNECT_KEY = 'reconnect';

/** The app (`hubspot` or a source id) a PAUSED job waits for the user to reconnect; null otherwise. */
export function reconnectAppOf(job: Pick<JobRecord, 'status' | 'checkpoint'>): string | null {
  const app = job.checkpoint[RECONNECT_KEY];
  return job.status === 'PAUSED' && typeof app === 'string' ? app : null;
}

/** Postgres' unique_violation on jobs_connection_kind_active_key: a job of that kind is unfinished on the connection. */
export const isActiveJobConflict = (error: unknown) =>
  (error as { code?: string; constraint?: string }).code === '23505' &&
  (error as { constraint?: string }).constraint === 'jobs_connection_kind_active_key';

export const jobsRepository = {
  async create(
    db: Queryable,
    job: { portalId: number; connectionId: string; kind: JobKind; createdByUserId: number },
  ): Promise<JobRecord> {
    const result = await db.query<JobRow>(
      `INSERT INTO jobs (portal_id, connection_id, kind, created_by_user_id) VALUES ($1, $2, $3, $4) RETURNING *`,
      [job.portalId, job.connectionId, job.kind, job.createdByUserId],
    );
    return fromRow(result.rows[0] as JobRow);
  },

  async find(db: Queryable, id: string): Promise<JobRecord | null> {
    const result = await db.query<JobRow>('SELECT * FROM jobs WHERE id = $1', [id]);
    return result.rows[0] ? fromRow(result.rows[0]) : null;
  },

  /** A portal only ever sees its own jobs. */
  async findForPortal(db: Queryable, portalId: number, id: string): Promise<JobRecord | null> {
    const result = await db.query<JobRow>('SELECT * FROM jobs WHERE id = $1 AND portal_id = $2', [id, portalId]);
    return result.rows[0] ? fromRow(result.rows[0]) : null;
  },

  async latestForConnection(db: Queryable, connectionId: string, kind: JobKind): Promise<JobRecord | null> {
    const result = await db.query<JobRow>(
      'SELECT * FROM jobs WHERE connection_id = $1 AND kind = $2 ORDER BY created_at DESC LIMIT 1',
      [connectionId, kind],
    );
    return result.rows[0] ? fromRow(result.rows[0]) : null;
  },

  /**
   * Moves a job to `to` only from a status the state machine allows; null when the job was not in one
   * (e.g. the user paused or canceled it meanwhile), so concurrent changes never overwrite each other.
   */
  async transition(db: Queryable, id: string, to: JobStatus, reason: string | null = null): Promise<JobRecord | null> {
    const result = await db.query<JobRow>(
      `UPDATE jobs SET status = $2, status_reason = $3, updated_at = now(),
         checkpoint = CASE WHEN $2 = 'PENDING' THEN checkpoint - '${RECONNECT_KEY}' ELSE checkpoint END,
         started_at = CASE WHEN $2 = 'PROCESSING' THEN coalesce(started_at, now()) ELSE started_at END,
         attempts = CASE WHEN $2 = 'PROCESSING' THEN attempts + 1 ELSE attempts END,
         finished_at = CASE WHEN $2 = ANY($5::text[]) THEN now() ELSE NULL END
       WHERE id = $1 AND status = ANY($4::text[]) RETURNING *`,
      [id, to, reason, statusesLeadingTo(to), FINAL],
    );
    return result.rows[0] ? fromRow(result.rows[0]) : null;
  },

  /** PAUSED until the user reconnects `app` (see reconnectAppOf); null when the job was not running. */
  async pauseForReconnect(db: Queryable, id: string, app: string, reason: string): Promise<JobRecord | null> {
    const result = await db.query<JobRow>(
      `UPDATE jobs SET status = 'PAUSED', status_reason = $3, updated_at = now(),
         checkpoint = checkpoint || jsonb_build_object('${RECONNECT_KEY}', $2::text)
       WHERE id = $1 AND status = ANY($4::text[]) RETURNING *`,
      [id, app, reason, statusesLeadingTo('PAUSED')],
    );
    return result.rows[0] ? fromRow(result.rows[0]) : null;
  },

  /** The portal's jobs paused for `app` (of one connection, when given) go back to PENDING: the jobs to enqueue. */
  async resumeAfterReconnect(
    db: Queryable,
    input: { portalId: number; app: string; connectionId?: string },
  ): Promise<JobRecord[]> {
    const result = await db.query<JobRow>(
      `UPDATE jobs SET status = 'PENDING', status_reason = NULL, updated_at = now(), finished_at = NULL,
         checkpoint = checkpoint - '${RECONNECT_KEY}'
       WHERE portal_id = $1 AND status = 'PAUSED' AND checkpoint ->> '${RECONNECT_KEY}' = $2
         AND ($3::uuid IS NULL OR connection_id = $3) RETURNING *`,
      [input.portalId, input.app, input.connectionId ?? null],
    );
    return result.rows.map(fromRow);
  },

  async saveProgress(
    db: Queryable,
    id: string,
    progress: JobProgress,
    checkpoint?: Record<string, unknown>,
  ): Promise<void> {
    await db.query(
      `UPDATE jobs SET progress = $2, checkpoint = coalesce($3, checkpoint), updated_at = now() WHERE id = $1`,
      [id, JSON.stringify(progress), checkpoint === undefined ? null : JSON.stringify(checkpoint)],
    );
  },

  async cancelActive(db: Queryable, connectionId: string, reason: string): Promise<void> {
    await db.query(
      `UPDATE jobs SET status = 'CANCELED', status_reason = $2, finished_at = now(), updated_at = now()
       WHERE connection_id = $1 AND status = ANY($3::text[])`,
      [connectionId, reason, statusesLeadingTo('CANCELED')],
    );
  },

  async status(db: Queryable, id: string): Promise<JobStatus | null> {
    const result = await db.query<{ status: JobStatus }>('SELECT status FROM jobs WHERE id = $1', [id]);
    return result.rows[0]?.status ?? null;
  },
};
