/** v2 deal products: /deals/{id}/products (list, attach) and /deals/products?deal_ids= (many deals). */
import { z } from 'zod';
import { callerOf } from '../http/context.js';
import { ok } from '../http/envelope.js';
import { badRequest, notFound } from '../http/errors.js';
import { QueryParams } from '../http/params.js';
import type { RouteRegistry } from '../http/routes.js';
import { formatV2Time } from '../http/time.js';
import type { DealProductRecord } from '../store/types.js';
import { idParam, parseBody, type ResourceContext } from './context.js';
import { date, id } from './inputs.js';
import { listPage, type ListSpec } from './v2-crud.js';

const BILLING = ['one-time', 'annually', 'semi-annually', 'quarterly', 'monthly', 'weekly'] as const;

const DealProductBody = z.object({
  product_id: id,
  item_price: z.number(),
  quantity: z.number(),
  tax: z.number().optional(),
  comments: z.string().optional(),
  discount: z.number().optional(),
  is_enabled: z.boolean().optional(),
  tax_method: z.enum(['exclusive', 'inclusive', 'none']).optional(),
  discount_type: z.enum(['percentage', 'amount']).optional(),
  product_variation_id: id.nullable().optional(),
  billing_frequency: z.enum(BILLING).optional(),
  billing_frequency_cycles: z.number().int().nullable().optional(),
  billing_start_date: date.nullable().optional(),
});

/** Price × quantity, less the discount, plus tax when it is charged on top. */
export function dealProductSum(item: DealProductRecord): number {
  const gross = item.item_price * item.quantity;
  const discounted = item.discount_type === 'percentage' ? gross * (1 - item.discount / 100) : gross - item.discount;
  const total = item.tax_method === 'exclusive' ? discounted * (1 + item.tax / 100) : discounted;
  return Math.round(total * 100) / 100;
}

export function renderDealProduct(item: DealProductRecord): Record<string, unknown> {
  return {
    id: item.id,
    sum: dealProductSum(item),
    tax: item.tax,
    deal_id: item.deal_id,
    name: item.name,
    product_id: item.product_id,
    product_variation_id: item.product_variation_id,
    order_nr: item.order_nr,
    add_time: formatV2Time(item.add_time),
    update_time: formatV2Time(item.update_time),
    comments: item.comments,
    currency: item.currency,
    discount: item.discount,
    discount_type: item.discount_type,
    quantity: item.quantity,
    item_price: item.item_price,
    tax_method: item.tax_method,
    is_enabled: item.is_enabled,
    billing_frequency: item.billing_frequency,
    billing_frequency_cycles: item.billing_frequency_cycles,
    billing_start_date: item.billing_start_date,
  };
}

export function registerDealProducts(routes: RouteRegistry, context: ResourceContext): void {
  const collection = context.records.dealProduct;
  const table = collection.table;
  const dealColumn = (index: number): number => table.columnAt('deal_id', index);

  routes.add({
    method: 'get',
    path: '/api/v2/deals/products',
    operationId: 'getDealsProducts',
    spec: 'v2',
    cost: 10,
    handler: (req, res) => {
      const params = new QueryParams(req.query);
      const dealIds = params.ids('deal_ids', 100);
      if (!dealIds || dealIds.length === 0) throw badRequest('Parameter deal_ids is required');
      const wanted = new Set(dealIds);
      const spec: ListSpec = {
        sortFields: ['id', 'deal_id', 'add_time', 'update_time', 'order_nr'],
        updatedSince: false,
        updatedUntil: false,
      };
      const page = listPage(collection, params, spec, [
        (index) => collection.live(index) && wanted.has(dealColumn(index)),
      ]);
      res.json(ok(page.records.map(renderDealProduct), { next_cursor: page.nextCursor }));
    },
  });

  routes.add({
    method: 'get',
    path: '/api/v2/deals/:id/products',
    operationId: 'getDealProducts',
    spec: 'v2',
    cost: 10,
    handler: (req, res) => {
      const dealId = idParam(req);
      if (!context.records.deal.find(dealId)) throw notFound('Deal');
      const spec: ListSpec = {
        sortFields: ['id', 'add_time', 'update_time', 'order_nr'],
        updatedSince: false,
        updatedUntil: false,
      };
      const page = listPage(collection, new QueryParams(req.query), spec, [
        (index) => collection.live(index) && dealColumn(index) === dealId,
      ]);
      res.json(ok(page.records.map(renderDealProduct), { next_cursor: page.nextCursor }));
    },
  });

  routes.add({
    method: 'post',
    path: '/api/v2/deals/:id/products',
    operationId: 'addDealProduct',
    spec: 'v2',
    cost: 5,
    handler: (req, res) => {
      const caller = callerOf(res);
      const dealId = idParam(req);
      const deal = context.records.deal.findLive(dealId);
      if (!deal) throw notFound('Deal');
      const body = parseBody(DealProductBody, req.body);
      const product = context.records.product.findLive(body.product_id);
      if (!product) throw badRequest(`product_id: ${body.product_id} not found`);
      let order = 0;
      for (const index of table.scan((i) => collection.live(i) && dealColumn(i) === dealId))
        order = Math.max(order, table.columnAt('order_nr', index));
      const item = collection.create(
        {
          deal_id: dealId,
          product_id: product.id,
          product_variation_id: body.product_variation_id ?? null,
          name: product.name,
          order_nr: order + 1,
          comments: body.comments ?? null,
          currency: deal.currency,
          discount: body.discount ?? 0,
          discount_type: body.discount_type ?? 'percentage',
          quantity: body.quantity,
          item_price: body.item_price,
          tax: body.tax ?? 0,
          tax_method: body.tax_method ?? 'inclusive',
          is_enabled: body.is_enabled ?? true,
          billing_frequency: body.billing_frequency ?? 'one-time',
          billing_frequency_cycles: body.billing_frequency_cycles ?? null,
          billing_start_date: body.billing_start_date ?? null,
        },
        { userId: caller.userId, source: 'api' },
      );
      res.status(201).json(ok(renderDealProduct(item)));
    },
  });
}
