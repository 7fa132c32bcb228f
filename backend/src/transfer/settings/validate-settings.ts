import type { AuditField, HubSpotPropertyTarget, TransferSettings } from '../../../../shared/src/contracts/index.js';
import type { MappingPlan, PlannedObject } from '../mapping/mapping-plan.js';
import { dataTypeLocks } from './data-type-locks.js';
import { existingPropertyRefusal } from './property-compatibility.js';
import type { CurrencyUse } from './setup-readiness.js';

/** One refused setting: where (a path into the settings) and why, in words for the user. */
export interface SettingsProblem {
  path: string;
  message: string;
}

/** What the portal has, read live, that the settings may name: its properties per object and its owners. */
export interface PortalFacts {
  properties: Readonly<Record<string, readonly { name: string; label: string; type: string; readOnly: boolean }[]>>;
  ownerIds: ReadonlySet<string>;
}

export interface SettingsContext {
  plan: MappingPlan;
  currencies: readonly CurrencyUse[];
}

/** The one target a field must have to go onto an existing property, or why it has not. */
function singleCreatedTarget(field: AuditField): HubSpotPropertyTarget | string {
  const [target, ...others] = field.targets;
  if (target === undefined || others.length > 0)
    return `“${field.label}” becomes ${field.targets.length} HubSpot properties, so it can’t go onto one existing property.`;
  if (target.kind !== 'created')
    return `“${field.label}” already goes to HubSpot’s ${target.kind === 'standard' ? `standard property “${target.label}”` : target.kind}, so it can’t be mapped elsewhere.`;
  return target;
}

/** The existing HubSpot properties the settings map fields onto, by object type (to read them from the portal). */
export function existingPropertyObjects(plan: MappingPlan, settings: Pick<TransferSettings, 'fields'>): string[] {
  const types = new Set<string>();
  for (const object of plan.objects) {
    const choices = Object.values(settings.fields[object.key] ?? {});
    if (choices.some((choice) => choice.mode === 'existing')) types.add(object.hubspotObject);
  }
  return [...types];
}

function fieldProblems(
  object: PlannedObject,
  fields: readonly AuditField[],
  choices: TransferSettings['fields'][string],
  portal: PortalFacts,
): SettingsProblem[] {
  const problems: SettingsProblem[] = [];
  const byKey = new Map(fields.map((field) => [field.key, field]));
  // Properties the plan already writes for other fields (standard targets) are taken, unless those fields are excluded.
  const claimed = new Map<string, string>(
    fields
      .filter((field) => choices[field.key]?.mode !== 'exclude')
      .flatMap((field) =>
        field.targets
          .filter((target) => target.kind !== 'created' && target.kind !== 'association')
          .map((target) => [target.name, field.label] as const),
      ),
  );
  for (const [key, choice] of Object.entries(choices)) {
    const path = `fields.${object.key}.${key}`;
    const field = byKey.get(key);
    if (!field) {
      problems.push({ path, message: `${object.sourceLabel} have no field “${key}” in the latest audit.` });
      continue;
    }
    if (choice.mode === 'exclude') continue;
    if (!field.supported) {
      problems.push({
        path,
        message: `“${field.label}” can’t be transferred: ${field.reason ?? 'it is not supported'}`,
      });
      continue;
    }
    if (choice.mode !== 'existing') continue;
    const target = singleCreatedTarget(field);
    if (typeof target === 'string') {
      problems.push({ path, message: target });
      continue;
    }
    const property = portal.properties[object.hubspotObject]?.find((item) => item.name === choice.hubspotProperty);
    if (!property) {
      problems.push({
        path,
        message: `HubSpot ${object.hubspotLabel.toLowerCase()} have no property “${choice.hubspotProperty}”.`,
      });
      continue;
    }
    const refusal = existingPropertyRefusal(target.type, property);
    if (refusal !== null) {
      const message = property.readOnly ? refusal : `“${field.label}” can’t go onto “${property.label}”: ${refusal}`;
      problems.push({ path, message });
      continue;
    }
    const other = claimed.get(property.name);
    if (other !== undefined)
      problems.push({ path, message: `“${other}” already goes onto “${property.label}”: one field per property.` });
    claimed.set(property.name, field.label);
  }
  return problems;
}

const isCalendarDay = (day: string) => {
  const date = new Date(`${day}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === day;
};

/** Why record filters can't be used on this plan (unknown objects, users or pipelines, impossible dates…). */
export function filterProblems(
  context: SettingsContext,
  settings: Pick<TransferSettings, 'recordFilters'>,
): SettingsProblem[] {
  const problems: SettingsProblem[] = [];
  const objects = new Map(context.plan.objects.map((object) => [object.key, object]));
  const users = new Set(context.plan.owners.map((user) => user.id));
  const pipelines = new Set(context.plan.pipelines.map((pipeline) => pipeline.id));
  for (const [key, filter] of Object.entries(settings.recordFilters)) {
    const path = `recordFilters.${key}`;
    const object = objects.get(key);
    if (!object) {
      problems.push({ path, message: `There is no object “${key}” in the latest audit.` });
      continue;
    }
    if (filter.ownerId !== null && !users.has(filter.ownerId))
      problems.push({ path: `${path}.ownerId`, message: `No source user has id “${filter.ownerId}”.` });
    if (filter.pipelineId !== null && object.sourceObject !== 'deals')
      problems.push({ path: `${path}.pipelineId`, message: `Only deals can be filtered by pipeline.` });
    else if (filter.pipelineId !== null && !pipelines.has(filter.pipelineId))
      problems.push({ path: `${path}.pipelineId`, message: `There is no pipeline with id “${filter.pipelineId}”.` });
    if (filter.sourceFilterId !== null && object.sourceObject === 'notes')
      problems.push({ path: `${path}.sourceFilterId`, message: 'Notes have no saved filters in the source.' });
    if (filter.sourceFilterId !== null && !/^\d+$/.test(filter.sourceFilterId))
      problems.push({ path: `${path}.sourceFilterId`, message: 'A saved filter is named by its numeric id.' });
    for (const name of ['createdAfter', 'updatedAfter'] as const) {
      const day = filter[name];
      if (day !== null && !isCalendarDay(day))
        problems.push({ path: `${path}.${name}`, message: `${day} is not a calendar date.` });
    }
  }
  return problems;
}

function ownerProblems(context: SettingsContext, settings: TransferSettings, portal: PortalFacts) {
  const problems: SettingsProblem[] = [];
  const users = new Set(context.plan.owners.map((user) => user.id));
  if (settings.defaultOwnerId !== null && !portal.ownerIds.has(settings.defaultOwnerId))
    problems.push({ path: 'defaultOwnerId', message: `HubSpot has no owner with id “${settings.defaultOwnerId}”.` });
  for (const [userId, ownerId] of Object.entries(settings.ownerOverrides)) {
    if (!users.has(userId))
      problems.push({ path: `ownerOverrides.${userId}`, message: `No source user has id “${userId}”.` });
    else if (!portal.ownerIds.has(ownerId))
      problems.push({ path: `ownerOverrides.${userId}`, message: `HubSpot has no owner with id “${ownerId}”.` });
  }
  return problems;
}

function dataTypeProblems(context: SettingsContext, settings: TransferSettings): SettingsProblem[] {
  const problems: SettingsProblem[] = [];
  for (const lock of dataTypeLocks(context.plan, context.currencies, settings)) {
    if (lock.locked && lock.value !== null && (settings.dataTypes[lock.dataType] !== false) !== lock.value)
      problems.push({
        path: `dataTypes.${lock.dataType}`,
        message: `${lock.dataType} stays ${lock.value ? 'on' : 'off'}: ${lock.reason ?? ''}`.trim(),
      });
  }
  const activityTypes = new Set(context.plan.activityTypes.map((type) => type.key));
  for (const [key, target] of Object.entries(settings.activityTypes)) {
    if (!activityTypes.has(key))
      problems.push({
        path: `activityTypes.${key}`,
        message: `There is no activity type “${key}” in the latest audit.`,
      });
    else if (settings.dataTypes[target] === false)
      problems.push({ path: `activityTypes.${key}`, message: `${target} are not transferred: turn them on first.` });
  }
  const used = new Set(context.currencies.filter((currency) => currency.used).map((currency) => currency.code));
  for (const code of Object.keys(settings.exchangeRates))
    if (!used.has(code)) problems.push({ path: `exchangeRates.${code}`, message: `No deal uses ${code}.` });
  return problems;
}

/** Every way these settings break the plan, the portal or the data types' locks (empty: they can be saved). */
export function settingsProblems(
  context: SettingsContext,
  settings: TransferSettings,
  portal: PortalFacts,
): SettingsProblem[] {
  const objects = new Map(context.plan.objects.map((object) => [object.key, object]));
  const fields: SettingsProblem[] = [];
  for (const [key, choices] of Object.entries(settings.fields)) {
    const object = objects.get(key);
    if (!object) fields.push({ path: `fields.${key}`, message: `There is no object “${key}” in the latest audit.` });
    else fields.push(...fieldProblems(object, context.plan.fields[key] ?? [], choices, portal));
  }
  return [
    ...dataTypeProblems(context, settings),
    ...fields,
    ...filterProblems(context, settings),
    ...ownerProblems(context, settings, portal),
  ];
}
