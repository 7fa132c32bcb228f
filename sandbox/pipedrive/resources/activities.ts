/**
 * v2 /activities. `type` is an activity type's key_string; the person is read-only and follows the
 * primary participant. The v2 activity schema has no custom_fields (Airbyte observes none either),
 * so activity custom fields are defined in /activityFields but their values are not exposed.
 */
import { z } from 'zod';
import { badRequest } from '../http/errors.js';
import type { QueryParams } from '../http/params.js';
import type { RouteRegistry } from '../http/routes.js';
import { formatV2Time, withSeconds } from '../http/time.js';
import type { ActivityRecord, Participant } from '../store/types.js';
import { ensureLive, ensureUser, parseBody, type ResourceContext } from './context.js';
import { address, date, defined, id, renderAddress, timeOfDay, toAddress } from './inputs.js';
import { type Matcher, type RecordWriter, registerV2Crud } from './v2-crud.js';

const ActivityBody = z.object({
  subject: z.string().optional(),
  type: z.string().optional(),
  owner_id: id.optional(),
  deal_id: id.nullable().optional(),
  lead_id: z.string().nullable().optional(),
  org_id: id.nullable().optional(),
  project_id: id.nullable().optional(),
  due_date: date.nullable().optional(),
  due_time: timeOfDay.nullable().optional(),
  duration: timeOfDay.nullable().optional(),
  busy: z.boolean().optional(),
  done: z.boolean().optional(),
  location: address.nullable().optional(),
  participants: z.array(z.object({ person_id: id, primary: z.boolean() })).optional(),
  attendees: z
    .array(
      z.object({
        email: z.string(),
        name: z.string().optional(),
        status: z.string().optional(),
        is_organizer: z.boolean().optional(),
        person_id: id.optional(),
        user_id: id.optional(),
      }),
    )
    .optional(),
  public_description: z.string().nullable().optional(),
  priority: z.number().int().nullable().optional(),
  note: z.string().nullable().optional(),
});
type ActivityBody = z.infer<typeof ActivityBody>;

export function renderActivity(activity: ActivityRecord, withAttendees: boolean): Record<string, unknown> {
  return {
    id: activity.id,
    subject: activity.subject,
    type: activity.type,
    owner_id: activity.owner_id,
    creator_user_id: activity.creator_user_id,
    is_deleted: activity.is_deleted,
    add_time: formatV2Time(activity.add_time),
    update_time: formatV2Time(activity.update_time),
    deal_id: activity.deal_id,
    lead_id: activity.lead_id,
    person_id: activity.person_id,
    org_id: activity.org_id,
    project_id: activity.project_id,
    due_date: activity.due_date,
    due_time: activity.due_time,
    duration: activity.duration,
    busy: activity.busy,
    done: activity.done,
    marked_as_done_time: activity.marked_as_done_time,
    location: renderAddress(activity.location),
    participants: activity.participants,
    ...(withAttendees ? { attendees: activity.attendees } : {}),
    conference_meeting_client: activity.conference_meeting_client,
    conference_meeting_url: activity.conference_meeting_url,
    conference_meeting_id: activity.conference_meeting_id,
    public_description: activity.public_description,
    priority: activity.priority,
    note: activity.note,
  };
}

export function registerActivities(routes: RouteRegistry, context: ResourceContext): RecordWriter {
  const checkBody = (body: ActivityBody): void => {
    if (
      body.type !== undefined &&
      !context.store.activityTypes.some((type) => type.active_flag && type.key_string === body.type)
    ) {
      throw badRequest(`type: unknown activity type '${body.type}'`);
    }
    ensureUser(context, body.owner_id);
    ensureLive(context.records.deal, body.deal_id, 'deal_id');
    ensureLive(context.records.organization, body.org_id, 'org_id');
    for (const participant of body.participants ?? [])
      ensureLive(context.records.person, participant.person_id, 'participants.person_id');
  };
  const doneTime = (done: boolean | undefined, previous: ActivityRecord | undefined): Partial<ActivityRecord> => {
    if (done === undefined || done === previous?.done) return {};
    return { done, marked_as_done_time: done ? formatV2Time(context.clock.now().getTime()) : null };
  };
  return registerV2Crud(routes, {
    collection: context.records.activity,
    path: '/api/v2/activities',
    noun: 'Activity',
    list: {
      operationId: 'getActivities',
      cost: 10,
      sortFields: ['id', 'update_time', 'add_time', 'due_date'],
      updatedSince: true,
      updatedUntil: true,
      filters: (params: QueryParams) => activityFilters(context, params),
      savedFilters: { context, entity: 'activity' },
    },
    get: { operationId: 'getActivity', cost: 1 },
    add: {
      operationId: 'addActivity',
      cost: 5,
      status: 200,
      parse: (input, userId) => {
        const body = parseBody(ActivityBody, input);
        checkBody(body);
        const participants = body.participants ?? [];
        return {
          subject: body.subject ?? 'Call',
          type: body.type ?? 'call',
          owner_id: body.owner_id ?? userId,
          creator_user_id: userId,
          deal_id: body.deal_id ?? null,
          lead_id: body.lead_id ?? null,
          person_id: primaryPerson(participants),
          org_id: body.org_id ?? null,
          project_id: body.project_id ?? null,
          due_date: body.due_date ?? null,
          due_time: body.due_time ? withSeconds(body.due_time) : null,
          duration: body.duration ? withSeconds(body.duration) : null,
          busy: body.busy ?? false,
          done: false,
          marked_as_done_time: null,
          location: toAddress(body.location),
          participants,
          attendees: (body.attendees ?? []).map((attendee) => ({
            email: attendee.email,
            name: attendee.name ?? null,
            status: attendee.status ?? null,
            is_organizer: attendee.is_organizer ?? false,
            person_id: attendee.person_id ?? null,
            user_id: attendee.user_id ?? null,
          })),
          conference_meeting_client: null,
          conference_meeting_url: null,
          conference_meeting_id: null,
          public_description: body.public_description ?? null,
          priority: body.priority ?? null,
          note: body.note ?? null,
          ...doneTime(body.done, undefined),
        };
      },
    },
    update: {
      operationId: 'updateActivity',
      cost: 5,
      parse: (input, existing) => {
        const body = parseBody(ActivityBody, input);
        checkBody(body);
        return {
          ...defined({
            subject: body.subject,
            type: body.type,
            owner_id: body.owner_id,
            deal_id: body.deal_id,
            lead_id: body.lead_id,
            org_id: body.org_id,
            project_id: body.project_id,
            due_date: body.due_date,
            due_time:
              body.due_time === undefined || body.due_time === null ? body.due_time : withSeconds(body.due_time),
            duration:
              body.duration === undefined || body.duration === null ? body.duration : withSeconds(body.duration),
            busy: body.busy,
            location: body.location === undefined ? undefined : toAddress(body.location),
            participants: body.participants,
            person_id: body.participants && primaryPerson(body.participants),
            public_description: body.public_description,
            priority: body.priority,
            note: body.note,
          }),
          ...doneTime(body.done, existing),
        };
      },
    },
    remove: { operationId: 'deleteActivity', cost: 3 },
    render: (activity, view) => renderActivity(activity, view.includeFields.has('attendees')),
  });
}

function primaryPerson(participants: readonly Participant[]): number | null {
  return (participants.find((participant) => participant.primary) ?? participants[0])?.person_id ?? null;
}

function activityFilters(context: ResourceContext, params: QueryParams): Matcher[] {
  const table = context.records.activity.table;
  const matchers: Matcher[] = [];
  for (const name of ['owner_id', 'deal_id', 'person_id', 'org_id']) {
    const value = params.int(name);
    if (value !== undefined) matchers.push((index) => table.columnAt(name, index) === value);
  }
  const done = params.bool('done');
  if (done !== undefined) matchers.push((index) => table.columnAt('done', index) === (done ? 1 : 0));
  const lead = params.string('lead_id');
  if (lead !== undefined) matchers.push((index) => table.at(index).lead_id === lead);
  return matchers;
}
