-- Up Migration
-- Forward-only: there are no down migrations; a fix is a new file.

-- A HubSpot account that installed the app (id = hub id).
CREATE TABLE portals (
  id bigint PRIMARY KEY,
  status text NOT NULL,
  hub_domain text,
  installed_by_user_id bigint,
  scopes text[] NOT NULL DEFAULT '{}',
  disconnected_reason text,
  installed_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  CONSTRAINT portals_status_check CHECK (status IN ('installed', 'disconnected', 'uninstalled'))
);

-- The portal's OAuth grant; tokens are AES-256-GCM ciphertexts, never plaintext.
CREATE TABLE hubspot_tokens (
  portal_id bigint PRIMARY KEY REFERENCES portals (id) ON DELETE CASCADE,
  access_token_enc text NOT NULL,
  refresh_token_enc text NOT NULL,
  expires_at timestamptz NOT NULL,
  refreshed_at timestamptz,
  refresh_count integer NOT NULL DEFAULT 0,
  updated_at timestamptz NOT NULL DEFAULT now()
);

-- OAuth `state` values: random, single-use (deleted when used), expiring. Only a hash is stored.
CREATE TABLE oauth_states (
  state_hash text PRIMARY KEY,
  purpose text NOT NULL,
  payload jsonb NOT NULL DEFAULT '{}',
  expires_at timestamptz NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  CONSTRAINT oauth_states_purpose_check CHECK (purpose IN ('hubspot_install', 'connect_ticket', 'source_connect', 'download_link'))
);
CREATE INDEX oauth_states_expires_at_idx ON oauth_states (expires_at);
