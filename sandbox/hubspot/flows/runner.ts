/**
 * The flow runner: after a record write, enrols the record in every enabled flow of its object whose
 * enrolment criteria it meets, and runs the flow's "set property value" actions at once, so their
 * effect can be read back through the objects API. (HubSpot runs workflows asynchronously, seconds
 * later; running them synchronously right after the response keeps tests free of waiting.)
 */
import { HubSpotError } from '../errors.js';
import { isRecord, type Json } from '../input.js';
import { writeContext, type WriteEvent, writeOne } from '../objects/writes.js';
import type { Portal } from '../portal.js';
import { formatDate, parseTimestamp } from '../values.js';
import {
  type Flow,
  type FlowAction,
  OBJECT_CREATED_EVENT,
  PROPERTY_CHANGED_EVENT,
  SET_PROPERTY_ACTION,
} from './model.js';

/** A flow's own writes may enrol the record in other flows, but never loop: at most this many hops. */
const MAX_CHAIN = 5;

type Properties = Record<string, string>;

function operationMatches(operation: Json, value: string | undefined): boolean {
  const operator = String(operation['operator'] ?? '');
  const values = Array.isArray(operation['values']) ? operation['values'].map(String) : [];
  const single = operation['value'] === undefined ? undefined : String(operation['value']);
  const lower = value?.toLowerCase();
  switch (operator) {
    case 'IS_KNOWN':
      return value !== undefined;
    case 'IS_UNKNOWN':
      return value === undefined;
    case 'IS_EQUAL_TO':
      return lower !== undefined && lower === single?.toLowerCase();
    case 'IS_NOT_EQUAL_TO':
      return lower !== single?.toLowerCase();
    case 'IS_ANY_OF':
      return value !== undefined && values.includes(value);
    case 'IS_NONE_OF':
      return value === undefined || !values.includes(value);
    case 'CONTAINS':
      return lower !== undefined && single !== undefined && lower.includes(single.toLowerCase());
    default:
      return false; // operators the sandbox does not evaluate never enrol
  }
}

function filterMatches(filter: unknown, properties: Properties): boolean {
  if (!isRecord(filter) || filter['filterType'] !== 'PROPERTY' || !isRecord(filter['operation'])) return false;
  return operationMatches(filter['operation'], properties[String(filter['property'])]);
}

/** A filter branch: its filters and sub-branches, combined with AND or OR (filterBranchType/Operator). */
function branchMatches(branch: unknown, properties: Properties): boolean {
  if (!isRecord(branch)) return false;
  const filters = Array.isArray(branch['filters']) ? branch['filters'] : [];
  const children = Array.isArray(branch['filterBranches']) ? branch['filterBranches'] : [];
  const results = [
    ...filters.map((f) => filterMatches(f, properties)),
    ...children.map((b) => branchMatches(b, properties)),
  ];
  if (results.length === 0) return true;
  const combinator = String(branch['filterBranchOperator'] ?? branch['filterBranchType'] ?? 'AND');
  return combinator === 'OR' ? results.some(Boolean) : results.every(Boolean);
}

/** The property names a "property value changed" branch watches (its `hs_name` filter). */
function watchedProperties(branch: Json): string[] {
  const filters = Array.isArray(branch['filters']) ? branch['filters'] : [];
  return filters.flatMap((f) => {
    if (!isRecord(f) || f['property'] !== 'hs_name' || !isRecord(f['operation'])) return [];
    const op = f['operation'];
    return [
      ...(Array.isArray(op['values']) ? op['values'].map(String) : []),
      ...(op['value'] !== undefined ? [String(op['value'])] : []),
    ];
  });
}

function eventEnrols(portal: Portal, flow: Flow, criteria: Json, event: WriteEvent): boolean {
  if (criteria['shouldReEnroll'] !== true && portal.flows.enrolledBefore(flow.id, event.record.id)) return false;
  const branches = Array.isArray(criteria['eventFilterBranches']) ? criteria['eventFilterBranches'] : [];
  return branches.some((branch) => {
    if (!isRecord(branch)) return false;
    if (branch['eventTypeId'] === OBJECT_CREATED_EVENT)
      return event.isCreate && branchMatches({ ...branch, filterBranches: [] }, event.record.properties);
    if (branch['eventTypeId'] === PROPERTY_CHANGED_EVENT)
      return watchedProperties(branch).some((name) => event.changed.includes(name));
    return false;
  });
}

/** LIST_BASED flows enrol a record when it starts meeting the criteria (re-enrolment only if allowed). */
function listEnrols(portal: Portal, flow: Flow, criteria: Json, event: WriteEvent): boolean {
  let members = portal.flows.listMembers.get(flow.id);
  if (!members) portal.flows.listMembers.set(flow.id, (members = new Set()));
  const wasMember = members.has(event.record.id);
  const isMember = branchMatches(criteria['listFilterBranch'], event.record.properties);
  if (isMember) members.add(event.record.id);
  else members.delete(event.record.id);
  if (!isMember || wasMember) return false;
  return criteria['shouldReEnroll'] === true || !portal.flows.enrolledBefore(flow.id, event.record.id);
}

function enrols(portal: Portal, flow: Flow, event: WriteEvent): boolean {
  const criteria = isRecord(flow.enrollmentCriteria) ? flow.enrollmentCriteria : undefined;
  if (!flow.isEnabled || flow.objectTypeId !== event.type.objectTypeId || !criteria) return false;
  if (criteria['type'] === 'EVENT_BASED') return eventEnrols(portal, flow, criteria, event);
  if (criteria['type'] === 'LIST_BASED') return listEnrols(portal, flow, criteria, event);
  return false;
}

/** The value a "set property value" action writes, or undefined when its source is empty (nothing to copy). */
function actionValue(action: FlowAction, properties: Properties, targetIsDate: boolean): string | undefined {
  const value = isRecord(action.fields['value']) ? action.fields['value'] : {};
  const raw =
    value['type'] === 'OBJECT_PROPERTY'
      ? properties[String(value['propertyName'])]
      : String(value['staticValue'] ?? '');
  if (raw === undefined || !targetIsDate) return raw;
  // Copying a date-time into a date property keeps the day (date properties hold midnight UTC).
  const ms = parseTimestamp(raw);
  return ms === undefined ? raw : formatDate(ms);
}

function execute(portal: Portal, flow: Flow, event: WriteEvent, now: () => string, chain: number): void {
  portal.flows.enrol(flow.id, event.record.id);
  const byId = new Map(flow.actions.map((a) => [a.actionId, a]));
  let action = flow.startActionId ? byId.get(flow.startActionId) : undefined;
  while (action) {
    // An action type the sandbox does not run ends the flow there.
    if (action.actionTypeId !== SET_PROPERTY_ACTION) return;
    const target = String(action.fields['property_name']);
    const property = portal.properties.live(event.type, target);
    const value = actionValue(action, event.record.properties, property?.type === 'date');
    if (value !== undefined) {
      const ctx = writeContext(
        portal,
        event.type,
        now(),
        chain < MAX_CHAIN ? (next) => runFlows(portal, next, now, chain + 1) : undefined,
      );
      try {
        writeOne({ ...ctx, internal: true }, event.record, { [target]: value });
      } catch (error) {
        // A refused value ends the flow there, as HubSpot's would.
        if (!(error instanceof HubSpotError)) throw error;
        return;
      }
    }
    action = action.connection ? byId.get(action.connection.nextActionId) : undefined;
  }
}

export function runFlows(portal: Portal, event: WriteEvent, now: () => string, chain = 0): void {
  for (const flow of portal.flows.all()) if (enrols(portal, flow, event)) execute(portal, flow, event, now, chain);
}
