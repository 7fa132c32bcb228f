/** v2 /products. Products sort by name too, and have no updated_until. */
import { z } from 'zod';
import type { QueryParams } from '../http/params.js';
import type { RouteRegistry } from '../http/routes.js';
import { formatV2Time } from '../http/time.js';
import type { ProductPrice, ProductRecord } from '../store/types.js';
import {
  applyCustomFields,
  ensureUser,
  parseBody,
  renderCustomFields,
  type RenderView,
  type ResourceContext,
} from './context.js';
import { customFields, defined, id, visibleTo } from './inputs.js';
import { type Matcher, type RecordWriter, registerV2Crud } from './v2-crud.js';

const BILLING = ['one-time', 'annually', 'semi-annually', 'quarterly', 'monthly', 'weekly'] as const;

const PriceBody = z.object({
  price: z.number(),
  currency: z.string().length(3),
  cost: z.number().optional(),
  direct_cost: z.number().nullable().optional(),
  notes: z.string().optional(),
});

const ProductBody = z.object({
  name: z.string().min(1).optional(),
  code: z.string().nullable().optional(),
  description: z.string().nullable().optional(),
  unit: z.string().nullable().optional(),
  tax: z.number().optional(),
  category: z.number().int().nullable().optional(),
  owner_id: id.optional(),
  is_linkable: z.boolean().optional(),
  visible_to: visibleTo.optional(),
  prices: z.array(PriceBody).optional(),
  billing_frequency: z.enum(BILLING).optional(),
  billing_frequency_cycles: z.number().int().nullable().optional(),
  custom_fields: customFields.optional(),
});
type ProductBody = z.infer<typeof ProductBody>;

function toPrices(prices: ProductBody['prices']): ProductPrice[] | undefined {
  return prices?.map((price) => ({
    price: price.price,
    currency: price.currency,
    cost: price.cost ?? 0,
    direct_cost: price.direct_cost ?? null,
    notes: price.notes ?? '',
  }));
}

export function renderProduct(
  context: ResourceContext,
  product: ProductRecord,
  view: RenderView,
): Record<string, unknown> {
  return {
    id: product.id,
    name: product.name,
    code: product.code,
    unit: product.unit,
    tax: product.tax,
    is_deleted: product.is_deleted,
    is_linkable: product.is_linkable,
    visible_to: product.visible_to,
    owner_id: product.owner_id,
    add_time: formatV2Time(product.add_time),
    update_time: formatV2Time(product.update_time),
    description: product.description,
    category: product.category,
    custom_fields: renderCustomFields(context.store, 'product', product.custom, view),
    billing_frequency: product.billing_frequency,
    billing_frequency_cycles: product.billing_frequency_cycles,
    prices: product.prices.map((price) => ({ product_id: product.id, ...price })),
  };
}

export function registerProducts(routes: RouteRegistry, context: ResourceContext): RecordWriter {
  const table = context.records.product.table;
  return registerV2Crud(routes, {
    collection: context.records.product,
    path: '/api/v2/products',
    noun: 'Product',
    list: {
      operationId: 'getProducts',
      cost: 10,
      sortFields: ['id', 'name', 'add_time', 'update_time'],
      updatedSince: true,
      updatedUntil: false,
      sortKeys: { name: (index) => table.at(index).name },
      filters: (params: QueryParams): Matcher[] => {
        const owner = params.int('owner_id');
        return owner === undefined ? [] : [(index) => table.columnAt('owner_id', index) === owner];
      },
      savedFilters: { context, entity: 'product' },
    },
    get: { operationId: 'getProduct', cost: 1 },
    add: {
      operationId: 'addProduct',
      cost: 5,
      status: 201,
      parse: (input, userId) => {
        const body = parseBody(ProductBody.required({ name: true }), input);
        ensureUser(context, body.owner_id);
        return {
          name: body.name,
          code: body.code ?? null,
          unit: body.unit ?? null,
          tax: body.tax ?? 0,
          is_linkable: body.is_linkable ?? true,
          visible_to: body.visible_to ?? 3,
          owner_id: body.owner_id ?? userId,
          description: body.description ?? null,
          category: body.category === undefined || body.category === null ? null : String(body.category),
          billing_frequency: body.billing_frequency ?? 'one-time',
          billing_frequency_cycles: body.billing_frequency_cycles ?? null,
          prices: toPrices(body.prices) ?? [],
          custom: applyCustomFields(context, 'product', body.custom_fields, {}),
        };
      },
    },
    update: {
      operationId: 'updateProduct',
      cost: 5,
      parse: (input, existing) => {
        const body = parseBody(ProductBody, input);
        ensureUser(context, body.owner_id);
        return defined({
          ...body,
          category: body.category === undefined ? undefined : body.category === null ? null : String(body.category),
          prices: toPrices(body.prices),
          custom_fields: undefined,
          custom: applyCustomFields(context, 'product', body.custom_fields, existing.custom),
        });
      },
    },
    remove: { operationId: 'deleteProduct', cost: 3 },
    render: (product, view) => renderProduct(context, product, view),
  });
}
