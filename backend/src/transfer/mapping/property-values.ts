import type { AuditField, HubSpotPropertyTarget, TransferSettings } from '../../../../shared/src/contracts/index.js';
import type { SourceRecord } from '../../sources/connector.js';
import type { RecordShape } from '../../sources/record-shape.js';
import { domainOf, emailsOf, phonesOf } from './contact-values.js';
import type { MappingPlan, PlannedObject } from './mapping-plan.js';
import { optionLabelsOf, planLookups } from './plan-lookups.js';
import { safeHtml } from './safe-html.js';
import { booleanOf, idOf, isEmpty, isObject, numberText, optionIds, textOf } from './source-values.js';
import { calendarDay, datetimeValue, dayIn, instantOf, startOfDay } from './time-values.js';

/**
 * One source value as the HubSpot property a plan target names takes it: by the target's type (numbers,
 * days, instants, options, text, safe HTML), with the standard properties that need more than their type
 * (a deal's close date, an activity's time and duration, e-mails, phones, names, domains, addresses,
 * done flags, product billing).
 */
/** HubSpot's values for a done flag, by the standard property that takes it. */
const DONE_VALUES: Record<string, [done: string, notDone: string]> = {
  hs_task_status: ['COMPLETED', 'NOT_STARTED'],
  hs_meeting_outcome: ['COMPLETED', 'SCHEDULED'],
};

/** HubSpot's recurringbillingfrequency values, and the months (or weeks) of one cycle for the term. */
const BILLING: Record<string, { value: string; period: string; per: number }> = {
  weekly: { value: 'weekly', period: 'W', per: 1 },
  monthly: { value: 'monthly', period: 'M', per: 1 },
  quarterly: { value: 'quarterly', period: 'M', per: 3 },
  'semi-annually': { value: 'per_six_months', period: 'M', per: 6 },
  annually: { value: 'annually', period: 'Y', per: 1 },
};

const ADDRESS_PARTS: Record<string, (address: Record<string, unknown>) => string | null> = {
  street: (address) => [textOf(address.route), textOf(address.street_number)].filter(Boolean).join(' ') || null,
  city: (address) => textOf(address.locality),
  state: (address) => textOf(address.admin_area_level_1),
  zip: (address) => textOf(address.postal_code),
  country: (address) => textOf(address.country),
};
const STANDARD_ADDRESS: Record<string, string> = {
  address: 'street',
  city: 'city',
  state: 'state',
  zip: 'zip',
  country: 'country',
};

/** `HH:MM` (or seconds) as milliseconds. */
function durationMs(value: unknown): number | null {
  const match = typeof value === 'string' ? /^(\d{1,4}):([0-5]\d)(?::([0-5]\d))?$/.exec(value.trim()) : null;
  if (!match) return null;
  return ((Number(match[1]) * 60 + Number(match[2])) * 60 + Number(match[3] ?? 0)) * 1000;
}

/** `09:30:00` + zone → "09:30 Europe/London". */
function timeText(value: unknown, zone: unknown): string | null {
  const time = textOf(value);
  if (time === null) return null;
  const short = /^\d{2}:\d{2}/.exec(time)?.[0] ?? time;
  return typeof zone === 'string' && zone !== '' ? `${short} ${zone}` : short;
}

/** What converting one record's values needs: the record, the plan and settings, the account's zone; warnings collect what is left out. */
export interface FieldContext {
  row: PlannedObject;
  plan: MappingPlan;
  settings: TransferSettings;
  record: SourceRecord;
  /** Where the source keeps owner, stage, status, times… in its records. */
  shape: RecordShape;
  timeZone: string;
  pipelineIds: ReadonlyMap<string, string>;
  warnings: string[];
}

/** When an activity happens: its due day at its due time (UTC), or the start of the day in the account's zone. */
function activityInstant(context: FieldContext): Date | null {
  const { shape, record } = context;
  const due = shape.dueDay(record);
  const dueTime = shape.dueTime(record);
  const day = calendarDay(due);
  if (day === null) return instantOf(due);
  const time = typeof dueTime === 'string' ? /^(\d{2}):(\d{2})(?::(\d{2}))?$/.exec(dueTime.trim()) : null;
  return time ? new Date(`${day}T${time[1]}:${time[2]}:${time[3] ?? '00'}Z`) : startOfDay(day, context.timeZone);
}

/**
 * A deal's close date: for won and lost deals the instant they closed; for open deals the start of the
 * expected close day in the account's time zone (so the portal shows the day the source showed).
 */
function closeInstant(context: FieldContext): Date | null {
  const { shape, record } = context;
  const status = shape.status(record);
  if (status === 'won' || status === 'lost') {
    for (const time of shape.closeTimes(record)) {
      const instant = instantOf(time);
      if (instant) return instant;
    }
    return null;
  }
  const day = calendarDay(shape.expectedCloseDay(record));
  return day === null ? null : startOfDay(day, context.timeZone);
}

/** Option labels by id (the source field's own options, or the activity types). */
function optionLabels(context: FieldContext, field: AuditField, ids: string[]): string[] {
  const labels = optionLabelsOf(field);
  const typeNames = planLookups(context.plan).activityTypeName;
  return ids.map((id) => labels.get(id) ?? typeNames.get(id) ?? id);
}

/** A value converted by the kind of the property that takes it. */
function byTargetType(
  context: FieldContext,
  field: AuditField,
  target: HubSpotPropertyTarget,
  value: unknown,
): string | null {
  switch (target.type) {
    case 'number':
      return numberText(value);
    case 'date': {
      const day = calendarDay(isObject(value) ? value.value : value);
      if (day !== null) return day;
      const instant = instantOf(value);
      return instant ? dayIn(instant, context.timeZone) : null;
    }
    case 'datetime': {
      const instant = instantOf(value);
      if (instant) return datetimeValue(instant);
      const day = calendarDay(value);
      return day === null ? null : datetimeValue(startOfDay(day, context.timeZone));
    }
    case 'bool': {
      const flag = booleanOf(value);
      return flag === null ? null : String(flag);
    }
    case 'enumeration': {
      const ids = optionIds(value);
      if (ids.length === 0) return null;
      return target.fieldType === 'checkbox' ? ids.join(';') : (ids[0] ?? null);
    }
    default: {
      if (field.sourceType === 'json') return isEmpty(value) ? null : JSON.stringify(value);
      if (field.sourceType === 'stage') {
        const id = idOf(value);
        return id === null ? null : (planLookups(context.plan).stageName.get(id) ?? id);
      }
      if (field.options !== null || field.sourceType === 'enum' || field.sourceType === 'set') {
        const ids = optionIds(value);
        return ids.length === 0 ? null : optionLabels(context, field, ids).join(';');
      }
      const text = textOf(value);
      if (text === null) return null;
      return target.fieldType === 'html' ? safeHtml(text) : text;
    }
  }
}

const parts = new WeakMap<HubSpotPropertyTarget, string | null>();
/** The part a split target takes (`…__street` → street), or null for a whole-value target; found once per plan target. */
function partOf(target: HubSpotPropertyTarget): string | null {
  let part = parts.get(target);
  if (part === undefined) {
    part = /__([a-z]+)$/.exec(target.name)?.[1] ?? null;
    parts.set(target, part);
  }
  return part;
}

export function targetValue(
  context: FieldContext,
  field: AuditField,
  target: HubSpotPropertyTarget,
  value: unknown,
): string | null {
  const { shape, record } = context;
  const part = target.kind === 'created' ? partOf(target) : null;
  if (target.kind === 'standard') {
    switch (target.name) {
      case 'closedate': {
        const instant = closeInstant(context);
        return instant ? datetimeValue(instant) : null;
      }
      case 'hs_timestamp':
      case 'hs_meeting_start_time': {
        if (field.key === shape.fields.dueDate || field.key === shape.fields.dueTime) {
          const instant = activityInstant(context);
          return instant ? datetimeValue(instant) : null;
        }
        break;
      }
      case 'hs_meeting_end_time': {
        const start = activityInstant(context);
        const duration = durationMs(value);
        return start && duration !== null ? datetimeValue(new Date(start.getTime() + duration)) : null;
      }
      case 'hs_call_duration': {
        const duration = durationMs(value);
        return duration === null ? null : String(duration);
      }
      case 'email':
        return emailsOf(value).primary;
      case 'hs_additional_emails':
        return null;
      case 'phone':
        return phonesOf(value).primary;
      case 'mobilephone':
        return phonesOf(value).mobile;
      case 'firstname':
      case 'lastname': {
        if (field.key !== shape.fields.fullName) break;
        // The full name fills the two only when the source has neither.
        if (shape.hasSplitName(record)) return null;
        const words = (textOf(value) ?? '').trim().split(/\s+/).filter(Boolean);
        if (words.length === 0) return null;
        return target.name === 'lastname' ? (words.at(-1) ?? null) : words.slice(0, -1).join(' ') || null;
      }
      case 'domain': {
        const text = textOf(value);
        return text === null ? null : domainOf(text);
      }
      case 'deal_currency_code':
        return textOf(field.key === shape.fields.amount ? shape.currency(record) : value)?.toUpperCase() ?? null;
      case 'date_of_birth':
        return calendarDay(value);
      case 'price':
      case 'hs_cost_of_goods_sold': {
        const first: unknown = Array.isArray(value) ? value[0] : null;
        return isObject(first) ? numberText(target.name === 'price' ? first.price : first.cost) : null;
      }
      case 'recurringbillingfrequency':
        return BILLING[textOf(value) ?? '']?.value ?? null;
      case 'hs_recurring_billing_period': {
        const billing = BILLING[textOf(shape.billingFrequency(record)) ?? ''];
        const cycles = numberText(value);
        return billing && cycles !== null && Number.isInteger(Number(cycles)) && Number(cycles) > 0
          ? `P${Number(cycles) * billing.per}${billing.period}`
          : null;
      }
      case 'hs_task_priority': {
        // Pipedrive sends the option's id; its label says High, Medium or Low.
        const priority = optionLabels(context, field, optionIds(value))[0]?.toUpperCase();
        return priority === 'HIGH' || priority === 'MEDIUM' || priority === 'LOW' ? priority : null;
      }
    }
    const done = DONE_VALUES[target.name];
    if (done) {
      const flag = booleanOf(value);
      return flag === null ? null : flag ? done[0] : done[1];
    }
    const standardPart = STANDARD_ADDRESS[target.name];
    if (standardPart && isObject(value)) {
      const split = ADDRESS_PARTS[standardPart]?.(value) ?? null;
      // An address the source could not split goes whole into the street.
      const unsplit = Object.values(ADDRESS_PARTS).every((read) => read(value) === null);
      return target.name === 'address' && unsplit ? textOf(value.value) : split;
    }
  }
  if (field.key === shape.fields.phones && target.kind === 'created') return phonesOf(value).others;
  if (part !== null && isObject(value)) {
    if (part === 'currency') return textOf(value.currency);
    if (part === 'start' || part === 'end') {
      const end = part === 'end' ? value.until : value.value;
      return target.type === 'string' ? timeText(end, value.timezone_name) : calendarDay(end);
    }
    return ADDRESS_PARTS[part]?.(value) ?? null;
  }
  if (field.sourceType === 'time' && isObject(value)) return timeText(value.value, value.timezone_name);
  return byTargetType(context, field, target, value);
}
