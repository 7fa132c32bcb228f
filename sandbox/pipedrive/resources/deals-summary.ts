/**
 * v1 /deals/summary and /deals/summary/archived: deal values per currency, converted into the
 * caller's default currency. Each counts only its side of the archived split (since 2025-07-15 the
 * plain summary leaves archived deals out).
 */
import { callerOf } from '../http/context.js';
import { ok } from '../http/envelope.js';
import { QueryParams } from '../http/params.js';
import type { RouteRegistry } from '../http/routes.js';
import type { ResourceContext } from './context.js';
import { savedFilterMatcher } from './filter-conditions.js';

/** Value of one unit in EUR; the sandbox's fixed exchange rates. */
const EUR_RATES: Readonly<Record<string, number>> = {
  EUR: 1,
  USD: 0.92,
  GBP: 1.17,
  SEK: 0.088,
  JPY: 0.0062,
  CHF: 1.04,
  PLN: 0.23,
  BRL: 0.17,
  INR: 0.011,
};

function convert(amount: number, from: string, to: string): number {
  return (amount * (EUR_RATES[from] ?? 1)) / (EUR_RATES[to] ?? 1);
}

function formatted(amount: number, currency: string): string {
  try {
    return new Intl.NumberFormat('en-US', { style: 'currency', currency, maximumFractionDigits: 0 }).format(amount);
  } catch {
    return `${Math.round(amount)} ${currency}`;
  }
}

export function registerDealsSummary(routes: RouteRegistry, context: ResourceContext): void {
  const summary = (path: string, operationId: string, cost: number, archived: boolean): void =>
    routes.add({
      method: 'get',
      path,
      operationId,
      spec: 'v1',
      cost,
      handler: (req, res) => {
        const params = new QueryParams(req.query);
        const status = params.oneOf('status', ['open', 'won', 'lost'] as const);
        const filterId = params.int('filter_id');
        const test = filterId === undefined ? null : savedFilterMatcher(context, 'deal', filterId);
        // "user_id will not be considered if you use filter_id"; pipeline and stage still are.
        const owner = test === null ? params.int('user_id') : undefined;
        const pipeline = params.int('pipeline_id');
        const stage = params.int('stage_id');
        const caller = callerOf(res).userId;
        const target = context.store.user(caller)?.default_currency ?? 'EUR';
        const probabilities = new Map(
          [...context.records.stage.liveRecords()].map((record) => [record.id, record.deal_probability]),
        );
        const values = new Map<string, { value: number; count: number; weighted: number }>();
        for (const deal of context.records.deal.liveRecords()) {
          if (
            deal.is_archived !== archived ||
            !context.records.deal.recordVisibleTo(deal, caller) ||
            (status && deal.status !== status) ||
            (owner !== undefined && deal.owner_id !== owner) ||
            (test !== null && !test(deal as unknown as Record<string, unknown>))
          )
            continue;
          if (
            (pipeline !== undefined && deal.pipeline_id !== pipeline) ||
            (stage !== undefined && deal.stage_id !== stage)
          )
            continue;
          const entry = values.get(deal.currency) ?? { value: 0, count: 0, weighted: 0 };
          const probability = deal.probability ?? probabilities.get(deal.stage_id) ?? 100;
          entry.value += deal.value;
          entry.count += 1;
          entry.weighted += (deal.value * probability) / 100;
          values.set(deal.currency, entry);
        }
        const valuesTotal: Record<string, unknown> = {};
        const weightedTotal: Record<string, unknown> = {};
        let total = 0;
        let weighted = 0;
        let count = 0;
        for (const [currency, entry] of values) {
          const converted = convert(entry.value, currency, target);
          valuesTotal[currency] = {
            value: entry.value,
            count: entry.count,
            value_converted: converted,
            value_formatted: formatted(entry.value, currency),
            value_converted_formatted: formatted(converted, target),
          };
          weightedTotal[currency] = {
            value: entry.weighted,
            count: entry.count,
            value_formatted: formatted(entry.weighted, currency),
          };
          total += converted;
          weighted += convert(entry.weighted, currency, target);
          count += entry.count;
        }
        res.json(
          ok({
            values_total: valuesTotal,
            weighted_values_total: weightedTotal,
            total_count: count,
            total_currency_converted_value: total,
            total_weighted_currency_converted_value: weighted,
            total_currency_converted_value_formatted: formatted(total, target),
            total_weighted_currency_converted_value_formatted: formatted(weighted, target),
          }),
        );
      },
    });

  summary('/v1/deals/summary', 'getDealsSummary', 40, false);
  summary('/v1/deals/summary/archived', 'getArchivedDealsSummary', 80, true);
}
