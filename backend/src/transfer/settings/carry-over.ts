import type { RecordFilter, SettingsChange, TransferSettings } from '../../../../shared/src/contracts/index.js';
import type { MappingPlan } from '../mapping/mapping-plan.js';
import { dataTypeLocks } from './data-type-locks.js';
import { planDefaults } from './plan-defaults.js';
import type { CurrencyUse } from './setup-readiness.js';

type Area = SettingsChange['area'];
const dropped = (area: Area, key: string, message: string, objectKey?: string): SettingsChange => ({
  change: 'dropped',
  area,
  key,
  objectKey: objectKey ?? null,
  message,
});
const defaulted = (area: Area, key: string, message: string, objectKey?: string): SettingsChange => ({
  ...dropped(area, key, message, objectKey),
  change: 'defaulted',
});

function carryFields(older: MappingPlan | null, settings: TransferSettings, latest: MappingPlan) {
  const changes: SettingsChange[] = [];
  const fields: TransferSettings['fields'] = {};
  const objects = new Map(latest.objects.map((object) => [object.key, object]));
  for (const [objectKey, choices] of Object.entries(settings.fields)) {
    const object = objects.get(objectKey);
    if (!object) {
      changes.push(
        dropped(
          'object',
          objectKey,
          `“${objectKey}” is no longer in the source account: its field choices are dropped.`,
          objectKey,
        ),
      );
      continue;
    }
    const now = new Map((latest.fields[objectKey] ?? []).map((field) => [field.key, field]));
    const kept: TransferSettings['fields'][string] = {};
    for (const [fieldKey, choice] of Object.entries(choices)) {
      const field = now.get(fieldKey);
      const label = field?.label ?? fieldKey;
      const onto = choice.mode === 'existing' ? `onto “${choice.hubspotProperty}”` : choice.mode;
      if (!field) {
        changes.push(
          dropped('field', fieldKey, `“${fieldKey}” no longer exists: its choice (${onto}) is dropped.`, objectKey),
        );
        continue;
      }
      const stillFits =
        choice.mode === 'exclude' ||
        (field.supported &&
          (choice.mode === 'create' || (field.targets.length === 1 && field.targets[0]?.kind === 'created')));
      if (!stillFits) {
        changes.push(
          dropped(
            'field',
            fieldKey,
            `“${label}” changed type: its choice (${onto}) is dropped and it takes the default.`,
            objectKey,
          ),
        );
        continue;
      }
      kept[fieldKey] = choice;
    }
    if (Object.keys(kept).length > 0) fields[objectKey] = kept;
  }
  if (older) {
    const olderObjects = new Set(older.objects.map((object) => object.key));
    for (const object of latest.objects) {
      if (!olderObjects.has(object.key)) {
        changes.push(
          defaulted(
            'object',
            object.key,
            `New: ${object.sourceLabel} → HubSpot ${object.hubspotLabel}, with every supported field.`,
          ),
        );
        continue;
      }
      const before = new Set((older.fields[object.key] ?? []).map((field) => field.key));
      for (const field of latest.fields[object.key] ?? []) {
        if (before.has(field.key)) continue;
        const message = field.supported
          ? `New field “${field.label}”: transferred onto a new HubSpot property.`
          : `New field “${field.label}” can’t be transferred: ${field.reason ?? 'it is not supported'}`;
        changes.push(defaulted('field', field.key, message, object.key));
      }
    }
  }
  return { fields, changes };
}

function carryFilters(settings: TransferSettings, latest: MappingPlan) {
  const changes: SettingsChange[] = [];
  const recordFilters: TransferSettings['recordFilters'] = {};
  const objects = new Set(latest.objects.map((object) => object.key));
  const users = new Set(latest.owners.map((user) => user.id));
  const pipelines = new Set(latest.pipelines.map((pipeline) => pipeline.id));
  for (const [objectKey, filter] of Object.entries(settings.recordFilters)) {
    if (!objects.has(objectKey)) {
      changes.push(
        dropped(
          'record_filter',
          objectKey,
          `“${objectKey}” is no longer in the source account: its record filter is dropped.`,
          objectKey,
        ),
      );
      continue;
    }
    const kept: RecordFilter = { ...filter };
    if (filter.ownerId !== null && !users.has(filter.ownerId)) {
      kept.ownerId = null;
      changes.push(
        dropped(
          'record_filter',
          objectKey,
          `The filter’s user (id ${filter.ownerId}) no longer exists: the filter no longer limits by owner.`,
          objectKey,
        ),
      );
    }
    if (filter.pipelineId !== null && !pipelines.has(filter.pipelineId)) {
      kept.pipelineId = null;
      changes.push(
        dropped(
          'record_filter',
          objectKey,
          `The filter’s pipeline (id ${filter.pipelineId}) no longer exists: the filter no longer limits by pipeline.`,
          objectKey,
        ),
      );
    }
    recordFilters[objectKey] = kept;
  }
  return { recordFilters, changes };
}

function carryPeople(older: MappingPlan | null, settings: TransferSettings, latest: MappingPlan) {
  const changes: SettingsChange[] = [];
  const users = new Map(latest.owners.map((user) => [user.id, user]));
  const ownerOverrides: TransferSettings['ownerOverrides'] = {};
  for (const [userId, ownerId] of Object.entries(settings.ownerOverrides)) {
    if (users.has(userId)) ownerOverrides[userId] = ownerId;
    else
      changes.push(
        dropped(
          'owner',
          userId,
          `User ${userId} no longer exists in the source account: the owner chosen for them is dropped.`,
        ),
      );
  }
  const before = new Set(older?.owners.map((user) => user.id) ?? users.keys());
  for (const user of latest.owners) {
    if (before.has(user.id)) continue;
    const message =
      user.hubspotOwnerId === null
        ? `New user ${user.name}: no HubSpot owner has their e-mail; their records get the default owner.`
        : `New user ${user.name}: matched by e-mail to HubSpot owner ${user.hubspotOwnerName ?? user.hubspotOwnerId}.`;
    changes.push(defaulted('owner', user.id, message));
  }
  const types = new Set(latest.activityTypes.map((type) => type.key));
  const activityTypes: TransferSettings['activityTypes'] = {};
  for (const [key, target] of Object.entries(settings.activityTypes)) {
    if (types.has(key)) activityTypes[key] = target;
    else
      changes.push(
        dropped('activity_type', key, `Activity type “${key}” no longer exists: its mapping to ${target} is dropped.`),
      );
  }
  const olderTypes = new Set(older?.activityTypes.map((type) => type.key) ?? types);
  for (const type of latest.activityTypes)
    if (!olderTypes.has(type.key))
      changes.push(
        defaulted('activity_type', type.key, `New activity type “${type.name}” goes to HubSpot ${type.hubspotObject}.`),
      );
  return { ownerOverrides, activityTypes, changes };
}

function carryRates(settings: TransferSettings, currencies: readonly CurrencyUse[]) {
  const changes: SettingsChange[] = [];
  const used = new Set(currencies.filter((currency) => currency.used).map((currency) => currency.code));
  const exchangeRates: TransferSettings['exchangeRates'] = {};
  for (const [code, rate] of Object.entries(settings.exchangeRates)) {
    if (used.has(code)) exchangeRates[code] = rate;
    else changes.push(dropped('exchange_rate', code, `No deal uses ${code} any more: its exchange rate is dropped.`));
  }
  for (const currency of currencies)
    if (currency.used && !currency.inHubSpot && exchangeRates[currency.code] === undefined)
      changes.push(
        defaulted(
          'exchange_rate',
          currency.code,
          `Deals use ${currency.code}, which HubSpot lacks: enter its exchange rate before setup.`,
        ),
      );
  return { exchangeRates, changes };
}

/**
 * Settings made on an older audit, carried over to the latest one: what no longer exists (objects,
 * fields, users, activity types, pipelines, currencies) is dropped, what is new takes the default, locks
 * are applied again; every difference is listed for the user.
 */
export function carryOver(
  previous: { plan: MappingPlan | null; settings: TransferSettings },
  latest: { auditId: string; plan: MappingPlan; currencies: readonly CurrencyUse[] },
): { settings: TransferSettings; changes: SettingsChange[] } {
  const fields = carryFields(previous.plan, previous.settings, latest.plan);
  const filters = carryFilters(previous.settings, latest.plan);
  const people = carryPeople(previous.plan, previous.settings, latest.plan);
  const rates = carryRates(previous.settings, latest.currencies);
  const base = planDefaults(latest.plan, latest.currencies, latest.auditId);
  const dataTypeChanges: SettingsChange[] = [];
  const dataTypes = { ...base.dataTypes };
  for (const lock of dataTypeLocks(latest.plan, latest.currencies, previous.settings)) {
    const before = previous.settings.dataTypes[lock.dataType] !== false;
    if (!lock.locked || lock.value === null) dataTypes[lock.dataType] = before;
    else if (lock.value !== before)
      dataTypeChanges.push(
        defaulted(
          'data_type',
          lock.dataType,
          `${lock.dataType} is now ${lock.value ? 'on' : 'off'}: ${lock.reason ?? ''}`.trim(),
        ),
      );
  }
  return {
    settings: {
      ...previous.settings,
      auditId: latest.auditId,
      dataTypes,
      fields: fields.fields,
      recordFilters: filters.recordFilters,
      ownerOverrides: people.ownerOverrides,
      activityTypes: people.activityTypes,
      exchangeRates: rates.exchangeRates,
    },
    changes: [...dataTypeChanges, ...fields.changes, ...filters.changes, ...people.changes, ...rates.changes],
  };
}
