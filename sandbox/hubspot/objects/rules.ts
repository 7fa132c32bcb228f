/**
 * Per-object rules beyond single values: required properties, deal pipeline/stage consistency,
 * line-item prices, and the calculated values HubSpot derives (deal probability and closed flags,
 * line-item amount). Sources: deals, line items, engagement guides (docs/notes/hubspot-crm.md).
 */
import { isEngagement, type ObjectType, objectTypeOf } from '../object-types.js';
import type { Portal } from '../portal.js';
import { optionError, type PropertyValueError } from './validation.js';

const PRODUCTS = objectTypeOf('products');

const required = (name: string): PropertyValueError => ({
  name,
  value: '',
  code: 'REQUIRED_PROPERTY',
  message: `Required property ${name} is missing`,
});

/** Fills what HubSpot fills on create when omitted: a deal's pipeline, a meeting's hs_timestamp. */
export function applyCreateDefaults(portal: Portal, type: ObjectType, values: Record<string, string>): void {
  if (type.name === 'deals' && values['pipeline'] === undefined) {
    const stagePipeline = values['dealstage'] ? portal.pipelines.pipelineOfStage(values['dealstage']) : undefined;
    const pipeline = stagePipeline ?? portal.pipelines.defaultPipeline();
    if (pipeline) values['pipeline'] = pipeline.id;
  }
  // "When the property value is missing, the value will default to hs_meeting_start_time" (meetings guide).
  if (
    type.name === 'meetings' &&
    values['hs_timestamp'] === undefined &&
    values['hs_meeting_start_time'] !== undefined
  ) {
    values['hs_timestamp'] = values['hs_meeting_start_time'];
  }
  // A line item created from a product inherits the product's name, price and description.
  if (type.name === 'line_items' && values['hs_product_id'] !== undefined) {
    const product = portal.records.get(PRODUCTS, values['hs_product_id']);
    for (const name of ['name', 'price', 'description', 'hs_sku']) {
      const inherited = product?.properties[name];
      if (values[name] === undefined && inherited !== undefined) values[name] = inherited;
    }
  }
}

/**
 * Deal closing: when the pipeline has `autoCloseDateEnabled` and the write moves the deal into a
 * stage whose metadata says `isClosed`, HubSpot sets `closedate` to now (pipelines audit payload; KB
 * "default deal properties"). A `closedate` sent in the same write is kept; one already on the deal is
 * overwritten (undocumented: the stricter reading, so a client that migrates close dates must send
 * them with the stage).
 */
export function applyClosingRules(
  portal: Portal,
  type: ObjectType,
  current: Record<string, string>,
  values: Record<string, string>,
  at: string,
): void {
  if (type.name !== 'deals' || values['dealstage'] === undefined || values['dealstage'] === current['dealstage'])
    return;
  if (values['closedate'] !== undefined) return;
  const pipeline = portal.pipelines.find(values['pipeline'] ?? current['pipeline'] ?? '');
  const stage = pipeline?.stages.find((s) => s.id === values['dealstage'] && !s.archived);
  if (pipeline?.autoCloseDateEnabled && stage?.metadata['isClosed'] === 'true') values['closedate'] = at;
}

/** Errors of the record as it would be after the write (`merged`), knowing which names changed. */
export function checkRecordRules(
  portal: Portal,
  type: ObjectType,
  merged: Record<string, string>,
  changed: Record<string, string>,
  isCreate: boolean,
): PropertyValueError[] {
  const errors: PropertyValueError[] = [];
  if (isCreate && isEngagement(type) && merged['hs_timestamp'] === undefined) errors.push(required('hs_timestamp'));
  if (type.name === 'deals') errors.push(...dealErrors(portal, merged, changed, isCreate));
  if (type.name === 'line_items') {
    if (merged['price'] !== undefined && Number(merged['price']) < 0) {
      errors.push({
        name: 'price',
        value: merged['price'],
        code: 'INVALID_PRICE',
        message: `price cannot be negative: ${merged['price']}`,
      });
    }
    const productId = changed['hs_product_id'];
    if (productId !== undefined && productId !== '' && !portal.records.get(PRODUCTS, productId)) {
      errors.push({
        name: 'hs_product_id',
        value: productId,
        code: 'INVALID_OBJECT_ID',
        message: `Product ${productId} does not exist`,
      });
    }
  }
  return errors;
}

function dealErrors(
  portal: Portal,
  merged: Record<string, string>,
  changed: Record<string, string>,
  isCreate: boolean,
): PropertyValueError[] {
  if (isCreate && merged['dealname'] === undefined) return [required('dealname')];
  if (!isCreate && changed['pipeline'] === undefined && changed['dealstage'] === undefined) return [];
  const pipelineId = merged['pipeline'];
  const pipeline = pipelineId === undefined ? undefined : portal.pipelines.find(pipelineId);
  if (!pipeline)
    return [
      optionError(
        'pipeline',
        pipelineId ?? '',
        portal.pipelines.list().map((p) => p.id),
      ),
    ];
  const stageId = merged['dealstage'];
  if (stageId === undefined) return [required('dealstage')];
  const stages = portal.pipelines.liveStages(pipeline).map((s) => s.id);
  return stages.includes(stageId) ? [] : [optionError('dealstage', stageId, stages)];
}

/** Calculated values HubSpot keeps in step with the record. */
export function derivedValues(
  portal: Portal,
  type: ObjectType,
  merged: Record<string, string>,
  at: string,
): Record<string, string> {
  if (type.name === 'deals') {
    const pipeline = merged['pipeline'] ? portal.pipelines.find(merged['pipeline']) : undefined;
    const stage = pipeline?.stages.find((s) => s.id === merged['dealstage']);
    const derived: Record<string, string> = {};
    if (stage) {
      const probability = stage.metadata['probability'] ?? '';
      const closed = stage.metadata['isClosed'] === 'true';
      Object.assign(derived, {
        hs_deal_stage_probability: probability,
        hs_is_closed: String(closed),
        hs_is_closed_won: String(closed && probability === '1.0'),
        hs_is_closed_lost: String(closed && probability === '0.0'),
      });
    }
    const rate = portal.currencies.rateOf(merged['deal_currency_code'] ?? portal.currencies.companyCurrency, at);
    if (merged['amount'] !== undefined && rate !== undefined)
      derived['amount_in_home_currency'] = String(Number(merged['amount']) * rate);
    return derived;
  }
  if (type.name === 'line_items' && merged['price'] !== undefined) {
    const quantity = Number(merged['quantity'] ?? '1');
    const amount = quantity * (Number(merged['price']) - Number(merged['discount'] ?? '0'));
    return { amount: String(amount * (1 - Number(merged['hs_discount_percentage'] ?? '0') / 100)) };
  }
  return {};
}
