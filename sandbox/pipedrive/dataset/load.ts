/**
 * Loads a dataset (the JSON format of format.ts) into an emptied store. Sections a dataset leaves out
 * come from the baseline account. References between records are checked, so a scenario that
 * points at a missing record fails loudly instead of serving broken data.
 */
import { createHash } from 'node:crypto';
import type { z } from 'zod';
import type { Clock } from '../../common/clock.js';
import type { FieldEntity } from '../fields/types.js';
import { parseCustomValue, type ValueRefs } from '../fields/values.js';
import { formatV1Time, formatV2Time, withSeconds } from '../http/time.js';
import type { OAuthTokens } from '../oauth/tokens.js';
import type { Collections } from '../resources/context.js';
import type { Store } from '../store/store.js';
import type { CustomValues, FilterRecord, UserRecord } from '../store/types.js';
import { BASELINE_ACTIVITY_TYPES, BASELINE_CURRENCIES, BASELINE_PIPELINES, BASELINE_USERS } from './baseline.js';
import {
  Dataset,
  DatasetActivityType,
  DatasetCurrency,
  DatasetField,
  type DatasetFilter,
  DatasetPipeline,
  DatasetUser,
} from './format.js';

export interface LoadTarget {
  store: Store;
  records: Collections;
  tokens: OAuthTokens;
  clock: Clock;
}

export class DatasetError extends Error {}

/** Values of custom fields that point at records are not checked while loading (they may point forward). */
const TRUSTED: ValueRefs = { userExists: () => true, organizationExists: () => true, personExists: () => true };

/** A deterministic API token per user, so tests and scripts can know it. */
export function defaultApiToken(companyId: number, userId: number): string {
  return createHash('sha1').update(`api-token:${companyId}:${userId}`).digest('hex');
}

export function parseDataset(input: unknown): Dataset {
  const result = Dataset.safeParse(input);
  if (!result.success) {
    const issue = result.error.issues[0];
    throw new DatasetError(`Invalid dataset at ${issue?.path.join('.') || '(root)'}: ${issue?.message ?? 'invalid'}`);
  }
  return result.data;
}

/** Replaces everything in the store with the dataset's account. */
export function loadDataset(target: LoadTarget, dataset: Dataset): void {
  const { store } = target;
  store.clear();
  const now = dataset.now ? Date.parse(dataset.now) : target.clock.now().getTime();
  if (dataset.company) store.company = { ...dataset.company };
  if (dataset.options) store.options = { ...dataset.options };
  loadAccount(target, dataset, now);
  loadRecords(target, dataset, now);
  loadLeads(target, dataset, now);
}

/** Users, currencies, activity types, custom fields, pipelines and filters. */
export function loadAccount(
  target: LoadTarget,
  dataset: Pick<Dataset, 'users' | 'currencies' | 'activityTypes' | 'fields' | 'pipelines' | 'filters'>,
  now: number,
): void {
  const { store, tokens } = target;
  const users = dataset.users ?? BASELINE_USERS.map((user) => parse(DatasetUser, user));
  store.users = users.map((user, index) => toUser(user, index === 0, now));
  store.defaultUserId = store.users.find((user) => user.is_admin && user.active_flag)?.id ?? store.users[0]?.id ?? 1;
  for (const user of users) tokens.setApiToken(user.id, user.api_token ?? defaultApiToken(store.company.id, user.id));

  const currencies = dataset.currencies ?? BASELINE_CURRENCIES.map((currency) => parse(DatasetCurrency, currency));
  store.currencies = currencies.map((currency, index) => ({
    id: currency.id ?? index + 1,
    code: currency.code,
    name: currency.name ?? currency.code,
    decimal_points: currency.decimal_points,
    symbol: currency.symbol ?? currency.code,
    active_flag: currency.active_flag,
    is_custom_flag: currency.is_custom_flag,
  }));

  const types = dataset.activityTypes ?? BASELINE_ACTIVITY_TYPES.map((type) => parse(DatasetActivityType, type));
  const stamp = formatV1Time(now);
  store.activityTypes = types.map((type, index) => ({
    id: type.id ?? index + 1,
    name: type.name,
    key_string: type.key_string,
    icon_key: type.icon_key,
    color: type.color,
    order_nr: index + 1,
    active_flag: type.active_flag,
    is_custom_flag: type.is_custom_flag,
    add_time: stamp,
    update_time: stamp,
  }));

  for (const entity of ['deal', 'person', 'organization', 'product', 'activity'] as const) {
    for (const field of dataset.fields?.[entity] ?? []) {
      store.fields.add(entity, {
        name: field.name,
        type: field.field_type,
        options: field.options ?? [],
        ...optional(field),
      });
    }
  }

  const pipelines = dataset.pipelines ?? BASELINE_PIPELINES.map((pipeline) => parse(DatasetPipeline, pipeline));
  pipelines.forEach((pipeline, index) => {
    const times = timesOf(pipeline, now);
    target.records.pipeline.load({
      id: pipeline.id,
      ...times,
      is_deleted: pipeline.is_deleted,
      name: pipeline.name,
      order_nr: index + 1,
      is_deal_probability_enabled: pipeline.is_deal_probability_enabled,
    });
  });
  const stages = pipelines
    .flatMap((pipeline) =>
      pipeline.stages.map((stage, index) => ({ stage, pipelineId: pipeline.id, order: index + 1 })),
    )
    .sort((a, b) => a.stage.id - b.stage.id);
  for (const { stage, pipelineId, order } of stages) {
    target.records.stage.load({
      id: stage.id,
      ...timesOf(stage, now),
      is_deleted: stage.is_deleted,
      name: stage.name,
      order_nr: order,
      pipeline_id: pipelineId,
      deal_probability: stage.deal_probability,
      is_deal_rot_enabled: stage.is_deal_rot_enabled,
      days_to_rotten: stage.days_to_rotten,
    });
  }
  store.filters = (dataset.filters ?? []).map((filter) => toFilter(filter, store.defaultUserId, now));
}

function optional(field: z.output<typeof DatasetField>): { key?: string; id?: number; description?: string | null } {
  return {
    ...(field.key ? { key: field.key } : {}),
    ...(field.id ? { id: field.id } : {}),
    ...(field.description !== undefined ? { description: field.description } : {}),
  };
}

function parse<T extends z.ZodType>(schema: T, value: z.input<T>): z.output<T> {
  return schema.parse(value);
}

function toUser(user: z.output<typeof DatasetUser>, first: boolean, now: number): UserRecord {
  return {
    id: user.id,
    name: user.name,
    email: user.email,
    phone: user.phone,
    default_currency: user.default_currency,
    locale: user.locale,
    lang: 1,
    activated: user.active_flag,
    last_login: formatV1Time(user.last_login ? Date.parse(user.last_login) : now),
    created: formatV1Time(user.created ? Date.parse(user.created) : now),
    modified: null,
    has_created_company: first,
    is_admin: user.is_admin,
    active_flag: user.active_flag,
    is_deleted: user.is_deleted,
    timezone_name: user.timezone_name,
    timezone_offset: user.timezone_offset,
    role_id: user.role_id,
    icon_url: null,
  };
}

function toFilter(filter: z.output<typeof DatasetFilter>, defaultUser: number, now: number): FilterRecord {
  const stamp = formatV1Time(now);
  return {
    id: filter.id,
    name: filter.name,
    type: filter.type,
    user_id: filter.user_id ?? defaultUser,
    active_flag: filter.active_flag,
    visible_to: filter.visible_to,
    add_time: stamp,
    update_time: stamp,
    conditions: {
      glue: 'and',
      conditions: [
        {
          glue: 'and',
          conditions: filter.conditions.map((condition) => ({
            ...condition,
            extra_value: null,
            json_value_flag: false,
          })),
        },
      ],
    },
  };
}

function timesOf(
  record: { add_time?: string | undefined; update_time?: string | undefined },
  now: number,
): { add_time: number; update_time: number } {
  const add = record.add_time ? Date.parse(record.add_time) : now;
  return { add_time: add, update_time: Math.max(add, record.update_time ? Date.parse(record.update_time) : add) };
}

function byId<T extends { id: number }>(records: readonly T[]): T[] {
  return [...records].sort((a, b) => a.id - b.id);
}

/** Lead labels, then leads in add_time order (checked against persons, organizations, deals and labels). */
function loadLeads(target: LoadTarget, dataset: Dataset, now: number): void {
  const { store } = target;
  store.leadLabels = dataset.leadLabels.map((label) => ({ ...label, add_time: now, update_time: now }));
  const labels = new Set(store.leadLabels.map((label) => label.id));
  const seen = new Set<string>();
  store.leads = dataset.leads
    .map((lead) => {
      const where = `leads[id=${lead.id}]`;
      if (seen.has(lead.id)) throw new DatasetError(`${where}: duplicate id`);
      seen.add(lead.id);
      if (lead.person_id !== null && !target.records.person.find(lead.person_id))
        throw new DatasetError(`${where}: person ${lead.person_id} does not exist`);
      if (lead.organization_id !== null && !target.records.organization.find(lead.organization_id))
        throw new DatasetError(`${where}: organization ${lead.organization_id} does not exist`);
      if (lead.source_deal_id !== null && !target.records.deal.find(lead.source_deal_id))
        throw new DatasetError(`${where}: deal ${lead.source_deal_id} does not exist`);
      const unknownLabel = lead.label_ids.find((label) => !labels.has(label));
      if (unknownLabel) throw new DatasetError(`${where}: lead label ${unknownLabel} does not exist`);
      const ownerId = lead.owner_id ?? store.defaultUserId;
      if (!store.user(ownerId) || !store.user(lead.creator_id ?? ownerId))
        throw new DatasetError(`${where}: user does not exist`);
      return { ...lead, ...timesOf(lead, now), owner_id: ownerId, creator_id: lead.creator_id ?? ownerId };
    })
    .sort((a, b) => a.add_time - b.add_time);
}

/** Converts and checks references, then stores each kind in id order. */
function loadRecords(target: LoadTarget, dataset: Dataset, now: number): void {
  const { store, records } = target;
  const ids = {
    organization: new Set(dataset.organizations.map((record) => record.id)),
    person: new Set(dataset.persons.map((record) => record.id)),
    product: new Set(dataset.products.map((record) => record.id)),
    deal: new Set(dataset.deals.map((record) => record.id)),
    activity: new Set(dataset.activities.map((record) => record.id)),
    user: new Set(store.users.map((user) => user.id)),
    lead: new Set(dataset.leads.map((lead) => lead.id)),
  };
  const need = (kind: keyof typeof ids, id: number | string | null | undefined, where: string): void => {
    // Each set holds one kind of id (numbers, or UUID strings for leads).
    if (id !== null && id !== undefined && !(ids[kind] as Set<number | string>).has(id))
      throw new DatasetError(`${where}: ${kind} ${id} does not exist`);
  };
  const owner = (id: number | undefined, where: string): number => {
    need('user', id, where);
    return id ?? store.defaultUserId;
  };
  const custom = (entity: FieldEntity, values: Record<string, unknown>, where: string): CustomValues => {
    const stored: CustomValues = {};
    for (const [key, value] of Object.entries(values)) {
      const field = store.fields.byKey(entity, key);
      if (!field?.is_custom) throw new DatasetError(`${where}: no ${entity} custom field ${key}`);
      const parsed = parseCustomValue(field, value, TRUSTED);
      if (!parsed.ok) throw new DatasetError(`${where}: ${parsed.message}`);
      if (parsed.value !== null) stored[String(field.id)] = parsed.value;
    }
    return stored;
  };
  const stages = new Map([...records.stage.liveRecords()].map((stage) => [stage.id, stage]));
  const firstStage = [...stages.values()].sort((a, b) => a.pipeline_id - b.pipeline_id || a.order_nr - b.order_nr)[0];

  for (const org of byId(dataset.organizations)) {
    const where = `organizations[id=${org.id}]`;
    const { custom_fields: customFields, owner_id: ownerId, ...rest } = org;
    records.organization.load({
      ...rest,
      ...timesOf(org, now),
      owner_id: owner(ownerId, where),
      custom: custom('organization', customFields, where),
    });
  }
  for (const person of byId(dataset.persons)) {
    const where = `persons[id=${person.id}]`;
    need('organization', person.org_id, where);
    const { custom_fields: customFields, owner_id: ownerId, first_name: first, last_name: last, ...rest } = person;
    const [firstWord, ...others] = person.name.split(/\s+/);
    records.person.load({
      ...rest,
      ...timesOf(person, now),
      first_name: first === undefined ? (firstWord ?? null) : first,
      last_name: last === undefined ? others.join(' ') || null : last,
      owner_id: owner(ownerId, where),
      picture_id: null,
      custom: custom('person', customFields, where),
    });
  }
  for (const product of byId(dataset.products)) {
    const where = `products[id=${product.id}]`;
    const { custom_fields: customFields, owner_id: ownerId, ...rest } = product;
    records.product.load({
      ...rest,
      ...timesOf(product, now),
      owner_id: owner(ownerId, where),
      custom: custom('product', customFields, where),
    });
  }
  for (const deal of byId(dataset.deals)) {
    const where = `deals[id=${deal.id}]`;
    need('person', deal.person_id, where);
    need('organization', deal.org_id, where);
    const stage = deal.stage_id === undefined ? firstStage : stages.get(deal.stage_id);
    if (!stage) throw new DatasetError(`${where}: stage ${deal.stage_id ?? '(first)'} does not exist`);
    const times = timesOf(deal, now);
    const closed = formatV2Time(times.update_time);
    const {
      custom_fields: customFields,
      owner_id: ownerId,
      creator_user_id: creator,
      stage_id: _stage,
      ...rest
    } = deal;
    const won = deal.status === 'won' ? (deal.won_time ?? closed) : null;
    const lost = deal.status === 'lost' ? (deal.lost_time ?? closed) : null;
    records.deal.load({
      ...rest,
      ...times,
      owner_id: owner(ownerId, where),
      creator_user_id: owner(creator ?? ownerId, where),
      pipeline_id: stage.pipeline_id,
      stage_id: stage.id,
      won_time: won,
      lost_time: lost,
      close_time: deal.close_time ?? won ?? lost,
      first_won_time: won,
      lost_reason: deal.status === 'lost' ? deal.lost_reason : null,
      origin_id: null,
      channel_id: null,
      source_lead_id: null,
      arr: null,
      mrr: null,
      acv: null,
      custom: custom('deal', customFields, where),
    });
  }
  const orderInDeal = new Map<number, number>();
  for (const item of byId(dataset.dealProducts)) {
    const where = `dealProducts[id=${item.id}]`;
    need('deal', item.deal_id, where);
    const product = records.product.find(item.product_id);
    const deal = records.deal.find(item.deal_id);
    if (!product || !deal) throw new DatasetError(`${where}: product ${item.product_id} does not exist`);
    const order = (orderInDeal.get(item.deal_id) ?? 0) + 1;
    orderInDeal.set(item.deal_id, order);
    records.dealProduct.load({
      ...item,
      ...timesOf(item, now),
      product_variation_id: null,
      name: product.name,
      order_nr: order,
      currency: deal.currency,
      item_price: item.item_price ?? product.prices[0]?.price ?? 0,
    });
  }
  for (const participant of byId(dataset.participants)) {
    const where = `participants[id=${participant.id}]`;
    need('deal', participant.deal_id, where);
    need('person', participant.person_id, where);
    records.participant.load({
      ...participant,
      ...timesOf(participant, now),
      added_by_user_id: owner(participant.added_by_user_id, where),
    });
  }
  for (const relationship of byId(dataset.organizationRelationships)) {
    const where = `organizationRelationships[id=${relationship.id}]`;
    need('organization', relationship.rel_owner_org_id, where);
    need('organization', relationship.rel_linked_org_id, where);
    records.organizationRelationship.load({ ...relationship, ...timesOf(relationship, now) });
  }
  const typeKeys = new Set(store.activityTypes.map((type) => type.key_string));
  for (const activity of byId(dataset.activities)) {
    const where = `activities[id=${activity.id}]`;
    if (!typeKeys.has(activity.type)) throw new DatasetError(`${where}: no activity type ${activity.type}`);
    need('deal', activity.deal_id, where);
    need('lead', activity.lead_id, where);
    need('organization', activity.org_id, where);
    for (const participant of activity.participants) need('person', participant.person_id, where);
    const primary = activity.participants.find((participant) => participant.primary) ?? activity.participants[0];
    const ownerId = owner(activity.owner_id, where);
    records.activity.load({
      ...activity,
      ...timesOf(activity, now),
      owner_id: ownerId,
      creator_user_id: ownerId,
      person_id: primary?.person_id ?? null,
      project_id: null,
      due_time: activity.due_time === null ? null : withSeconds(activity.due_time),
      duration: activity.duration === null ? null : withSeconds(activity.duration),
      participants: activity.participants.map((participant) => ({
        person_id: participant.person_id,
        primary: participant === primary,
      })),
      attendees: [],
      conference_meeting_client: null,
      conference_meeting_url: null,
      conference_meeting_id: null,
    });
  }
  for (const note of byId(dataset.notes)) {
    const where = `notes[id=${note.id}]`;
    need('deal', note.deal_id, where);
    need('lead', note.lead_id, where);
    need('person', note.person_id, where);
    need('organization', note.org_id, where);
    records.note.load({
      ...note,
      ...timesOf(note, now),
      user_id: owner(note.user_id, where),
      last_update_user_id: null,
      project_id: null,
      pinned_to_project_flag: false,
    });
  }
  for (const file of byId(dataset.files)) {
    const where = `files[id=${file.id}]`;
    need('deal', file.deal_id, where);
    need('person', file.person_id, where);
    need('organization', file.org_id, where);
    need('product', file.product_id, where);
    need('activity', file.activity_id, where);
    need('lead', file.lead_id, where);
    records.file.load({
      ...file,
      ...timesOf(file, now),
      user_id: owner(file.user_id, where),
      inline_flag: false,
      remote_location: 's3',
      remote_id: `sandbox/${store.company.id}/${file.id}`,
      s3_bucket: 'pipedrive-files',
      name: file.file_name,
    });
  }
}
