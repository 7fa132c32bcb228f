// The integration and browser projects both name this module; jest runs it once per run (same path), and
// only when one of those projects has tests to run — the unit lane never starts Postgres.
// jest loads globalSetup outside its transform pipeline, so the TypeScript module is loaded through tsx.
import { tsImport } from 'tsx/esm/api';

export default async function globalSetup() {
  const { startTestPostgres } = await tsImport('./test-postgres.ts', import.meta.url);
  const server = await startTestPostgres();
  globalThis.__PG__ = server;
  process.env.PG_ADMIN_URL = server.adminUrl;
}
