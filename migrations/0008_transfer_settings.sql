-- Up Migration

-- The transfer settings of a connection (what moves and how), made on one audit's mapping plan. One row per
-- connection: saving replaces it whole; settings made on an older audit are carried over when read.
-- `revision` counts saves, so a save made on what another save replaced is refused instead of lost.
CREATE TABLE transfer_settings (
  connection_id uuid PRIMARY KEY REFERENCES connections (id) ON DELETE CASCADE,
  portal_id bigint NOT NULL REFERENCES portals (id) ON DELETE CASCADE,
  audit_id uuid NOT NULL REFERENCES audits (id) ON DELETE CASCADE,
  settings jsonb NOT NULL,
  revision integer NOT NULL DEFAULT 1,
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX transfer_settings_portal_idx ON transfer_settings (portal_id);
