/**
 * A compact in-memory table for one kind of record. A million rich JS objects would cost several GB,
 * so each record is kept as one packed row (a JSON tuple of its fields in a fixed order) plus typed
 * columns for what lists filter and sort on (id, times, deleted flag, foreign keys). A record object
 * exists only while a request reads or writes it.
 *
 * Rows stay in id order (ids only grow), so the default id sort needs no index; other sorts build a
 * permutation once and reuse it until the next write.
 */

/** The fields every stored record has; they live in columns, not in the packed row. */
export interface StoredRecord {
  id: number;
  /** Epoch ms. */
  add_time: number;
  /** Epoch ms; for a deleted record, the delete time. */
  update_time: number;
  is_deleted: boolean;
}

/** Numeric column extractors (null → NaN); named so lists can filter and sort on them. */
export type ColumnSpec<T> = Record<string, (record: T) => number | null>;

export type SortKey = number | string;

export interface PageQuery {
  /** Returns the sort value at a row index; 'id' needs none. */
  sortBy: string;
  keyAt?: (index: number) => SortKey;
  direction: 'asc' | 'desc';
  /** Keyset position: return rows strictly after (value, id) in this order. */
  after?: { value: SortKey | null; id: number };
  limit: number;
  matches: (index: number) => boolean;
}

export interface Page {
  indices: number[];
  hasMore: boolean;
}

const BASE_KEYS = new Set(['id', 'add_time', 'update_time', 'is_deleted']);

export class RecordTable<T extends StoredRecord> {
  private capacity = 0;
  private count = 0;
  private ids = new Float64Array(0);
  private addTimes = new Float64Array(0);
  private updateTimes = new Float64Array(0);
  private deletedFlags = new Uint8Array(0);
  private readonly rows: string[] = [];
  private readonly columns = new Map<string, Float64Array>();
  private readonly indexById = new Map<number, number>();
  private readonly orders = new Map<string, { version: number; order: Uint32Array }>();
  private readonly rowKeys: (keyof T & string)[];
  /** Bumped by every write; caches keyed on it. */
  version = 0;
  /** The id the next created record gets. */
  nextId = 1;

  /**
   * @param keys every field of T other than the base four, in packing order
   * @param columnSpec typed columns to maintain
   */
  constructor(
    keys: readonly (keyof T & string)[],
    private readonly columnSpec: ColumnSpec<T> = {},
  ) {
    this.rowKeys = keys.filter((key) => !BASE_KEYS.has(key));
    for (const name of Object.keys(columnSpec)) this.columns.set(name, new Float64Array(0));
  }

  get size(): number {
    return this.count;
  }

  /** Appends a record; ids must grow (the store assigns them, loaders sort by id first). */
  insert(record: T): void {
    const last = this.count > 0 ? this.ids[this.count - 1] : undefined;
    if (last !== undefined && record.id <= last) throw new Error(`record id ${record.id} is not above ${last}`);
    this.ensureCapacity(this.count + 1);
    this.indexById.set(record.id, this.count);
    this.ids[this.count] = record.id;
    this.count += 1;
    this.writeAt(this.count - 1, record);
    this.nextId = Math.max(this.nextId, record.id + 1);
  }

  /** Replaces a stored record (same id). */
  replace(record: T): void {
    const index = this.indexById.get(record.id);
    if (index === undefined) throw new Error(`no record ${record.id}`);
    this.writeAt(index, record);
  }

  indexOf(id: number): number | undefined {
    return this.indexById.get(id);
  }

  get(id: number): T | undefined {
    const index = this.indexById.get(id);
    return index === undefined ? undefined : this.at(index);
  }

  at(index: number): T {
    const row = this.rows[index];
    if (row === undefined) throw new Error(`no row ${index}`);
    const values: unknown = JSON.parse(row);
    if (!Array.isArray(values)) throw new Error(`corrupt row ${index}`);
    const record: Record<string, unknown> = {
      id: this.idAt(index),
      add_time: this.addTimes[index],
      update_time: this.updateTimes[index],
      is_deleted: this.deletedFlags[index] === 1,
    };
    this.rowKeys.forEach((key, position) => {
      record[key] = values[position];
    });
    // Rows are written only by writeAt from a T, with the same keys in the same order.
    return record as T;
  }

  idAt(index: number): number {
    return this.ids[index] ?? Number.NaN;
  }

  updateTimeAt(index: number): number {
    return this.updateTimes[index] ?? Number.NaN;
  }

  addTimeAt(index: number): number {
    return this.addTimes[index] ?? Number.NaN;
  }

  deletedAt(index: number): boolean {
    return this.deletedFlags[index] === 1;
  }

  hasColumn(name: string): boolean {
    return this.columns.has(name);
  }

  columnAt(name: string, index: number): number {
    const column = this.columns.get(name);
    if (!column) throw new Error(`no column ${name}`);
    return column[index] ?? Number.NaN;
  }

  /** Sort value of a base or typed column at a row. */
  numericKeyAt(sortBy: string, index: number): number {
    if (sortBy === 'id') return this.idAt(index);
    if (sortBy === 'add_time') return this.addTimeAt(index);
    if (sortBy === 'update_time') return this.updateTimeAt(index);
    return this.columnAt(sortBy, index);
  }

  /** One page in keyset order. */
  page(query: PageQuery): Page {
    const keyAt = query.keyAt ?? ((index: number) => this.numericKeyAt(query.sortBy, index));
    const order = query.sortBy === 'id' ? undefined : this.orderFor(query.sortBy, keyAt);
    const positionOf = (position: number): number => (order ? (order[position] ?? 0) : position);
    const descending = query.direction === 'desc';
    // Positions run over the ascending order; a descending page walks it backwards.
    let position = descending ? this.count - 1 : 0;
    if (query.after) {
      const boundary = this.upperBound(query.after, positionOf, keyAt);
      position = descending ? this.lowerBound(query.after, positionOf, keyAt) - 1 : boundary;
    }
    const indices: number[] = [];
    const step = descending ? -1 : 1;
    for (; position >= 0 && position < this.count; position += step) {
      const index = positionOf(position);
      if (!query.matches(index)) continue;
      if (indices.length === query.limit) return { indices, hasMore: true };
      indices.push(index);
    }
    return { indices, hasMore: false };
  }

  /** Every row index, in id order, that `matches` accepts. */
  *scan(matches: (index: number) => boolean = () => true): Generator<number> {
    for (let index = 0; index < this.count; index += 1) if (matches(index)) yield index;
  }

  clear(): void {
    this.capacity = 0;
    this.count = 0;
    this.ids = new Float64Array(0);
    this.addTimes = new Float64Array(0);
    this.updateTimes = new Float64Array(0);
    this.deletedFlags = new Uint8Array(0);
    this.rows.length = 0;
    for (const name of this.columns.keys()) this.columns.set(name, new Float64Array(0));
    this.indexById.clear();
    this.orders.clear();
    this.version += 1;
    this.nextId = 1;
  }

  private writeAt(index: number, record: T): void {
    this.addTimes[index] = record.add_time;
    this.updateTimes[index] = record.update_time;
    this.deletedFlags[index] = record.is_deleted ? 1 : 0;
    for (const [name, extract] of Object.entries(this.columnSpec)) {
      const column = this.columns.get(name);
      if (column) column[index] = extract(record) ?? Number.NaN;
    }
    this.rows[index] = JSON.stringify(this.rowKeys.map((key) => record[key] ?? null));
    this.version += 1;
  }

  private ensureCapacity(needed: number): void {
    if (needed <= this.capacity) return;
    const capacity = Math.max(needed, this.capacity * 2, 1024);
    this.ids = grow(this.ids, capacity);
    this.addTimes = grow(this.addTimes, capacity);
    this.updateTimes = grow(this.updateTimes, capacity);
    const flags = new Uint8Array(capacity);
    flags.set(this.deletedFlags);
    this.deletedFlags = flags;
    for (const [name, column] of this.columns) this.columns.set(name, grow(column, capacity));
    this.capacity = capacity;
  }

  private orderFor(sortBy: string, keyAt: (index: number) => SortKey): Uint32Array {
    const cached = this.orders.get(sortBy);
    if (cached && cached.version === this.version) return cached.order;
    const keys = Array.from({ length: this.count }, (_, index) => keyAt(index));
    const order = new Uint32Array(this.count);
    for (let index = 0; index < this.count; index += 1) order[index] = index;
    order.sort((a, b) => compareKeys(keys[a] ?? null, keys[b] ?? null) || this.idAt(a) - this.idAt(b));
    this.orders.set(sortBy, { version: this.version, order });
    return order;
  }

  /** First position whose (key, id) is greater than `after`. */
  private upperBound(
    after: { value: SortKey | null; id: number },
    positionOf: (position: number) => number,
    keyAt: (index: number) => SortKey,
  ): number {
    return this.search(
      (index) => (compareKeys(keyAt(index), after.value) || this.idAt(index) - after.id) > 0,
      positionOf,
    );
  }

  /** First position whose (key, id) is not less than `after`. */
  private lowerBound(
    after: { value: SortKey | null; id: number },
    positionOf: (position: number) => number,
    keyAt: (index: number) => SortKey,
  ): number {
    return this.search(
      (index) => (compareKeys(keyAt(index), after.value) || this.idAt(index) - after.id) >= 0,
      positionOf,
    );
  }

  private search(isAtOrAfter: (index: number) => boolean, positionOf: (position: number) => number): number {
    let low = 0;
    let high = this.count;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (isAtOrAfter(positionOf(middle))) high = middle;
      else low = middle + 1;
    }
    return low;
  }
}

/** Nulls (NaN) first, then numbers ascending or strings by code point. */
export function compareKeys(a: SortKey | null, b: SortKey | null): number {
  const aMissing = a === null || (typeof a === 'number' && Number.isNaN(a));
  const bMissing = b === null || (typeof b === 'number' && Number.isNaN(b));
  if (aMissing || bMissing) return aMissing === bMissing ? 0 : aMissing ? -1 : 1;
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  const left = String(a);
  const right = String(b);
  return left < right ? -1 : left > right ? 1 : 0;
}

function grow(column: Float64Array, capacity: number): Float64Array<ArrayBuffer> {
  const next = new Float64Array(capacity);
  next.set(column);
  return next;
}
