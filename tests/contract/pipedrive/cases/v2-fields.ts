/** Contract cases for the v2 fields endpoints (deal, person, organization, product, activity). */
import { v2 } from 'pipedrive';
import { type ContractCase, type ContractContext, viaClient } from '../support/harness.js';

const op = (operationId: string) => ({ spec: 'v2' as const, operationId });

/** The four writable field APIs of the client share one shape; the table names their methods. */
interface WritableFieldsApi {
  tag: 'Deal' | 'Person' | 'Organization' | 'Product';
  entity: 'deal' | 'person' | 'organization' | 'product';
  list(c: ContractContext): Promise<unknown>;
  one(c: ContractContext, code: string): Promise<unknown>;
  add(c: ContractContext, name: string, type: 'enum' | 'varchar'): Promise<{ data?: { field_code?: string } }>;
  update(c: ContractContext, code: string): Promise<unknown>;
  remove(c: ContractContext, code: string): Promise<unknown>;
  addOptions(c: ContractContext, code: string): Promise<unknown>;
  renameOptions(c: ContractContext, code: string, id: number): Promise<unknown>;
  removeOptions(c: ContractContext, code: string, id: number): Promise<unknown>;
}

const WRITABLE: WritableFieldsApi[] = [
  {
    tag: 'Deal',
    entity: 'deal',
    list: (c) =>
      new v2.DealFieldsApi(c.v2).getDealFields({
        limit: 500,
        include_fields: 'ui_visibility,important_fields,required_fields',
      }),
    one: (c, field_code) => new v2.DealFieldsApi(c.v2).getDealField({ field_code }),
    add: (c, field_name, field_type) =>
      new v2.DealFieldsApi(c.v2).addDealField({
        AddDealFieldRequest: {
          field_name,
          field_type,
          ...(field_type === 'enum' ? { options: [{ label: 'A' }, { label: 'B' }] } : {}),
        },
      }),
    update: (c, field_code) =>
      new v2.DealFieldsApi(c.v2).updateDealField({
        field_code,
        UpdateDealFieldRequest: { field_name: 'Renamed field' },
      }),
    remove: (c, field_code) => new v2.DealFieldsApi(c.v2).deleteDealField({ field_code }),
    addOptions: (c, field_code) =>
      new v2.DealFieldsApi(c.v2).addDealFieldOptions({ field_code, AddDealFieldOptionsRequestInner: [{ label: 'C' }] }),
    renameOptions: (c, field_code, id) =>
      new v2.DealFieldsApi(c.v2).updateDealFieldOptions({
        field_code,
        UpdateDealFieldOptionsRequestInner: [{ id, label: 'A renamed' }],
      }),
    removeOptions: (c, field_code, id) =>
      new v2.DealFieldsApi(c.v2).deleteDealFieldOptions({ field_code, DeleteDealFieldOptionsRequestInner: [{ id }] }),
  },
  {
    tag: 'Person',
    entity: 'person',
    list: (c) => new v2.PersonFieldsApi(c.v2).getPersonFields({ limit: 500 }),
    one: (c, field_code) => new v2.PersonFieldsApi(c.v2).getPersonField({ field_code }),
    add: (c, field_name, field_type) =>
      new v2.PersonFieldsApi(c.v2).addPersonField({
        AddPersonFieldRequest: {
          field_name,
          field_type,
          ...(field_type === 'enum' ? { options: [{ label: 'A' }, { label: 'B' }] } : {}),
        },
      }),
    update: (c, field_code) =>
      new v2.PersonFieldsApi(c.v2).updatePersonField({
        field_code,
        UpdatePersonFieldRequest: { field_name: 'Renamed field' },
      }),
    remove: (c, field_code) => new v2.PersonFieldsApi(c.v2).deletePersonField({ field_code }),
    addOptions: (c, field_code) =>
      new v2.PersonFieldsApi(c.v2).addPersonFieldOptions({
        field_code,
        AddDealFieldOptionsRequestInner: [{ label: 'C' }],
      }),
    renameOptions: (c, field_code, id) =>
      new v2.PersonFieldsApi(c.v2).updatePersonFieldOptions({
        field_code,
        UpdateDealFieldOptionsRequestInner: [{ id, label: 'A renamed' }],
      }),
    removeOptions: (c, field_code, id) =>
      new v2.PersonFieldsApi(c.v2).deletePersonFieldOptions({
        field_code,
        DeleteDealFieldOptionsRequestInner: [{ id }],
      }),
  },
  {
    tag: 'Organization',
    entity: 'organization',
    list: (c) => new v2.OrganizationFieldsApi(c.v2).getOrganizationFields({ limit: 500 }),
    one: (c, field_code) => new v2.OrganizationFieldsApi(c.v2).getOrganizationField({ field_code }),
    add: (c, field_name, field_type) =>
      new v2.OrganizationFieldsApi(c.v2).addOrganizationField({
        AddOrganizationFieldRequest: {
          field_name,
          field_type,
          ...(field_type === 'enum' ? { options: [{ label: 'A' }, { label: 'B' }] } : {}),
        },
      }),
    update: (c, field_code) =>
      new v2.OrganizationFieldsApi(c.v2).updateOrganizationField({
        field_code,
        UpdateOrganizationFieldRequest: { field_name: 'Renamed field' },
      }),
    remove: (c, field_code) => new v2.OrganizationFieldsApi(c.v2).deleteOrganizationField({ field_code }),
    addOptions: (c, field_code) =>
      new v2.OrganizationFieldsApi(c.v2).addOrganizationFieldOptions({
        field_code,
        AddDealFieldOptionsRequestInner: [{ label: 'C' }],
      }),
    renameOptions: (c, field_code, id) =>
      new v2.OrganizationFieldsApi(c.v2).updateOrganizationFieldOptions({
        field_code,
        UpdateDealFieldOptionsRequestInner: [{ id, label: 'A renamed' }],
      }),
    removeOptions: (c, field_code, id) =>
      new v2.OrganizationFieldsApi(c.v2).deleteOrganizationFieldOptions({
        field_code,
        DeleteDealFieldOptionsRequestInner: [{ id }],
      }),
  },
  {
    tag: 'Product',
    entity: 'product',
    list: (c) => new v2.ProductFieldsApi(c.v2).getProductFields({ limit: 500 }),
    one: (c, field_code) => new v2.ProductFieldsApi(c.v2).getProductField({ field_code }),
    add: (c, field_name, field_type) =>
      new v2.ProductFieldsApi(c.v2).addProductField({
        AddProductFieldRequest: {
          field_name,
          field_type,
          ...(field_type === 'enum' ? { options: [{ label: 'A' }, { label: 'B' }] } : {}),
        },
      }),
    update: (c, field_code) =>
      new v2.ProductFieldsApi(c.v2).updateProductField({
        field_code,
        UpdateProductFieldRequest: { field_name: 'Renamed field' },
      }),
    remove: (c, field_code) => new v2.ProductFieldsApi(c.v2).deleteProductField({ field_code }),
    addOptions: (c, field_code) =>
      new v2.ProductFieldsApi(c.v2).addProductFieldOptions({
        field_code,
        AddDealFieldOptionsRequestInner: [{ label: 'C' }],
      }),
    renameOptions: (c, field_code, id) =>
      new v2.ProductFieldsApi(c.v2).updateProductFieldOptions({
        field_code,
        UpdateDealFieldOptionsRequestInner: [{ id, label: 'A renamed' }],
      }),
    removeOptions: (c, field_code, id) =>
      new v2.ProductFieldsApi(c.v2).deleteProductFieldOptions({
        field_code,
        DeleteDealFieldOptionsRequestInner: [{ id }],
      }),
  },
];

/** A custom enum field made for the case, with its first option id. */
async function scratchEnum(c: ContractContext, api: WritableFieldsApi): Promise<{ code: string; optionId: number }> {
  const code = (await api.add(c, 'Scratch enum', 'enum')).data?.field_code ?? '';
  return { code, optionId: c.state.store.fields.byKey(api.entity, code)?.options?.[0]?.id ?? 0 };
}

/** A custom field of the generated account (every type exists on every object). */
function customKey(
  c: ContractContext,
  entity: 'deal' | 'person' | 'organization' | 'product' | 'activity',
  type: string,
): string {
  return c.state.store.fields.custom(entity).find((field) => field.field_type === type)?.key ?? '';
}

export function v2FieldCases(): ContractCase[] {
  const cases: ContractCase[] = WRITABLE.flatMap((api): ContractCase[] => {
    const { entity } = api;
    return [
      { title: `get${api.tag}Fields`, target: op(`get${api.tag}Fields`), run: (c) => viaClient(c, () => api.list(c)) },
      ...['monetary', 'address', 'set', 'timerange'].map((type) => ({
        title: `get${api.tag}Field (${type})`,
        target: op(`get${api.tag}Field`),
        run: (c: ContractContext) => viaClient(c, () => api.one(c, customKey(c, entity, type))),
      })),
      {
        title: `get${api.tag}Field (built-in)`,
        target: op(`get${api.tag}Field`),
        run: (c) => viaClient(c, () => api.one(c, entity === 'product' ? 'category' : 'label_ids')),
      },
      {
        title: `add${api.tag}Field`,
        target: op(`add${api.tag}Field`),
        run: (c) => viaClient(c, () => api.add(c, 'Contract field', 'varchar')),
      },
      {
        title: `update${api.tag}Field`,
        target: op(`update${api.tag}Field`),
        run: async (c) => {
          const { code } = await scratchEnum(c, api);
          return viaClient(c, () => api.update(c, code));
        },
      },
      {
        title: `delete${api.tag}Field`,
        target: op(`delete${api.tag}Field`),
        run: async (c) => {
          const { code } = await scratchEnum(c, api);
          return viaClient(c, () => api.remove(c, code));
        },
      },
      {
        title: `add${api.tag}FieldOptions`,
        target: op(`add${api.tag}FieldOptions`),
        run: async (c) => {
          const { code } = await scratchEnum(c, api);
          return viaClient(c, () => api.addOptions(c, code));
        },
      },
      {
        title: `update${api.tag}FieldOptions`,
        target: op(`update${api.tag}FieldOptions`),
        run: async (c) => {
          const { code, optionId } = await scratchEnum(c, api);
          return viaClient(c, () => api.renameOptions(c, code, optionId));
        },
      },
      {
        title: `delete${api.tag}FieldOptions`,
        target: op(`delete${api.tag}FieldOptions`),
        run: async (c) => {
          const { code, optionId } = await scratchEnum(c, api);
          return viaClient(c, () => api.removeOptions(c, code, optionId));
        },
      },
    ];
  });
  cases.push(
    {
      title: 'getActivityFields',
      target: op('getActivityFields'),
      run: (c) => viaClient(c, () => new v2.ActivityFieldsApi(c.v2).getActivityFields({ limit: 10 })),
    },
    {
      title: 'getActivityField',
      target: op('getActivityField'),
      run: (c) =>
        viaClient(c, () =>
          new v2.ActivityFieldsApi(c.v2).getActivityField({ field_code: customKey(c, 'activity', 'daterange') }),
        ),
    },
  );
  return cases;
}
