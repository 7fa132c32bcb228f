/**
 * Saved filters applied to records, as Pipedrive applies `filter_id` on its lists. A filter's conditions
 * are `{ glue: 'and', conditions: [group, …] }`, each group `{ glue: 'and' | 'or', conditions: [condition] }`
 * and each condition `{ object, field_id, operator, value, extra_value }` (addFilter, openapi-v1.yaml);
 * an empty group holds. Operators are the spec's: `IS NOT NULL`, `IS NULL`, `<=`, `>=`, `<`, `>`, `!=`,
 * `=`, `LIKE '$%'` (starts with), `LIKE '%$%'` (contains), `NOT LIKE '$%'`. Values compare by the field's
 * type: numbers, days (YYYY-MM-DD, or `today` / `yesterday` / `tomorrow`), option ids, text. What the
 * sandbox does not model (a condition on another object than the filter's, an operator outside the list,
 * an unknown field) is refused with a 400 naming it, never silently ignored.
 */
import type { Clock } from '../../common/clock.js';
import type { FieldDefinition } from '../fields/types.js';
import { badRequest } from '../http/errors.js';
import type { Store } from '../store/store.js';
import type { FilterCondition, FilterRecord, FilterType } from '../store/types.js';

/** The record entity a filter type lists, and the `object` its conditions name. */
export const FILTER_ENTITIES = {
  deals: 'deal',
  people: 'person',
  org: 'organization',
  products: 'product',
  activity: 'activity',
} as const satisfies Partial<Record<FilterType, string>>;
export type FilteredEntity = (typeof FILTER_ENTITIES)[keyof typeof FILTER_ENTITIES];

export const FILTER_OPERATORS = [
  'IS NOT NULL',
  'IS NULL',
  '<=',
  '>=',
  '<',
  '>',
  '!=',
  '=',
  "LIKE '$%'",
  "LIKE '%$%'",
  "NOT LIKE '$%'",
] as const;
type Operator = (typeof FILTER_OPERATORS)[number];

/** At most 16 conditions per filter (addFilter). */
export const MAX_CONDITIONS = 16;

const NUMERIC = new Set(['int', 'double', 'monetary', 'user', 'org', 'people', 'deal', 'stage', 'product']);
const DAYS = new Set(['date', 'daterange']);
const OPTIONS = new Set(['enum', 'set', 'visible_to']);
const ORDERED: ReadonlySet<Operator> = new Set(['<=', '>=', '<', '>']);
const TEXT_ONLY: ReadonlySet<Operator> = new Set(["LIKE '$%'", "LIKE '%$%'", "NOT LIKE '$%'"]);

type Kind = 'number' | 'day' | 'option' | 'text';

function kindOf(field: FieldDefinition): Kind {
  if (NUMERIC.has(field.field_type)) return 'number';
  if (DAYS.has(field.field_type)) return 'day';
  if (OPTIONS.has(field.field_type)) return 'option';
  return 'text';
}

/** The record's value(s) of a field as plain scalars (lists of e-mails or phones give each address). */
function valuesOf(record: Record<string, unknown>, field: FieldDefinition): unknown[] {
  const raw = field.is_custom
    ? (record['custom'] as Record<string, unknown> | undefined)?.[String(field.id)]
    : record[field.key];
  const items = Array.isArray(raw) ? raw : [raw];
  return items
    .map((item) =>
      typeof item === 'object' && item !== null && 'value' in item ? (item as { value: unknown }).value : item,
    )
    .filter((item) => item !== null && item !== undefined && item !== '');
}

const DAY_MS = 86_400_000;

function dayOf(value: unknown): string | null {
  if (typeof value === 'number') return Number.isFinite(value) ? new Date(value).toISOString().slice(0, 10) : null;
  if (typeof value !== 'string') return null;
  return /^\d{4}-\d{2}-\d{2}/.test(value) ? value.slice(0, 10) : null;
}

function conditionDay(value: string, clock: Clock): string | null {
  const today = clock.now().getTime();
  const relative: Record<string, number> = { today: 0, yesterday: -1, tomorrow: 1 };
  const shift = relative[value];
  if (shift !== undefined) return new Date(today + shift * DAY_MS).toISOString().slice(0, 10);
  return /^\d{4}-\d{2}-\d{2}$/.test(value) ? value : null;
}

function compare(a: number | string, b: number | string, operator: Operator): boolean {
  switch (operator) {
    case '=':
      return a === b;
    case '!=':
      return a !== b;
    case '<':
      return a < b;
    case '>':
      return a > b;
    case '<=':
      return a <= b;
    case '>=':
      return a >= b;
    default:
      return false;
  }
}

/** One condition, checked and turned into a test of one record. */
function conditionTest(
  store: Store,
  clock: Clock,
  filter: FilterRecord,
  condition: FilterCondition,
): (record: Record<string, unknown>) => boolean {
  const refuse = (why: string) => badRequest(`Filter ${filter.id} (“${filter.name}”) cannot be applied: ${why}`);
  const entity = FILTER_ENTITIES[filter.type as keyof typeof FILTER_ENTITIES];
  if (condition.object !== entity) throw refuse(`a condition on ${condition.object} in a ${filter.type} filter`);
  const field = store.fields.all(entity).find((candidate) => String(candidate.id) === String(condition.field_id));
  if (!field) throw refuse(`${entity} field ${condition.field_id} does not exist`);
  if (!(FILTER_OPERATORS as readonly string[]).includes(condition.operator))
    throw refuse(`operator ${condition.operator} is not one of ${FILTER_OPERATORS.join(', ')}`);
  const operator = condition.operator as Operator;
  if (operator === 'IS NULL') return (record) => valuesOf(record, field).length === 0;
  if (operator === 'IS NOT NULL') return (record) => valuesOf(record, field).length > 0;
  const wanted = condition.value;
  if (wanted === null || wanted === '') throw refuse(`operator ${operator} on field ${field.key} needs a value`);
  const kind = kindOf(field);
  if (TEXT_ONLY.has(operator)) {
    if (kind !== 'text') throw refuse(`operator ${operator} does not apply to ${field.field_type} field ${field.key}`);
    const needle = wanted.toLowerCase();
    const test = (text: string) =>
      operator === "LIKE '%$%'" ? text.includes(needle) : text.startsWith(needle) === (operator === "LIKE '$%'");
    return (record) => valuesOf(record, field).some((value) => test(String(value).toLowerCase()));
  }
  if (kind === 'option' && ORDERED.has(operator))
    throw refuse(`operator ${operator} does not apply to ${field.field_type} field ${field.key}`);
  const target = kind === 'number' ? Number(wanted) : kind === 'day' ? conditionDay(wanted, clock) : wanted;
  if (target === null || (typeof target === 'number' && !Number.isFinite(target)))
    throw refuse(`value ${wanted} does not fit ${field.field_type} field ${field.key}`);
  const read = (value: unknown): number | string | null => {
    if (typeof target === 'number')
      return typeof value === 'number' ? value : Number.isFinite(Number(value)) ? Number(value) : null;
    if (kind === 'day') return dayOf(value);
    return String(value);
  };
  // `!=` holds when no value equals; the others when one value matches.
  if (operator === '!=') return (record) => !valuesOf(record, field).some((value) => read(value) === target);
  return (record) =>
    valuesOf(record, field).some((value) => {
      const actual = read(value);
      return (
        actual !== null &&
        compare(
          typeof actual === 'string' ? actual.toLowerCase() : actual,
          typeof target === 'string' ? target.toLowerCase() : target,
          operator,
        )
      );
    });
}

/** Checks a filter's conditions and returns the test its records must pass; throws a 400 for what it cannot apply. */
export function filterTest(
  store: Store,
  clock: Clock,
  filter: FilterRecord,
): (record: Record<string, unknown>) => boolean {
  const conditions = filter.conditions?.conditions;
  if (filter.conditions?.glue !== 'and' || !Array.isArray(conditions))
    throw badRequest(`Filter ${filter.id} has no conditions object of the form {"glue":"and","conditions":[…]}`);
  const groups = conditions.map((group) => {
    if ((group.glue !== 'and' && group.glue !== 'or') || !Array.isArray(group.conditions))
      throw badRequest(`Filter ${filter.id}: each condition group needs glue "and" or "or" and a conditions array`);
    return {
      glue: group.glue,
      tests: group.conditions.map((condition) => conditionTest(store, clock, filter, condition)),
    };
  });
  const count = groups.reduce((sum, group) => sum + group.tests.length, 0);
  if (count > MAX_CONDITIONS)
    throw badRequest(`Filter ${filter.id} has ${count} conditions; at most ${MAX_CONDITIONS} are allowed`);
  return (record) =>
    groups.every(({ glue, tests }) =>
      tests.length === 0
        ? true
        : glue === 'and'
          ? tests.every((test) => test(record))
          : tests.some((test) => test(record)),
    );
}

/** `filter_id` on a list: the saved filter's test, on the record at a table row. */
export function savedFilterMatcher(
  context: { store: Store; clock: Clock },
  entity: FilteredEntity,
  filterId: number,
): (record: Record<string, unknown>) => boolean {
  return filterTest(context.store, context.clock, savedFilter(context.store, filterId, entity));
}

/** The saved filter `filterId` for a list of `entity`: refused when unknown or made for another kind of record. */
export function savedFilter(store: Store, filterId: number, entity: FilteredEntity): FilterRecord {
  const filter = store.filters.find((candidate) => candidate.id === filterId && candidate.active_flag);
  if (!filter) throw badRequest(`Filter ${filterId} not found`);
  if (FILTER_ENTITIES[filter.type as keyof typeof FILTER_ENTITIES] !== entity)
    throw badRequest(`Filter ${filterId} is a ${filter.type} filter and cannot filter ${entity} records`);
  return filter;
}
