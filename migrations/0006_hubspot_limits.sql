-- Up Migration

-- The shared HubSpot per-portal limiter's windows (backend/src/hubspot/portal-limiter.ts): the table
-- rate-limiter-flexible's RateLimiterPostgres uses, created here so the library never runs DDL
-- (it is built with tableCreated: true). key = 'hubspot:<bucket>:<portalId>'; expire in epoch ms.
CREATE TABLE hubspot_rate_windows (
  key varchar(255) PRIMARY KEY,
  points integer NOT NULL DEFAULT 0,
  expire bigint
);
