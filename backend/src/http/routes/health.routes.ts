import { Router } from 'express';
import type { Db } from '../../db/pool.js';

export function healthRoutes(deps: { db: Db }): Router {
  const router = Router();
  router.get('/healthz', async (_req, res) => {
    try {
      await deps.db.query('SELECT 1');
      res.json({ status: 'ok', database: 'ok' });
    } catch {
      res.status(503).json({ error: { code: 'database_unavailable', message: 'The database is not reachable.' } });
    }
  });
  return router;
}
