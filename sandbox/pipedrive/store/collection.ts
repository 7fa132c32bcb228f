/**
 * Record lifecycle on top of a table: ids and times from the clock, soft delete, the 30-day purge and
 * a change event for every write (webhooks listen to them). API routes, inspection mutations and
 * dataset loading all write through here, so they behave alike.
 */
import type { Clock } from '../../common/clock.js';
import type { EntityRecords, RecordEntity, Store } from './store.js';
import type { StoredRecord } from './table.js';

/** Deleted records disappear for good after 30 days (Pipedrive's permanent deletion). */
export const PURGE_AFTER_MS = 30 * 24 * 60 * 60 * 1000;

export interface ChangeMeta {
  userId: number;
  /** `api` for API calls, `app` for changes the sandbox makes as if done in Pipedrive's UI. */
  source: 'api' | 'app';
}

export type ChangeAction = 'create' | 'change' | 'delete';

export type ChangeEvent = {
  [E in RecordEntity]: {
    entity: E;
    action: ChangeAction;
    current: EntityRecords[E] | null;
    previous: EntityRecords[E] | null;
    meta: ChangeMeta;
    timestamp: number;
  };
}[RecordEntity];

export type Fields<T> = Omit<T, keyof StoredRecord>;

export class Collection<E extends RecordEntity> {
  constructor(
    readonly entity: E,
    private readonly store: Store,
    private readonly clock: Clock,
    private readonly emit: (event: ChangeEvent) => void,
  ) {}

  get table(): Store['tables'][E] {
    return this.store.tables[this.entity];
  }

  /** Whether the row still exists (not deleted more than 30 days ago). */
  exists(index: number): boolean {
    return !this.table.deletedAt(index) || this.clock.now().getTime() - this.table.updateTimeAt(index) < PURGE_AFTER_MS;
  }

  /** Not deleted at all. */
  live(index: number): boolean {
    return !this.table.deletedAt(index);
  }

  /** What a list without a deleted filter shows: live rows, or every existing row under `listDeleted`. */
  listed(index: number): boolean {
    return this.store.options.listDeleted ? this.exists(index) : this.live(index);
  }

  /**
   * Whether a user may see the row: admins see everything; others do not see rows with
   * `visible_to` 1 (owner & followers) that another user owns. Only persons, organizations, deals
   * and products carry `visible_to`; permission sets and followers are not modelled.
   */
  visibleTo(index: number, userId: number): boolean {
    const table = this.table;
    if (!table.hasColumn('visible_to')) return true;
    return this.store.canSee(userId, {
      owner_id: table.columnAt('owner_id', index),
      visible_to: table.columnAt('visible_to', index),
    });
  }

  /** The same check for a record in hand (single reads, webhooks). */
  recordVisibleTo(record: EntityRecords[E], userId: number): boolean {
    const index = this.table.indexOf(record.id);
    return index === undefined || this.visibleTo(index, userId);
  }

  /** A record that exists, deleted (within 30 days) or not. */
  find(id: number): EntityRecords[E] | undefined {
    const index = this.table.indexOf(id);
    return index === undefined || !this.exists(index) ? undefined : this.table.at(index);
  }

  findLive(id: number): EntityRecords[E] | undefined {
    const record = this.find(id);
    return record && !record.is_deleted ? record : undefined;
  }

  isLive(id: number): boolean {
    return this.findLive(id) !== undefined;
  }

  create(
    values: Fields<EntityRecords[E]>,
    meta: ChangeMeta,
    times?: { add_time?: number; update_time?: number; id?: number },
  ): EntityRecords[E] {
    const now = this.clock.now().getTime();
    const add = times?.add_time ?? now;
    const record = {
      ...values,
      id: times?.id ?? this.table.nextId,
      add_time: add,
      update_time: Math.max(times?.update_time ?? now, add),
      is_deleted: false,
    } as EntityRecords[E];
    this.table.insert(record);
    this.fire('create', record, null, meta);
    return record;
  }

  /** Stores a record as given (dataset loading): no clock, no event. */
  load(record: EntityRecords[E]): void {
    this.table.insert(record);
  }

  update(id: number, patch: Partial<Fields<EntityRecords[E]>>, meta: ChangeMeta): EntityRecords[E] | undefined {
    const previous = this.findLive(id);
    if (!previous) return undefined;
    const current = { ...previous, ...patch, update_time: this.nextUpdateTime(previous.update_time) };
    this.table.replace(current);
    this.fire('change', current, previous, meta);
    return current;
  }

  delete(id: number, meta: ChangeMeta): EntityRecords[E] | undefined {
    const previous = this.findLive(id);
    if (!previous) return undefined;
    // When is_deleted is true, update_time is the delete time (v2 migration guide).
    const current = { ...previous, is_deleted: true, update_time: this.nextUpdateTime(previous.update_time) };
    this.table.replace(current);
    this.fire('delete', null, previous, meta);
    return current;
  }

  /** Every live record, in id order. */
  *liveRecords(): Generator<EntityRecords[E]> {
    for (const index of this.table.scan((i) => this.live(i))) yield this.table.at(index);
  }

  /** Time never runs backwards for a record, even if a test sets the clock back. */
  private nextUpdateTime(previous: number): number {
    return Math.max(this.clock.now().getTime(), previous);
  }

  private fire(
    action: ChangeAction,
    current: EntityRecords[E] | null,
    previous: EntityRecords[E] | null,
    meta: ChangeMeta,
  ): void {
    // The mapped union cannot be built from a generic E without help; entity, current and previous agree by construction.
    this.emit({
      entity: this.entity,
      action,
      current,
      previous,
      meta,
      timestamp: this.clock.now().getTime(),
    } as ChangeEvent);
  }
}
