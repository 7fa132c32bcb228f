import { allPages, type HubSpotJson } from './hubspot-json.js';

export interface HubSpotExchangeRate {
  id: string;
  fromCurrencyCode: string;
  toCurrencyCode: string;
  conversionRate: number;
}

/** Currencies v3: the company currency and exchange rates (a currency is added with its rate). */
export function currenciesApi(json: HubSpotJson) {
  return {
    async companyCurrency(): Promise<string> {
      return ((await json('GET', '/settings/v3/currencies/company-currency')) as { currencyCode: string }).currencyCode;
    },
    exchangeRates: (): Promise<HubSpotExchangeRate[]> =>
      allPages<HubSpotExchangeRate>(json, '/settings/v3/currencies/exchange-rates'),
    async addExchangeRate(fromCurrencyCode: string, conversionRate: number): Promise<HubSpotExchangeRate> {
      return (await json('POST', '/settings/v3/currencies/exchange-rates', {
        fromCurrencyCode,
        conversionRate,
      })) as HubSpotExchangeRate;
    },
  };
}
