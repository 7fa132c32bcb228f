import { afterAll, beforeAll, describe, expect } from '@jest/globals';
import { call, contract, expectShape, fixture, installApp, type Installed } from './support/contract.js';

let app: Installed;
beforeAll(async () => {
  // Professional: a Starter portal allows 2 pipelines and few currencies; these tests make more.
  app = await installApp(undefined, { tier: 'professional' });
});
afterAll(async () => {
  await app.sandbox.close();
});

const addRate = (fromCurrencyCode: string, conversionRate: number) =>
  call(app.client, 'POST', '/settings/v3/currencies/exchange-rates', { fromCurrencyCode, conversionRate });

describe('HubSpot account and multi-currency settings contract', () => {
  contract('GET /account-info/v3/details', 'returns the portal id, company currency and time zone', async () => {
    const res = await call(app.client, 'GET', '/account-info/v3/details');
    expectShape(res.body, fixture('account-details'));
    expect(res.body['portalId']).toBe(12345678);
  });

  contract('GET /settings/v3/currencies/codes', 'lists supported currency codes', async () => {
    const res = await call(app.client, 'GET', '/settings/v3/currencies/codes');
    expect(res.body['results']).toEqual(expect.arrayContaining([{ currencyCode: 'EUR', currencyName: 'Euro' }]));
  });

  contract('GET /settings/v3/currencies/company-currency', 'returns the company currency', async () => {
    const res = await call(app.client, 'GET', '/settings/v3/currencies/company-currency');
    expect(res.body['currencyCode']).toBe('USD');
  });

  contract(
    'PUT /settings/v3/currencies/company-currency',
    'sets the company currency before any exchange rate exists',
    async () => {
      const second = await installApp('oauth');
      try {
        const res = await call(second.client, 'PUT', '/settings/v3/currencies/company-currency', {
          currencyCode: 'EUR',
        });
        expect(res.body['currencyCode']).toBe('EUR');
        expect(
          (await call(second.client, 'PUT', '/settings/v3/currencies/company-currency', { currencyCode: 'XXX' }))
            .status,
        ).toBe(400);
      } finally {
        await second.sandbox.close();
      }
    },
  );

  contract(
    'POST /settings/v3/currencies/exchange-rates',
    'adds a currency with its rate (201), which deals may then use',
    async () => {
      const res = await addRate('EUR', 1.08);
      expect(res.status).toBe(201);
      expectShape(res.body, fixture('exchange-rate'));
      const deal = await call(app.client, 'POST', '/crm/v3/objects/deals', {
        properties: { dealname: 'Euro deal', dealstage: 'qualifiedtobuy', deal_currency_code: 'EUR', amount: '100' },
      });
      expect(deal.status).toBe(201);
      const refused = await call(app.client, 'POST', '/crm/v3/objects/deals', {
        properties: { dealname: 'Yen deal', dealstage: 'qualifiedtobuy', deal_currency_code: 'JPY' },
      });
      expect(refused.status).toBe(400);
      expect((await addRate('GBP', -1)).status).toBe(400);
    },
  );

  contract('GET /settings/v3/currencies/exchange-rates', 'lists exchange rates', async () => {
    await addRate('CHF', 1.12);
    const res = await call(app.client, 'GET', '/settings/v3/currencies/exchange-rates');
    expect((res.body['results'] as Array<{ fromCurrencyCode: string }>).map((r) => r.fromCurrencyCode)).toContain(
      'CHF',
    );
  });

  contract('GET /settings/v3/currencies/exchange-rates/current', 'lists the current rate per currency', async () => {
    await addRate('SEK', 0.09);
    await addRate('SEK', 0.1);
    const res = await call(app.client, 'GET', '/settings/v3/currencies/exchange-rates/current');
    const sek = (res.body['results'] as Array<{ fromCurrencyCode: string; conversionRate: number }>).filter(
      (r) => r.fromCurrencyCode === 'SEK',
    );
    expect(sek.map((r) => r.conversionRate)).toEqual([0.1]);
  });

  contract('GET /settings/v3/currencies/exchange-rates/:exchangeRateId', 'reads one rate; unknown is 404', async () => {
    const created = await addRate('NOK', 0.095);
    const res = await call(app.client, 'GET', `/settings/v3/currencies/exchange-rates/${String(created.body['id'])}`);
    expect(res.body['fromCurrencyCode']).toBe('NOK');
    expect((await call(app.client, 'GET', '/settings/v3/currencies/exchange-rates/1')).status).toBe(404);
  });

  contract('PATCH /settings/v3/currencies/exchange-rates/:exchangeRateId', 'changes a rate', async () => {
    const created = await addRate('DKK', 0.14);
    const res = await call(
      app.client,
      'PATCH',
      `/settings/v3/currencies/exchange-rates/${String(created.body['id'])}`,
      { conversionRate: 0.15 },
    );
    expect(res.body['conversionRate']).toBe(0.15);
  });
});
