/**
 * Pure rules of the batch writers: HubSpot's batch results come back in no particular order and without
 * trace ids (HubSpot/hubspot-api-nodejs#190), so they are matched to inputs by a value the input carries;
 * a batch HubSpot refuses whole (400) is split so its good inputs still land.
 */
import type { HubSpotInputError } from '../../hubspot/hubspot-errors.js';

/** HubSpot's batch endpoints take at most 100 inputs (docs/notes/hubspot-crm.md "Batch writes"). */
export const OBJECT_BATCH_SIZE = 100;

/** One input of a batch write, as the splitting rules see it. */
export interface BatchItem {
  /** The source record id: our `objectWriteTraceId`, unique within a batch. */
  key: string;
  /** The `id` sent with the input (upsert: the id-property value; update: the HubSpot id), when there is one. */
  id?: string;
  properties: Record<string, string>;
}

/** HubSpot's answer for one item: its record, or why it was refused. */
export type ItemResult<R> = { key: string; record: R } | { key: string; error: HubSpotInputError };

export function chunk<T>(items: readonly T[], size: number): T[][] {
  const chunks: T[][] = [];
  for (let start = 0; start < items.length; start += size) chunks.push(items.slice(start, start + size));
  return chunks;
}

/**
 * One input per key, the last one read winning: the same source record twice in a batch would be refused
 * whole by an upsert ("Duplicate IDs found in batch input") and created twice by a create.
 */
export function lastPerKey<T>(items: readonly T[], keyOf: (item: T) => string): T[] {
  const byKey = new Map<string, T>();
  for (const item of items) {
    const key = keyOf(item);
    byKey.delete(key);
    byKey.set(key, item);
  }
  return [...byKey.values()];
}

/**
 * Pairs each item with its result by the value both carry (`valueOf(item)`, `resultValueOf(result)`),
 * and each refused item with its error by the trace id HubSpot names in `context.objectWriteTraceId`.
 * An item with neither gets `missing` (HubSpot answered without accounting for it).
 */
export function matchResults<R>(
  items: readonly BatchItem[],
  results: readonly R[],
  errors: readonly HubSpotInputError[],
  valueOf: (item: BatchItem) => string,
  resultValueOf: (result: R) => string | null | undefined,
  missing: HubSpotInputError,
): ItemResult<R>[] {
  const byValue = new Map<string, R>();
  for (const result of results) {
    const value = resultValueOf(result);
    if (value !== null && value !== undefined) byValue.set(value, result);
  }
  const errorByKey = new Map<string, HubSpotInputError>();
  const unnamed: HubSpotInputError[] = [];
  for (const error of errors) {
    const keys = error.context['objectWriteTraceId'] ?? [];
    if (keys.length === 0) unnamed.push(error);
    for (const key of keys) errorByKey.set(key, error);
  }
  return items.map((item) => {
    const record = byValue.get(valueOf(item));
    if (record !== undefined) return { key: item.key, record };
    return { key: item.key, error: errorByKey.get(item.key) ?? unnamed[0] ?? missing };
  });
}

/** Entries of HubSpot's "Property values were not valid: [...]" message: which property held which value. */
function invalidValues(message: string): { name: string; value: string }[] {
  const start = message.indexOf('[');
  if (!message.startsWith('Property values were not valid') || start < 0) return [];
  try {
    const entries = JSON.parse(message.slice(start)) as unknown;
    if (!Array.isArray(entries)) return [];
    return entries.flatMap((entry: unknown) => {
      const { name, propertyValue } = (entry ?? {}) as { name?: unknown; propertyValue?: unknown };
      return typeof name === 'string' && typeof propertyValue === 'string' ? [{ name, value: propertyValue }] : [];
    });
  } catch {
    return [];
  }
}

/** The items a whole-batch refusal names: by trace id, by `id` (`context.ids`), or by the invalid value they hold. */
export function namedItems(items: readonly BatchItem[], error: HubSpotInputError): Set<string> {
  const traceIds = new Set(error.context['objectWriteTraceId'] ?? []);
  const ids = new Set(error.context['ids'] ?? []);
  const values = invalidValues(error.message);
  return new Set(
    items
      .filter(
        (item) =>
          traceIds.has(item.key) ||
          (item.id !== undefined && ids.has(item.id)) ||
          values.some(({ name, value }) => item.properties[name] === value),
      )
      .map((item) => item.key),
  );
}

/**
 * What to do with a batch HubSpot refused whole (nothing of it was written): the items the refusal names
 * fail with it and the rest is sent again; when it names none (or all of several), the batch is halved,
 * so k bad inputs among n cost about 2·k·log2(n) calls and never one call per record.
 */
export function splitRefused(
  items: readonly BatchItem[],
  error: HubSpotInputError,
): { failed: BatchItem[]; retry: BatchItem[][] } {
  if (items.length <= 1) return { failed: [...items], retry: [] };
  const named = namedItems(items, error);
  if (named.size > 0 && named.size < items.length) {
    return {
      failed: items.filter((item) => named.has(item.key)),
      retry: [items.filter((item) => !named.has(item.key))],
    };
  }
  const half = Math.ceil(items.length / 2);
  return { failed: [], retry: [items.slice(0, half), items.slice(half)] };
}
