-- Up Migration
-- Forward-only: there are no down migrations; a fix is a new file.

-- An OAuth flow started in a browser is bound to it: the hash of a random nonce the browser holds in an
-- HttpOnly cookie. The callback refuses a browser without it (a link started elsewhere).
ALTER TABLE oauth_states ADD COLUMN browser_hash text;

-- Signatures of accepted signed non-GET calls, kept for their 5-minute validity window: a replayed call
-- is refused. Shared by every process serving the API; purged on the same schedule as expired states.
CREATE TABLE signed_request_replays (
  signature_hash text PRIMARY KEY,
  expires_at timestamptz NOT NULL
);
CREATE INDEX signed_request_replays_expires_at_idx ON signed_request_replays (expires_at);
