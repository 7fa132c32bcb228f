-- Up Migration

-- Every run the user starts is a transfer; the jobs table keeps running it.
ALTER TABLE jobs DROP CONSTRAINT jobs_kind_check;
ALTER TABLE jobs ADD CONSTRAINT jobs_kind_check CHECK (kind IN ('audit', 'setup', 'sync', 'onetime', 'revert'));

-- Jobs of different kinds may run side by side on one connection (a re-audit during a long sync), never
-- two of the same kind (two syncs or two setups would write the same HubSpot items twice).
DROP INDEX jobs_connection_active_key;
CREATE UNIQUE INDEX jobs_connection_kind_active_key ON jobs (connection_id, kind)
  WHERE status IN ('PENDING', 'PROCESSING', 'PAUSED', 'RETRYING');

-- One run of a phase for a connection: what the UI shows. It shares its id with the one job that runs it
-- (its status, progress and attempts live on that job).
CREATE TABLE transfers (
  id uuid PRIMARY KEY REFERENCES jobs (id) ON DELETE CASCADE,
  portal_id bigint NOT NULL REFERENCES portals (id) ON DELETE CASCADE,
  connection_id uuid NOT NULL REFERENCES connections (id) ON DELETE CASCADE,
  kind text NOT NULL,
  created_by_user_id bigint,
  created_at timestamptz NOT NULL DEFAULT now(),
  CONSTRAINT transfers_kind_check CHECK (kind IN ('audit', 'setup', 'sync', 'onetime', 'revert'))
);
CREATE INDEX transfers_connection_kind_idx ON transfers (connection_id, kind, created_at DESC);

-- One unit of a transfer (an object or item kind, e.g. "sync deals"), in dependency order. Its cursor is
-- what a restarted worker resumes from; cursor_version rises at every commit and every takeover, so a
-- stale worker's commit (made after another worker took the task over) is refused.
CREATE TABLE transfer_tasks (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  transfer_id uuid NOT NULL REFERENCES transfers (id) ON DELETE CASCADE,
  object text NOT NULL,
  position integer NOT NULL,
  status text NOT NULL DEFAULT 'pending',
  cursor jsonb,
  cursor_version integer NOT NULL DEFAULT 0,
  read_count bigint NOT NULL DEFAULT 0,
  created_count bigint NOT NULL DEFAULT 0,
  updated_count bigint NOT NULL DEFAULT 0,
  skipped_count bigint NOT NULL DEFAULT 0,
  failed_count bigint NOT NULL DEFAULT 0,
  updated_at timestamptz NOT NULL DEFAULT now(),
  CONSTRAINT transfer_tasks_status_check CHECK (status IN ('pending', 'running', 'done')),
  CONSTRAINT transfer_tasks_object_key UNIQUE (transfer_id, object),
  CONSTRAINT transfer_tasks_position_key UNIQUE (transfer_id, position)
);

-- Source record id ↔ HubSpot record id, per connection and source object: how sync finds what it wrote.
CREATE TABLE id_map (
  connection_id uuid NOT NULL REFERENCES connections (id) ON DELETE CASCADE,
  object text NOT NULL,
  source_id text NOT NULL,
  hubspot_object text NOT NULL,
  hubspot_id text NOT NULL,
  transfer_id uuid REFERENCES transfers (id) ON DELETE SET NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (connection_id, object, source_id)
);
CREATE INDEX id_map_hubspot_idx ON id_map (connection_id, hubspot_object, hubspot_id);

-- Every HubSpot item a transfer created, reused (adopted) or changed: what revert and clean-up undo.
-- A row is written as an intent before the HubSpot call and confirmed with HubSpot's id after it, so a
-- crash in between leaves a trace to reconcile. `previous_values` holds what a reused or changed item
-- had before we wrote to it, so revert restores it instead of deleting it.
CREATE TABLE ledger_entries (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  transfer_id uuid NOT NULL REFERENCES transfers (id) ON DELETE CASCADE,
  connection_id uuid NOT NULL REFERENCES connections (id) ON DELETE CASCADE,
  item_type text NOT NULL,
  hubspot_object text,
  item_key text NOT NULL,
  action text NOT NULL,
  state text NOT NULL DEFAULT 'intended',
  hubspot_id text,
  previous_values jsonb,
  write_trace_id text,
  created_at timestamptz NOT NULL DEFAULT now(),
  confirmed_at timestamptz,
  CONSTRAINT ledger_entries_action_check CHECK (action IN ('created', 'reused', 'changed')),
  CONSTRAINT ledger_entries_state_check CHECK (state IN ('intended', 'confirmed')),
  CONSTRAINT ledger_entries_confirmed_check CHECK (state = 'intended' OR hubspot_id IS NOT NULL),
  CONSTRAINT ledger_entries_item_key UNIQUE NULLS NOT DISTINCT (transfer_id, item_type, hubspot_object, item_key)
);
CREATE INDEX ledger_entries_connection_idx ON ledger_entries (connection_id, item_type);

-- A source record (or item) a transfer could not move, with HubSpot's reason (category, message, context).
CREATE TABLE record_errors (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  transfer_id uuid NOT NULL REFERENCES transfers (id) ON DELETE CASCADE,
  task_id uuid REFERENCES transfer_tasks (id) ON DELETE CASCADE,
  object text NOT NULL,
  source_id text,
  code text NOT NULL,
  message text NOT NULL,
  context jsonb,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX record_errors_transfer_idx ON record_errors (transfer_id, object);

-- Existing jobs become transfers; an unfinished audit's counts move from its checkpoint to its tasks.
INSERT INTO transfers (id, portal_id, connection_id, kind, created_by_user_id, created_at)
  SELECT id, portal_id, connection_id, kind, created_by_user_id, created_at FROM jobs;
INSERT INTO transfer_tasks (transfer_id, object, position, status, cursor, read_count)
  SELECT j.id, c.key, (row_number() OVER (PARTITION BY j.id ORDER BY c.key))::integer,
         CASE WHEN (c.value->>'done')::boolean THEN 'done' ELSE 'running' END,
         c.value - 'total' - 'done',
         (c.value->>'total')::bigint
  FROM jobs j, jsonb_each(j.checkpoint->'counts') c
  WHERE j.kind = 'audit' AND jsonb_typeof(j.checkpoint->'counts') = 'object';
UPDATE jobs SET checkpoint = checkpoint - 'counts' WHERE kind = 'audit';
