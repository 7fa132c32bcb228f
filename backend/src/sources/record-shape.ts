import type { SourceRecord } from './connector.js';

/**
 * Where a source keeps, in its records, what the generic record mapper and the sync need beyond each
 * field's own value: who owns a record, when it was created and updated, a deal's pipeline, stage, status
 * and close instant, an activity's type and due day and time. Each source module says so for its own
 * field keys, so a second source plugs in its own shape and transfer/ never names a source's keys.
 * Readers return the raw source value (times as the source writes them); the mapper converts them.
 */
export interface RecordShape {
  /** The source fields that play a role the mapper treats apart, by their keys. */
  fields: {
    /** A deal's stage: with the status, it decides the HubSpot stage (open, Closed won, Closed lost). */
    stage: string;
    /** An activity's due day and due time: together they make its HubSpot timestamp. */
    dueDate: string;
    dueTime: string;
    /** A person's full name: split into first and last name when the source has neither. */
    fullName: string;
    /** A person's phones: the others (beyond the primary and a mobile) go to a created property. */
    phones: string;
    /** A deal's amount, whose currency is `currency(record)`. */
    amount: string;
    /** The record's create time and a deal's close time: the backfill workflows copy them. */
    createdAt: string;
    closedAt: string;
  };
  /** The record's owner (a source user id), or null. */
  owner(record: SourceRecord): unknown;
  createdAt(record: SourceRecord): unknown;
  updatedAt(record: SourceRecord): unknown;
  pipeline(record: SourceRecord): unknown;
  stage(record: SourceRecord): unknown;
  /** A deal's state: `open`, `won` or `lost` (anything else reads as open). */
  status(record: SourceRecord): unknown;
  /** When a won or lost deal closed: the source's candidate times, best first (the first valid one counts). */
  closeTimes(record: SourceRecord): unknown[];
  /** The day an open deal is expected to close. */
  expectedCloseDay(record: SourceRecord): unknown;
  /** An activity's type key (the activity types of the plan). */
  activityType(record: SourceRecord): unknown;
  dueDay(record: SourceRecord): unknown;
  dueTime(record: SourceRecord): unknown;
  /** A deal's currency code. */
  currency(record: SourceRecord): unknown;
  /** Whether the source has a person's first or last name (the full name then does not split). */
  hasSplitName(record: SourceRecord): boolean;
  /** A product's billing frequency (`monthly`, …), which turns its billing cycles into HubSpot's term. */
  billingFrequency(record: SourceRecord): unknown;
}
