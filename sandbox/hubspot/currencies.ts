/**
 * Multi-currency settings v3: the company currency, and additional currencies, each added by
 * giving its exchange rate to the company currency (HubSpot has no way to add a currency without a
 * rate). https://developers.hubspot.com/docs/api-reference/settings-multicurrency-v3/guide
 */
import type { Express } from 'express';
import { notFound, validationError } from './errors.js';
import { IdSequence } from './ids.js';
import { numberField, requireFields, stringField } from './input.js';
import { pageOf, parseLimit } from './paging.js';
import { portalOf } from './request-context.js';

/**
 * The ISO 4217 codes HubSpot accepts: every current code (about 150, docs/api/settings/currencies
 * and its central-fx enum), here the runtime's ICU list of currencies in use, without the IMF units
 * (XDR, XSU) that are no currency a deal can be in. Names are ICU's English names.
 */
const CURRENCY_NAMES: Record<string, string> = (() => {
  const names = new Intl.DisplayNames('en', { type: 'currency' });
  const codes = Intl.supportedValuesOf('currency').filter((code) => code !== 'XDR' && code !== 'XSU');
  return Object.fromEntries(codes.map((code) => [code, names.of(code) ?? code]));
})();

/** `conversionRate` > 0 with at most 6 decimals (multicurrency guide). */
function checkConversionRate(rate: number): number {
  if (!(rate > 0) || !/^\d+(\.\d{1,6})?$/.test(String(rate))) {
    throw validationError('conversionRate must be a positive number with at most 6 decimal places', {
      context: { conversionRate: [String(rate)] },
    });
  }
  return rate;
}

export interface ExchangeRate {
  id: string;
  fromCurrencyCode: string;
  toCurrencyCode: string;
  conversionRate: number;
  effectiveAt: string;
  visibleInUI: boolean;
  createdAt: string;
  updatedAt: string;
}

export class CurrencySettings {
  private readonly rates: ExchangeRate[] = [];
  private readonly ids = new IdSequence(9000001);
  companyCurrency: string;
  companyCurrencyUpdatedAt: string;

  /** `maxCurrencies` (company currency included) follows the portal's tier. */
  constructor(
    companyCurrency: string,
    at: string,
    private readonly maxCurrencies: () => number,
  ) {
    this.companyCurrency = companyCurrency;
    this.companyCurrencyUpdatedAt = at;
  }

  static checkCode(code: string): string {
    const upper = code.toUpperCase();
    if (!Object.hasOwn(CURRENCY_NAMES, upper))
      throw validationError(`${code} is not a supported currency code`, { context: { currencyCode: [code] } });
    return upper;
  }

  /** The company currency plus every currency with an exchange rate: the options of deal_currency_code. */
  enabledCodes(): string[] {
    return [this.companyCurrency, ...new Set(this.rates.map((r) => r.fromCurrencyCode))];
  }

  allRates(): ExchangeRate[] {
    return [...this.rates];
  }

  /** The latest effective rate per currency. */
  currentRates(at: string): ExchangeRate[] {
    const latest = new Map<string, ExchangeRate>();
    for (const rate of this.rates) {
      const seen = latest.get(rate.fromCurrencyCode);
      if (rate.effectiveAt <= at && (!seen || rate.effectiveAt >= seen.effectiveAt))
        latest.set(rate.fromCurrencyCode, rate);
    }
    return [...latest.values()];
  }

  /** Company-currency value of one unit of `code` (1 for the company currency, undefined when not enabled). */
  rateOf(code: string, at: string): number | undefined {
    if (code === this.companyCurrency) return 1;
    return this.currentRates(at).find((r) => r.fromCurrencyCode === code)?.conversionRate;
  }

  addRate(fromCurrencyCode: string, conversionRate: number, effectiveAt: string, at: string): ExchangeRate {
    const from = CurrencySettings.checkCode(fromCurrencyCode);
    if (from === this.companyCurrency)
      throw validationError(`${from} is the company currency; it has no exchange rate`);
    checkConversionRate(conversionRate);
    const max = this.maxCurrencies();
    if (!this.enabledCodes().includes(from) && this.enabledCodes().length >= max) {
      throw validationError(`This account can have at most ${max} currencies`, {
        context: { fromCurrencyCode: [from] },
      });
    }
    const rate: ExchangeRate = {
      id: String(this.ids.next()),
      fromCurrencyCode: from,
      toCurrencyCode: this.companyCurrency,
      conversionRate,
      effectiveAt,
      visibleInUI: true,
      createdAt: at,
      updatedAt: at,
    };
    this.rates.push(rate);
    return rate;
  }

  rate(id: string): ExchangeRate {
    const rate = this.rates.find((r) => r.id === id);
    if (!rate) throw notFound(`Exchange rate ${id} not found`);
    return rate;
  }
}

export function registerCurrencyRoutes(app: Express, now: () => string): void {
  app.get('/settings/v3/currencies/codes', (_req, res) => {
    res.json({
      results: Object.entries(CURRENCY_NAMES).map(([currencyCode, currencyName]) => ({ currencyCode, currencyName })),
    });
  });

  const companyCurrency = (settings: CurrencySettings) => ({
    currencyCode: settings.companyCurrency,
    currencyName: CURRENCY_NAMES[settings.companyCurrency] ?? settings.companyCurrency,
    updatedAt: settings.companyCurrencyUpdatedAt,
  });

  app.get('/settings/v3/currencies/company-currency', (_req, res) => {
    res.json(companyCurrency(portalOf(res).currencies));
  });

  app.put('/settings/v3/currencies/company-currency', (req, res) => {
    const settings = portalOf(res).currencies;
    const code = CurrencySettings.checkCode(
      stringField(requireFields(req.body, 'CompanyCurrencyUpdate', ['currencyCode']), 'currencyCode') ?? '',
    );
    if (settings.allRates().length > 0 && code !== settings.companyCurrency) {
      throw validationError('The company currency cannot be changed once exchange rates exist');
    }
    settings.companyCurrency = code;
    settings.companyCurrencyUpdatedAt = now();
    res.json(companyCurrency(settings));
  });

  app.get('/settings/v3/currencies/exchange-rates', (req, res) => {
    res.json(
      pageOf(portalOf(res).currencies.allRates(), parseLimit(req.query['limit'], 100, 100), req.query['after'], req),
    );
  });

  app.post('/settings/v3/currencies/exchange-rates', (req, res) => {
    const body = requireFields(req.body, 'ExchangeRateCreateRequest', ['fromCurrencyCode', 'conversionRate']);
    const at = now();
    const rate = portalOf(res).currencies.addRate(
      stringField(body, 'fromCurrencyCode') ?? '',
      numberField(body, 'conversionRate') ?? 0,
      stringField(body, 'effectiveAt') ?? at,
      at,
    );
    res.status(201).json(rate);
  });

  app.get('/settings/v3/currencies/exchange-rates/current', (_req, res) => {
    res.json({ results: portalOf(res).currencies.currentRates(now()) });
  });

  app.get('/settings/v3/currencies/exchange-rates/:exchangeRateId', (req, res) => {
    res.json(portalOf(res).currencies.rate(req.params.exchangeRateId));
  });

  app.patch('/settings/v3/currencies/exchange-rates/:exchangeRateId', (req, res) => {
    const rate = portalOf(res).currencies.rate(req.params.exchangeRateId);
    const conversionRate = checkConversionRate(
      numberField(requireFields(req.body, 'ExchangeRateUpdateRequest', ['conversionRate']), 'conversionRate') ?? 0,
    );
    Object.assign(rate, { conversionRate, updatedAt: now() });
    res.json(rate);
  });
}
