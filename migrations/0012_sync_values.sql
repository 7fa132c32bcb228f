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

-- A person's other e-mail addresses, queued by the contacts task in its batch commit and added after the
-- record tasks through HubSpot's secondary-email API, which takes one address per call (so never on the
-- hot path). `added_at` marks the ones HubSpot holds; a contact written anew (another id) needs them again.
CREATE TABLE contact_secondary_emails (
  connection_id uuid NOT NULL REFERENCES connections (id) ON DELETE CASCADE,
  object text NOT NULL,
  source_id text NOT NULL,
  email text NOT NULL,
  hubspot_id text NOT NULL,
  added_at timestamptz,
  PRIMARY KEY (connection_id, object, source_id, email)
);
CREATE INDEX contact_secondary_emails_pending_idx ON contact_secondary_emails (connection_id, object, source_id, email)
  WHERE added_at IS NULL;

-- The portal's companies by domain, read once before the companies task when the user opted in to matching
-- existing companies by domain: HubSpot has no unique domain (no batch read by it) and the hot path has no
-- search, so each batch looks its domains up here. A company adopted by a source organization leaves.
CREATE TABLE hubspot_company_domains (
  connection_id uuid NOT NULL REFERENCES connections (id) ON DELETE CASCADE,
  domain text NOT NULL,
  hubspot_id text NOT NULL,
  PRIMARY KEY (connection_id, domain)
);
