/**
 * CRM search: POST /crm/v3/objects/{objectType}/search with HubSpot's operators and limits
 * (https://developers.hubspot.com/docs/api-reference/latest/crm/search-the-crm): ≤ 5 filterGroups,
 * ≤ 6 filters each, ≤ 18 in total; one sort; `limit` ≤ 200; integer `after`; no paging beyond
 * 10,000 results; body ≤ 3,000 characters. Filter values are case-insensitive except on enumerations.
 */
import type { Express } from 'express';
import { validationError } from '../errors.js';
import { isRecord, type Json } from '../input.js';
import { findObjectType, type ObjectType, objectTypeOf } from '../object-types.js';
import type { Portal } from '../portal.js';
import type { PropertyDefinition } from '../properties/definition.js';
import { portalOf } from '../request-context.js';
import { parseTimestamp } from '../values.js';
import { listParam, serializeRecord } from './serialize.js';
import type { CrmRecord } from './store.js';

export const SEARCH_PATH = '/crm/v3/objects/:objectType/search';
const MAX_GROUPS = 5;
const MAX_FILTERS_PER_GROUP = 6;
const MAX_FILTERS = 18;
const MAX_LIMIT = 200;
const MAX_RESULTS = 10_000;
const MAX_BODY_CHARS = 3_000;
const OPERATORS = new Set([
  'EQ',
  'NEQ',
  'LT',
  'LTE',
  'GT',
  'GTE',
  'BETWEEN',
  'IN',
  'NOT_IN',
  'HAS_PROPERTY',
  'NOT_HAS_PROPERTY',
  'CONTAINS_TOKEN',
  'NOT_CONTAINS_TOKEN',
]);

type Predicate = (record: CrmRecord) => boolean;

/** Comparable form of a value for a property's type; undefined when the value does not parse. */
function comparable(property: PropertyDefinition | undefined, value: string): number | string | undefined {
  if (!property) return value;
  if (property.type === 'number') return Number.isFinite(Number(value)) ? Number(value) : undefined;
  if (property.type === 'date' || property.type === 'datetime') return parseTimestamp(value);
  return property.type === 'enumeration' ? value : value.toLowerCase();
}

function compare(a: number | string, b: number | string): number {
  return typeof a === 'number' && typeof b === 'number' ? a - b : String(a).localeCompare(String(b));
}

function tokenMatcher(pattern: string): (value: string) => boolean {
  const lower = pattern.toLowerCase();
  if (lower.includes('*')) {
    const regex = new RegExp(
      `^${lower
        .split('*')
        .map((part) => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&'))
        .join('.*')}$`,
    );
    return (value) =>
      regex.test(value.toLowerCase()) ||
      value
        .toLowerCase()
        .split(/\s+/)
        .some((token) => regex.test(token));
  }
  return (value) =>
    value.toLowerCase() === lower ||
    value
      .toLowerCase()
      .split(/[^\p{L}\p{N}]+/u)
      .includes(lower);
}

function filterPredicate(portal: Portal, type: ObjectType, filter: Json): Predicate {
  const propertyName = String(filter['propertyName'] ?? '');
  const operator = String(filter['operator'] ?? '');
  if (!OPERATORS.has(operator))
    throw validationError(`Invalid filter operator ${operator}`, { context: { operator: [operator] } });
  if (propertyName.startsWith('associations.')) {
    const toType = findObjectType(propertyName.slice('associations.'.length));
    if (!toType || operator !== 'EQ')
      throw validationError(`Unsupported association filter ${propertyName} ${operator}`);
    const target = String(filter['value'] ?? '');
    return (record) => portal.associations.list({ type, id: record.id }, toType).some((a) => a.toId === target);
  }
  const property = portal.properties.live(type, propertyName);
  if (!property)
    throw validationError(`There was a problem with the request: property ${propertyName} does not exist`, {
      context: { propertyName: [propertyName] },
    });
  const valueOf = (record: CrmRecord) => record.properties[propertyName];
  const given = filter['value'] === undefined ? undefined : comparable(property, String(filter['value']));
  const values = Array.isArray(filter['values']) ? filter['values'].map(String) : [];
  const byValue =
    (test: (actual: number | string) => boolean): Predicate =>
    (record) => {
      const raw = valueOf(record);
      const actual = raw === undefined ? undefined : comparable(property, raw);
      return actual !== undefined && test(actual);
    };
  const need = <T>(value: T | undefined): T => {
    if (value === undefined) throw validationError(`Filter ${propertyName} ${operator} needs a valid value`);
    return value;
  };
  switch (operator) {
    case 'EQ': {
      const v = need(given);
      return byValue((a) => compare(a, v) === 0);
    }
    case 'NEQ': {
      const v = need(given);
      return (record) => !byValue((a) => compare(a, v) === 0)(record);
    }
    case 'LT': {
      const v = need(given);
      return byValue((a) => compare(a, v) < 0);
    }
    case 'LTE': {
      const v = need(given);
      return byValue((a) => compare(a, v) <= 0);
    }
    case 'GT': {
      const v = need(given);
      return byValue((a) => compare(a, v) > 0);
    }
    case 'GTE': {
      const v = need(given);
      return byValue((a) => compare(a, v) >= 0);
    }
    case 'BETWEEN': {
      const low = need(given);
      const high = need(
        filter['highValue'] === undefined ? undefined : comparable(property, String(filter['highValue'])),
      );
      return byValue((a) => compare(a, low) >= 0 && compare(a, high) <= 0);
    }
    // IN / NOT_IN on strings match exact lowercase values ("values must be lowercase").
    case 'IN':
      return (record) => {
        const raw = valueOf(record);
        return raw !== undefined && values.includes(property.type === 'enumeration' ? raw : raw.toLowerCase());
      };
    case 'NOT_IN':
      return (record) => {
        const raw = valueOf(record);
        return raw === undefined || !values.includes(property.type === 'enumeration' ? raw : raw.toLowerCase());
      };
    case 'HAS_PROPERTY':
      return (record) => valueOf(record) !== undefined;
    case 'NOT_HAS_PROPERTY':
      return (record) => valueOf(record) === undefined;
    case 'CONTAINS_TOKEN': {
      const match = tokenMatcher(String(need(filter['value'])));
      return (record) => {
        const raw = valueOf(record);
        return raw !== undefined && match(raw);
      };
    }
    default: {
      const match = tokenMatcher(String(need(filter['value'])));
      return (record) => {
        const raw = valueOf(record);
        return raw === undefined || !match(raw);
      };
    }
  }
}

/** filterGroups are ORed; the filters of one group are ANDed. */
function groupsPredicate(portal: Portal, type: ObjectType, raw: unknown): Predicate {
  const groups = Array.isArray(raw) ? raw : [];
  if (groups.length > MAX_GROUPS)
    throw validationError(`Too many filter groups: ${groups.length}. The maximum is ${MAX_GROUPS}.`);
  let total = 0;
  const predicates = groups.map((group) => {
    const filters = isRecord(group) && Array.isArray(group['filters']) ? group['filters'] : [];
    if (filters.length > MAX_FILTERS_PER_GROUP)
      throw validationError(`Too many filters in a group: ${filters.length}. The maximum is ${MAX_FILTERS_PER_GROUP}.`);
    total += filters.length;
    const tests = filters.map((f) => filterPredicate(portal, type, isRecord(f) ? f : {}));
    return (record: CrmRecord) => tests.every((test) => test(record));
  });
  if (total > MAX_FILTERS) throw validationError(`Too many filters: ${total}. The maximum is ${MAX_FILTERS}.`);
  return predicates.length === 0 ? () => true : (record) => predicates.some((p) => p(record));
}

function sorter(portal: Portal, type: ObjectType, raw: unknown): (a: CrmRecord, b: CrmRecord) => number {
  const sorts = Array.isArray(raw) ? raw : [];
  if (sorts.length > 1) throw validationError('Only one sort can be applied to a search');
  const [sort] = sorts;
  if (sort === undefined) return (a, b) => Number(a.id) - Number(b.id);
  // Sorts come as "name" / "-name" (the api-client's string form) or { propertyName, direction }.
  const name = isRecord(sort) ? String(sort['propertyName']) : String(sort).replace(/^-/, '');
  const descending = isRecord(sort) ? sort['direction'] === 'DESCENDING' : String(sort).startsWith('-');
  const property = portal.properties.live(type, name);
  return (a, b) => {
    const va = a.properties[name];
    const vb = b.properties[name];
    if (va === undefined || vb === undefined)
      return va === vb ? Number(a.id) - Number(b.id) : va === undefined ? 1 : -1;
    const order =
      compare(comparable(property, va) ?? va, comparable(property, vb) ?? vb) || Number(a.id) - Number(b.id);
    return descending ? -order : order;
  };
}

function queryPredicate(type: ObjectType, query: unknown): (record: CrmRecord) => boolean {
  if (typeof query !== 'string' || query.trim() === '') return () => true;
  const needle = query.trim().toLowerCase();
  return (record) => type.searchable.some((name) => record.properties[name]?.toLowerCase().includes(needle) ?? false);
}

export function registerSearchRoute(app: Express): void {
  app.post(SEARCH_PATH, (req, res) => {
    const portal = portalOf(res);
    const type = objectTypeOf(req.params.objectType);
    const body: Json = isRecord(req.body) ? req.body : {};
    if (JSON.stringify(body).length > MAX_BODY_CHARS)
      throw validationError(`The request body exceeds ${MAX_BODY_CHARS} characters`);
    const limit = body['limit'] === undefined ? 10 : Number(body['limit']);
    if (!Number.isInteger(limit) || limit < 1 || limit > MAX_LIMIT)
      throw validationError(`limit must be between 1 and ${MAX_LIMIT}`, {
        context: { limit: [String(body['limit'])] },
      });
    const after = body['after'] === undefined || body['after'] === '' ? 0 : Number(body['after']);
    if (!Number.isInteger(after) || after < 0) throw validationError('after must be formatted as an integer');
    if (after + limit > MAX_RESULTS)
      throw validationError(`Paging beyond ${MAX_RESULTS} results is not supported`, {
        context: { after: [String(after)] },
      });
    const matches = groupsPredicate(portal, type, body['filterGroups']);
    const queried = queryPredicate(type, body['query']);
    const found = portal.records
      .live(type)
      .filter((r) => matches(r) && queried(r))
      .sort(sorter(portal, type, body['sorts']));
    const properties = listParam(body['properties']);
    const page = found
      .slice(after, after + limit)
      .map((r) => serializeRecord(portal, type, r, properties ? { properties } : {}));
    const next = after + limit;
    res.json({
      total: found.length,
      results: page,
      ...(next < found.length && next < MAX_RESULTS ? { paging: { next: { after: String(next) } } } : {}),
    });
  });
}
