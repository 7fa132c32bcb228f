/**
 * Automation v4 flows, as HubSpot's API shapes them (`ApiFlow`; create is oneOf CONTACT_FLOW /
 * PLATFORM_FLOW). The sandbox runs the simple ones the product creates:
 *   - enrolment EVENT_BASED on "object created" (eventTypeId 4-1463224) or "property value changed"
 *     (eventTypeId 4-655002, filter `hs_name` = the property), or LIST_BASED on property filters;
 *   - actions "set property value" (actionTypeId 0-5, fields { property_name, value }) where value is
 *     { type: STATIC_VALUE, staticValue } or { type: OBJECT_PROPERTY, propertyName }.
 * Shapes: https://developers.hubspot.com/docs/api-reference/legacy/automation/workflows/action-enrollment-reference
 */
import { validationError } from '../errors.js';
import { arrayField, booleanField, isRecord, type Json, requireFields, stringField } from '../input.js';
import type { ObjectType } from '../object-types.js';
import type { Portal } from '../portal.js';

export const OBJECT_CREATED_EVENT = '4-1463224';
export const PROPERTY_CHANGED_EVENT = '4-655002';
export const SET_PROPERTY_ACTION = '0-5';

export interface FlowAction {
  actionId: string;
  actionTypeId: string;
  actionTypeVersion: number;
  type: string;
  fields: Json;
  connection?: { edgeType: string; nextActionId: string };
}

/** A flow definition: the body as sent, checked and completed. */
export interface FlowDefinition extends Json {
  type: 'CONTACT_FLOW' | 'PLATFORM_FLOW';
  objectTypeId: string;
  isEnabled: boolean;
  flowType: string;
  name?: string;
  startActionId?: string;
  actions: FlowAction[];
  enrollmentCriteria?: Json;
}

/** A stored flow: the definition plus the server fields HubSpot adds. */
export interface Flow extends FlowDefinition {
  id: string;
  revisionId: string;
  createdAt: string;
  updatedAt: string;
}

function parseAction(raw: unknown): FlowAction {
  const action = requireFields(raw, 'PublicAction', ['actionId', 'actionTypeId', 'actionTypeVersion', 'type']);
  const connection = isRecord(action['connection']) ? action['connection'] : undefined;
  return {
    actionId: String(action['actionId']),
    actionTypeId: String(action['actionTypeId']),
    actionTypeVersion: Number(action['actionTypeVersion']),
    type: String(action['type']),
    fields: isRecord(action['fields']) ? action['fields'] : {},
    ...(connection
      ? {
          connection: {
            edgeType: String(connection['edgeType'] ?? 'STANDARD'),
            nextActionId: String(connection['nextActionId']),
          },
        }
      : {}),
  };
}

/** A "set property value" action must name a writable property of the flow's object and a usable value. */
function checkSetProperty(portal: Portal, type: ObjectType, action: FlowAction): void {
  const target = typeof action.fields['property_name'] === 'string' ? action.fields['property_name'] : '';
  if (!portal.properties.live(type, target)) {
    throw validationError(
      `Action ${action.actionId}: property ${target || '(missing property_name)'} does not exist on ${type.name}`,
    );
  }
  const value = isRecord(action.fields['value']) ? action.fields['value'] : undefined;
  if (value?.['type'] === 'STATIC_VALUE' && typeof value['staticValue'] === 'string') return;
  if (value?.['type'] === 'OBJECT_PROPERTY' && typeof value['propertyName'] === 'string') {
    if (!portal.properties.live(type, value['propertyName'])) {
      throw validationError(
        `Action ${action.actionId}: source property ${value['propertyName']} does not exist on ${type.name}`,
      );
    }
    return;
  }
  throw validationError(
    `Action ${action.actionId}: value must be { type: STATIC_VALUE, staticValue } or { type: OBJECT_PROPERTY, propertyName }`,
  );
}

/** Reads a flow create/update body; `type` and `objectTypeId` must agree (CONTACT_FLOW is contacts only). */
export function parseFlow(portal: Portal, body: unknown, objectTypeOf: (id: string) => ObjectType): FlowDefinition {
  const input = requireFields(body, 'ApiFlowCreateRequest', [
    'type',
    'objectTypeId',
    'flowType',
    'isEnabled',
    'actions',
  ]);
  const flowKind = stringField(input, 'type');
  if (flowKind !== 'CONTACT_FLOW' && flowKind !== 'PLATFORM_FLOW')
    throw validationError(`type must be CONTACT_FLOW or PLATFORM_FLOW, got ${String(flowKind)}`);
  const objectTypeId = stringField(input, 'objectTypeId') ?? '';
  if ((flowKind === 'CONTACT_FLOW') !== (objectTypeId === '0-1')) {
    throw validationError(
      `${flowKind} cannot be used with objectTypeId ${objectTypeId}: contact workflows are CONTACT_FLOW, other objects PLATFORM_FLOW`,
    );
  }
  const type = objectTypeOf(objectTypeId);
  const actions = (arrayField(input, 'actions') ?? []).map((raw) => parseAction(raw));
  const ids = new Set(actions.map((a) => a.actionId));
  const startActionId = stringField(input, 'startActionId');
  if (actions.length > 0 && (startActionId === undefined || !ids.has(startActionId)))
    throw validationError(`startActionId ${String(startActionId)} does not name an action`);
  for (const action of actions) {
    if (action.connection && !ids.has(action.connection.nextActionId))
      throw validationError(`Action ${action.actionId} connects to unknown action ${action.connection.nextActionId}`);
    if (action.actionTypeId === SET_PROPERTY_ACTION) checkSetProperty(portal, type, action);
  }
  const criteria = isRecord(input['enrollmentCriteria']) ? input['enrollmentCriteria'] : undefined;
  return {
    ...input,
    ...(criteria ? { enrollmentCriteria: criteria } : {}),
    type: flowKind,
    objectTypeId,
    flowType: stringField(input, 'flowType') ?? 'WORKFLOW',
    isEnabled: booleanField(input, 'isEnabled') ?? false,
    actions,
    ...(startActionId !== undefined ? { startActionId } : {}),
    blockedDates: arrayField(input, 'blockedDates') ?? [],
    timeWindows: arrayField(input, 'timeWindows') ?? [],
    customProperties: isRecord(input['customProperties']) ? input['customProperties'] : {},
    dataSources: arrayField(input, 'dataSources') ?? [],
  };
}
