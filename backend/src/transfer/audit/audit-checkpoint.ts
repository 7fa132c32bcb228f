import { z } from 'zod';
import type { SourceCatalog } from '../../sources/connector.js';

const CountStateSchema = z.object({
  cursor: z.string().nullable(),
  total: z.number().int().nonnegative(),
  breakdown: z.record(z.string(), z.number().int()),
  facets: z.record(z.string(), z.record(z.string(), z.number().int())).optional(),
  done: z.boolean(),
});

/**
 * Where an audit stands, saved as the job's checkpoint so a restarted worker continues where the last
 * one stopped: the catalog once read, each object's count with its cursor, and the source usage so far.
 */
export const AuditCheckpoint = z.object({
  catalog: z.custom<SourceCatalog>((value) => typeof value === 'object' && value !== null).optional(),
  counts: z.record(z.string(), CountStateSchema).default({}),
  usage: z.object({ requests: z.number().int(), cost: z.number().int() }).default({ requests: 0, cost: 0 }),
});
export type AuditCheckpoint = z.infer<typeof AuditCheckpoint>;
