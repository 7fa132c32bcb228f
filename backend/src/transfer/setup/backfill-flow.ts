import type { WorkflowSpec } from './setup-items.js';

/** HubSpot's unified event ids for the two enrolment triggers the backfill flows use. */
const OBJECT_CREATED_EVENT = '4-1463224';
const PROPERTY_CHANGED_EVENT = '4-655002';
const SET_PROPERTY_ACTION = '0-5';
const DEALS_OBJECT_TYPE_ID = '0-3';

function trigger(workflow: WorkflowSpec) {
  if (workflow.date === 'create_date') {
    // Once, when the deal is created: HubSpot's own create date is the day of the transfer.
    return {
      type: 'EVENT_BASED',
      shouldReEnroll: false,
      eventFilterBranches: [
        {
          eventTypeId: OBJECT_CREATED_EVENT,
          operator: 'HAS_COMPLETED',
          filterBranchType: 'UNIFIED_EVENTS',
          filterBranchOperator: 'AND',
          filterBranches: [],
          filters: [],
        },
      ],
      listMembershipFilterBranches: [],
    };
  }
  // At every stage change: HubSpot moves the close date to "now" when a deal enters a closed stage.
  return {
    type: 'EVENT_BASED',
    shouldReEnroll: true,
    eventFilterBranches: [
      {
        eventTypeId: PROPERTY_CHANGED_EVENT,
        operator: 'HAS_COMPLETED',
        filterBranchType: 'UNIFIED_EVENTS',
        filterBranchOperator: 'AND',
        filterBranches: [],
        filters: [
          {
            property: 'hs_name',
            operation: { operator: 'IS_EQUAL_TO', value: 'dealstage', operationType: 'STRING' },
            filterType: 'PROPERTY',
          },
        ],
      },
    ],
    listMembershipFilterBranches: [],
  };
}

/**
 * A backfill workflow in HubSpot's v4 shape: on its trigger, copy the source's date property into HubSpot's
 * own (an empty source value copies nothing), enabled.
 */
export function backfillFlow(workflow: WorkflowSpec): Record<string, unknown> {
  return {
    type: 'PLATFORM_FLOW',
    objectTypeId: DEALS_OBJECT_TYPE_ID,
    flowType: 'WORKFLOW',
    isEnabled: true,
    name: workflow.name,
    startActionId: '1',
    nextAvailableActionId: '2',
    timeWindows: [],
    blockedDates: [],
    customProperties: {},
    dataSources: [],
    enrollmentCriteria: trigger(workflow),
    actions: [
      {
        actionId: '1',
        actionTypeId: SET_PROPERTY_ACTION,
        actionTypeVersion: 0,
        type: 'SINGLE_CONNECTION',
        fields: {
          property_name: workflow.toProperty,
          value: { type: 'OBJECT_PROPERTY', propertyName: workflow.fromProperty },
        },
      },
    ],
  };
}
