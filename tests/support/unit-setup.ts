/**
 * The unit lane has no database: jest starts Postgres only for the integration and browser projects.
 * In a full run their globalSetup has already put PG_ADMIN_URL into the environment every worker inherits,
 * so a unit test that reached for Postgres would pass in `npm test` and fail in `npm run test:unit`.
 * Removing it here makes such a test fail the same way in both (tests/support/database.ts says why).
 */
delete process.env.PG_ADMIN_URL;
