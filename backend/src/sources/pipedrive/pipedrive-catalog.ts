/**
 * The Pipedrive account as the audit describes it: object types with their fields (v2 /{x}Fields,
 * v1 /noteFields), pipelines with stages (v2), users, currencies and activity types (v1), and the
 * account's settings (v1 /users/me: company, default currency, locale, time zone). All calls run at
 * once; together they cost about 140 tokens.
 */
import { collectPages } from '../../http-client/paging.js';
import type {
  SourceAccess,
  SourceAccountSettings,
  SourceActivityType,
  SourceCatalog,
  SourceCurrency,
  SourceField,
  SourceObjectType,
  SourcePipeline,
  SourceUser,
} from '../connector.js';
import type { PipedriveApis } from './pipedrive-apis.js';
import { PipedriveRequestError } from './pipedrive-errors.js';
import { PIPEDRIVE_NEEDED_SCOPES, PIPEDRIVE_OBJECT_LABELS, type PipedriveObjectKey } from './pipedrive-objects.js';
import { cursorPages, PAGE_SIZE } from './pipedrive-paging.js';

/** What the five v2 field lists share (their generated models differ only in name). */
interface V2Field {
  field_code: string;
  field_name: string;
  field_type: string;
  is_custom_field: boolean;
  options?: { id?: number | string; label?: string }[] | null;
  subfields?: { field_code?: string; field_name?: string; field_type?: string }[] | null;
  required_fields?: { enabled?: boolean };
}

/** Option ids are integers for custom fields and strings for built-in ones; we keep strings throughout. */
function fromV2Field(field: V2Field): SourceField {
  return {
    key: field.field_code,
    label: field.field_name,
    type: field.field_type,
    isCustom: field.is_custom_field,
    options: field.options?.map((option) => ({ id: String(option.id), label: option.label ?? '' })) ?? null,
    subfields:
      field.subfields?.map((subfield) => ({
        key: subfield.field_code ?? '',
        label: subfield.field_name ?? '',
        type: subfield.field_type ?? '',
      })) ?? null,
    mandatory: field.required_fields?.enabled ?? false,
  };
}

type V2FieldObject = Exclude<PipedriveObjectKey, 'notes'>;

const builtIn = (key: string, label: string, type: string): SourceField => ({
  key,
  label,
  type,
  isCustom: false,
  options: null,
  subfields: null,
  mandatory: false,
});

/**
 * Values every record of an object carries that Pipedrive's field lists leave out: a note's deal (the v1
 * noteFields schema has no `deal` field type), a deal's archive flag and time (archived deals are read
 * from /deals/archived), a product's billing cycles (v2 product records have it, productFields does not
 * list it) and an activity's participants (activityFields lists only the primary one, person_id). Without them here the plan would have nowhere to put those values.
 */
const UNLISTED_FIELDS: Partial<Record<PipedriveObjectKey, SourceField[]>> = {
  notes: [builtIn('deal_id', 'Deal', 'deal')],
  deals: [builtIn('is_archived', 'Archived', 'boolean'), builtIn('archive_time', 'Archived on', 'date')],
  products: [builtIn('billing_frequency_cycles', 'Billing cycles', 'int')],
  activities: [builtIn('participants', 'Participants', 'people')],
};

function withUnlisted(objectKey: PipedriveObjectKey, fields: SourceField[]): SourceField[] {
  const listed = new Set(fields.map((field) => field.key));
  return [...fields, ...(UNLISTED_FIELDS[objectKey] ?? []).filter((field) => !listed.has(field.key))];
}

async function v2Fields(apis: PipedriveApis, objectKey: V2FieldObject): Promise<SourceField[]> {
  const page = { limit: PAGE_SIZE };
  // required_fields (is the field mandatory?) is only sent on request, and only deal, person and
  // organization fields have it; product and activity fields count as optional.
  const withRequired = { ...page, include_fields: 'required_fields' } as const;
  const fields: V2Field[] = await collectPages(
    cursorPages((cursor) => {
      switch (objectKey) {
        case 'persons':
          return apis.personFields.getPersonFields({ ...withRequired, cursor });
        case 'organizations':
          return apis.organizationFields.getOrganizationFields({ ...withRequired, cursor });
        case 'deals':
          return apis.dealFields.getDealFields({ ...withRequired, cursor });
        case 'products':
          return apis.productFields.getProductFields({ ...page, cursor });
        case 'activities':
          return apis.activityFields.getActivityFields({ ...page, cursor });
      }
    }, null),
  );
  return fields.map(fromV2Field);
}

/** Notes have no v2 fields endpoint; v1 lists deactivated fields too (`active_flag: false`), which hold no data. */
async function noteFields(apis: PipedriveApis): Promise<SourceField[]> {
  const response = await apis.noteFields.getNoteFields();
  return (response.data ?? [])
    .filter((field) => field.active_flag !== false)
    .map((field) => ({
      key: field.key ?? '',
      label: field.name ?? '',
      type: field.field_type ?? '',
      isCustom: field.edit_flag ?? false,
      options: field.options?.map((option) => ({ id: String(option.id), label: option.label ?? '' })) ?? null,
      subfields: null,
      mandatory: field.mandatory_flag ?? false,
    }));
}

/**
 * A catalog part Pipedrive refuses for want of a scope (403) is read as empty and named in `refused`, so
 * one missing scope costs the audit that part, not the whole audit; the audit reports it.
 */
async function unlessRefused<T>(part: string, read: Promise<T>, empty: T, refused: string[]): Promise<T> {
  try {
    return await read;
  } catch (error) {
    if (!(error instanceof PipedriveRequestError && error.status === 403)) throw error;
    refused.push(part);
    return empty;
  }
}

async function objectType(apis: PipedriveApis, key: PipedriveObjectKey, refused: string[]): Promise<SourceObjectType> {
  const label = PIPEDRIVE_OBJECT_LABELS[key];
  const read = key === 'notes' ? noteFields(apis) : v2Fields(apis, key);
  const fields = await unlessRefused(`${label.toLowerCase()} fields`, read, null, refused);
  return { key, label, fields: fields === null ? [] : withUnlisted(key, fields) };
}

/**
 * Deleted pipelines and stages are skipped (the lists should not return them; the flag is checked anyway).
 * A pipeline with deal probability switched off tracks none, so its stages report null.
 */
async function pipelines(apis: PipedriveApis): Promise<SourcePipeline[]> {
  const [allPipelines, allStages] = await Promise.all([
    collectPages(cursorPages((cursor) => apis.pipelines.getPipelines({ limit: PAGE_SIZE, cursor }), null)),
    collectPages(cursorPages((cursor) => apis.stages.getStages({ limit: PAGE_SIZE, cursor }), null)),
  ]);
  const byOrder = (a: { order: number }, b: { order: number }) => a.order - b.order;
  return allPipelines
    .filter((pipeline) => pipeline.is_deleted !== true)
    .map((pipeline) => ({
      id: String(pipeline.id),
      name: pipeline.name ?? '',
      order: pipeline.order_nr ?? 0,
      stages: allStages
        .filter((stage) => stage.pipeline_id === pipeline.id && stage.is_deleted !== true)
        .map((stage) => ({
          id: String(stage.id),
          name: stage.name ?? '',
          order: stage.order_nr ?? 0,
          probability: pipeline.is_deal_probability_enabled === false ? null : (stage.deal_probability ?? null),
        }))
        .sort(byOrder),
    }))
    .sort(byOrder);
}

/** Deleted users stay listed (they still own records) but are never active. */
async function users(apis: PipedriveApis): Promise<SourceUser[]> {
  const response = await apis.users.getUsers();
  return (response.data ?? []).map((user) => ({
    id: String(user.id),
    name: user.name ?? '',
    email: user.email ?? null,
    active: user.active_flag === true && user.is_deleted !== true,
  }));
}

/** Every currency the account may use (Pipedrive's list plus custom ones); which are in use is the audit's question. */
async function currencies(apis: PipedriveApis): Promise<SourceCurrency[]> {
  const response = await apis.currencies.getCurrencies();
  return (response.data ?? []).map((currency) => ({
    code: currency.code ?? '',
    name: currency.name ?? '',
    active: currency.active_flag ?? true,
    custom: currency.is_custom_flag ?? false,
  }));
}

/** `key` is the activity type's key_string: the value of an activity's `type`. */
async function activityTypes(apis: PipedriveApis): Promise<SourceActivityType[]> {
  const response = await apis.activityTypes.getActivityTypes();
  return (response.data ?? []).map((type) => ({
    key: type.key_string,
    name: type.name,
    active: type.active_flag,
    custom: type.is_custom_flag,
  }));
}

/** The company behind the token and the settings of the user who connected it (Pipedrive keeps locale and zone per user). */
export async function accountSettings(apis: PipedriveApis): Promise<SourceAccountSettings> {
  const response = await apis.users.getCurrentUser();
  const me = response.data;
  if (me?.company_id === undefined) throw new Error('Pipedrive /users/me named no company');
  return {
    accountId: String(me.company_id),
    accountName: me.company_name ?? null,
    defaultCurrency: me.default_currency ?? null,
    locale: me.locale ?? null,
    timeZone: me.timezone_name ?? null,
  };
}

/**
 * Who the token acts for: Pipedrive answers every list with only what this user may see, silently, so a
 * non-admin may miss records. A scope is granted by its `:read` or
 * `:full` form, or by `admin`.
 */
export async function connectingUserAccess(apis: PipedriveApis, granted: readonly string[]): Promise<SourceAccess> {
  const me = (await apis.users.getCurrentUser()).data;
  const access = me?.access ?? [];
  const has = (scope: string) => granted.includes(scope) || granted.includes(scope.replace(/:read$/, ':full'));
  return {
    userName: me?.name ?? '',
    // Records are the sales app's: an admin of it (or of the whole company, `global`) sees them all.
    admin: access.some((entry) => entry.admin === true && (entry.app === 'sales' || entry.app === 'global')),
    missingScopes: PIPEDRIVE_NEEDED_SCOPES.filter((needed) => !has(needed.scope)),
  };
}

export async function readCatalog(
  apis: PipedriveApis,
  objectKeys: readonly PipedriveObjectKey[],
): Promise<SourceCatalog> {
  const refused: string[] = [];
  const [objects, pipelineList, userList, currencyList, typeList, account] = await Promise.all([
    Promise.all(objectKeys.map((key) => objectType(apis, key, refused))),
    unlessRefused('pipelines', pipelines(apis), [], refused),
    unlessRefused('users', users(apis), [], refused),
    currencies(apis),
    unlessRefused('activity types', activityTypes(apis), [], refused),
    accountSettings(apis),
  ]);
  return {
    ...(refused.length > 0 ? { unreadable: refused } : {}),
    objects,
    pipelines: pipelineList,
    users: userList,
    currencies: currencyList,
    activityTypes: typeList,
    account,
  };
}
