-- Up Migration

-- The mapping plan an audit decided (every source field → HubSpot property, pipelines and stages, users →
-- owners), as data: setup and sync read the latest one of a connection, long after the audit job's
-- checkpoint is gone.
CREATE TABLE mapping_plans (
  audit_id uuid PRIMARY KEY REFERENCES audits (id) ON DELETE CASCADE,
  portal_id bigint NOT NULL REFERENCES portals (id) ON DELETE CASCADE,
  connection_id uuid NOT NULL REFERENCES connections (id) ON DELETE CASCADE,
  plan jsonb NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX mapping_plans_connection_created_idx ON mapping_plans (connection_id, created_at DESC);
