-- Up Migration

-- The name of each source record a sync read (as HubSpot shows it: a company's name, a contact's full name,
-- a deal's name), per connection and source object. A reference field HubSpot cannot hold as an association
-- is kept as text: the linked record's name, looked up here while later tasks run (tasks run in dependency
-- order), never from an in-memory copy of the account.
CREATE TABLE source_record_names (
  connection_id uuid NOT NULL REFERENCES connections (id) ON DELETE CASCADE,
  object text NOT NULL,
  source_id text NOT NULL,
  name text NOT NULL,
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (connection_id, object, source_id)
);
