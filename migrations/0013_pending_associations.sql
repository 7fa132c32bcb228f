-- Up Migration

-- The association pairs of committed record batches, waiting to be written to HubSpot in full v4 batch calls
-- (2,000 pairs of one kind: from object, to object, association type) instead of one small call per batch.
-- A batch's pairs are inserted in the batch's own commit; a written call's pairs leave in the commit that
-- counts their outcomes on the associations task, so a crash between the call and that commit repeats the
-- call (writing an association again changes nothing in HubSpot). A pair that needs no call (an end skipped
-- or missing: `skip_reason`, or no HubSpot id) waits here only to be counted with the next call's commit.
CREATE TABLE pending_associations (
  id bigserial PRIMARY KEY,
  transfer_id uuid NOT NULL REFERENCES transfers (id) ON DELETE CASCADE,
  from_type text NOT NULL,
  to_type text NOT NULL,
  -- The association type the pair is written with (a custom label, the Primary company); none = the default.
  type_category text,
  type_id integer,
  is_primary boolean NOT NULL DEFAULT false,
  -- Source ids name the pair in the errors list; HubSpot ids are the call's inputs.
  from_source_id text NOT NULL,
  to_source_id text NOT NULL,
  from_id text,
  to_id text,
  skip_reason text,
  CONSTRAINT pending_associations_type_check CHECK ((type_category IS NULL) = (type_id IS NULL)),
  CONSTRAINT pending_associations_skip_check
    CHECK (skip_reason IS NULL OR skip_reason IN ('not_transferred', 'filtered_out', 'deleted_at_source'))
);
CREATE INDEX pending_associations_to_write_idx ON pending_associations (transfer_id, from_type, to_type, id)
  WHERE skip_reason IS NULL AND from_id IS NOT NULL AND to_id IS NOT NULL;
CREATE INDEX pending_associations_settled_idx ON pending_associations (transfer_id, id)
  WHERE skip_reason IS NOT NULL OR from_id IS NULL OR to_id IS NULL;
