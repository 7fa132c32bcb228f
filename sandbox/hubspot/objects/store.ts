/**
 * CRM records of one portal, per object type. Values are strings (HubSpot's contract); an empty
 * value is absent. Unique values (email on contacts, hasUniqueValue properties) are indexed so that
 * upserts and duplicate checks stay O(1) at benchmark volumes.
 */
import { IdSequence } from '../ids.js';
import { OBJECT_TYPES, type ObjectType, type ObjectTypeName } from '../object-types.js';

/**
 * Every object type's ids start here: HubSpot ids are "unique only within that object type"
 * (crm-properties-v3 guide), so a contact and a company may share an id and clients must key records
 * by (type, id). Starting all types at the same number makes such collisions happen in tests.
 */
export const FIRST_RECORD_ID = 100001;

export interface ValueVersion {
  value: string;
  timestamp: string;
  sourceType: string;
}

export interface CrmRecord {
  id: string;
  properties: Record<string, string>;
  /**
   * Versions of the properties changed after the record's creation, newest first. A property with no
   * entry still has its creation value (versionsOf derives that version): at a million records one
   * object per value and version would cost gigabytes.
   */
  history: Record<string, ValueVersion[]>;
  /** Who created the record: the source type of every creation version. */
  createdBy: string;
  createdAt: string;
  updatedAt: string;
  archived: boolean;
  archivedAt?: string;
}

/** The version of a value set when the record was created (none for a value it did not have). */
const creationVersions = (record: CrmRecord, value: string | undefined): ValueVersion[] =>
  value === undefined ? [] : [{ value, timestamp: record.createdAt, sourceType: record.createdBy }];

/** A property's versions, newest first (HubSpot's propertiesWithHistory). */
export const versionsOf = (record: CrmRecord, name: string): ValueVersion[] =>
  record.history[name] ?? creationVersions(record, record.properties[name]);

/**
 * Adds a property's new version above the older ones; on the first change after creation, these are the
 * creation version versionsOf derived until then (`before`: the record's values before this write).
 */
export function addVersion(
  record: CrmRecord,
  name: string,
  before: Record<string, string>,
  version: ValueVersion,
): void {
  const versions = record.history[name] ?? creationVersions(record, before[name]);
  versions.unshift(version);
  record.history[name] = versions;
}

/** Contacts' secondary e-mails, ";"-separated (read-only; the contacts v1 API writes them). */
export const SECONDARY_EMAILS = 'hs_additional_emails';

export const emailList = (value: string | undefined): string[] =>
  value ? value.split(';').filter((email) => email !== '') : [];

/** Emails match case-insensitively; other unique values exactly. */
export const uniqueKey = (property: string, value: string): string =>
  property === 'email' ? value.toLowerCase() : value;

class TypeRecords {
  readonly records = new Map<string, CrmRecord>();
  /** property → unique value → record id, for live records only. */
  readonly unique = new Map<string, Map<string, string>>();
  /** Secondary e-mail (lower case) → record id, for live records only: a look-up must not scan a million contacts. */
  readonly secondaryEmails = new Map<string, string>();
  readonly ids = new IdSequence(FIRST_RECORD_ID);

  indexOf(property: string): Map<string, string> {
    let index = this.unique.get(property);
    if (!index) this.unique.set(property, (index = new Map()));
    return index;
  }
}

export class RecordStore {
  private readonly byType = new Map<ObjectTypeName, TypeRecords>(OBJECT_TYPES.map((t) => [t.name, new TypeRecords()]));

  private of(type: ObjectType): TypeRecords {
    const records = this.byType.get(type.name);
    if (!records) throw new Error(`no records for ${type.name}`);
    return records;
  }

  /** The next id of this object type (ids are per type, not per portal). */
  nextId(type: ObjectType): string {
    return String(this.of(type).ids.next());
  }

  /** Removes a record for good (GDPR delete): not readable, not even as archived. */
  purge(type: ObjectType, record: CrmRecord, uniqueProperties: readonly string[]): void {
    const before = { ...record.properties };
    record.archived = true;
    this.reindex(type, record, before, uniqueProperties);
    this.of(type).records.delete(record.id);
  }

  get(type: ObjectType, id: string): CrmRecord | undefined {
    return this.of(type).records.get(id);
  }

  /** Live records in id order (ids grow with creation, so this is creation order). */
  live(type: ObjectType): CrmRecord[] {
    return [...this.of(type).records.values()].filter((r) => !r.archived);
  }

  archived(type: ObjectType): CrmRecord[] {
    return [...this.of(type).records.values()].filter((r) => r.archived);
  }

  /** The live record holding a unique value, if any. */
  findUnique(type: ObjectType, property: string, value: string): CrmRecord | undefined {
    const id = this.of(type).unique.get(property)?.get(uniqueKey(property, value));
    return id === undefined ? undefined : this.get(type, id);
  }

  /** The live record holding a secondary e-mail, if any. */
  findBySecondaryEmail(type: ObjectType, email: string): CrmRecord | undefined {
    const id = this.of(type).secondaryEmails.get(email.toLowerCase());
    return id === undefined ? undefined : this.get(type, id);
  }

  /** A live record by any property value (a scan: for non-unique idProperty reads only). */
  findByValue(type: ObjectType, property: string, value: string): CrmRecord | undefined {
    return this.live(type).find((r) => r.properties[property] === value);
  }

  insert(type: ObjectType, record: CrmRecord, uniqueProperties: readonly string[]): void {
    this.of(type).records.set(record.id, record);
    this.reindex(type, record, {}, uniqueProperties);
  }

  /** Re-points the unique indexes after a record's values changed from `before`. */
  reindex(
    type: ObjectType,
    record: CrmRecord,
    before: Record<string, string>,
    uniqueProperties: readonly string[],
  ): void {
    const records = this.of(type);
    for (const property of uniqueProperties) {
      const index = records.indexOf(property);
      const old = before[property];
      if (old !== undefined && index.get(uniqueKey(property, old)) === record.id)
        index.delete(uniqueKey(property, old));
      const value = record.properties[property];
      if (value !== undefined && !record.archived) index.set(uniqueKey(property, value), record.id);
    }
    const secondary = records.secondaryEmails;
    for (const email of emailList(before[SECONDARY_EMAILS]))
      if (secondary.get(email.toLowerCase()) === record.id) secondary.delete(email.toLowerCase());
    if (!record.archived)
      for (const email of emailList(record.properties[SECONDARY_EMAILS])) secondary.set(email.toLowerCase(), record.id);
  }

  /** Archiving frees the record's unique values (a deleted contact's email can be reused). */
  archive(type: ObjectType, record: CrmRecord, at: string, uniqueProperties: readonly string[]): void {
    const before = { ...record.properties };
    Object.assign(record, { archived: true, archivedAt: at });
    this.reindex(type, record, before, uniqueProperties);
  }

  snapshot(): Record<string, CrmRecord[]> {
    return Object.fromEntries([...this.byType].map(([name, records]) => [name, [...records.records.values()]]));
  }
}
