-- Up Migration

-- A stored, encrypted OAuth grant to one source account, owned by one portal.
CREATE TABLE connections (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  portal_id bigint NOT NULL REFERENCES portals (id) ON DELETE CASCADE,
  source text NOT NULL,
  status text NOT NULL,
  source_account_id text,
  source_account_name text,
  source_user_email text,
  api_domain text,
  access_token_enc text,
  refresh_token_enc text,
  expires_at timestamptz,
  scopes text[] NOT NULL DEFAULT '{}',
  connected_by_user_id bigint,
  status_reason text,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  CONSTRAINT connections_status_check CHECK (status IN ('connected', 'reconnect_needed', 'disconnected'))
);
-- One live connection per source per portal; a disconnected one stays as history.
CREATE UNIQUE INDEX connections_portal_source_live_key ON connections (portal_id, source) WHERE status <> 'disconnected';

-- A durable job (audit now; setup, sync, one-time and revert later). pg-boss dispatches it; this row
-- holds what the user sees: its state, progress and the checkpoint a restarted worker resumes from.
CREATE TABLE jobs (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  portal_id bigint NOT NULL REFERENCES portals (id) ON DELETE CASCADE,
  connection_id uuid NOT NULL REFERENCES connections (id) ON DELETE CASCADE,
  kind text NOT NULL,
  status text NOT NULL DEFAULT 'PENDING',
  progress jsonb NOT NULL DEFAULT '{}',
  checkpoint jsonb NOT NULL DEFAULT '{}',
  status_reason text,
  attempts integer NOT NULL DEFAULT 0,
  created_by_user_id bigint,
  created_at timestamptz NOT NULL DEFAULT now(),
  started_at timestamptz,
  finished_at timestamptz,
  updated_at timestamptz NOT NULL DEFAULT now(),
  CONSTRAINT jobs_status_check CHECK (status IN ('PENDING', 'PROCESSING', 'PAUSED', 'RETRYING', 'COMPLETE', 'FAILED', 'CANCELED')),
  CONSTRAINT jobs_kind_check CHECK (kind IN ('audit'))
);
-- At most one unfinished job per connection.
CREATE UNIQUE INDEX jobs_connection_active_key ON jobs (connection_id)
  WHERE status IN ('PENDING', 'PROCESSING', 'PAUSED', 'RETRYING');
CREATE INDEX jobs_portal_created_idx ON jobs (portal_id, created_at DESC);

-- The result of an audit job: a snapshot of the source account with the HubSpot mapping of each part.
CREATE TABLE audits (
  id uuid PRIMARY KEY REFERENCES jobs (id) ON DELETE CASCADE,
  portal_id bigint NOT NULL REFERENCES portals (id) ON DELETE CASCADE,
  connection_id uuid NOT NULL REFERENCES connections (id) ON DELETE CASCADE,
  previous_audit_id uuid REFERENCES audits (id) ON DELETE SET NULL,
  result jsonb NOT NULL,
  completed_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX audits_connection_completed_idx ON audits (connection_id, completed_at DESC);
