/**
 * Account details (account-info v3): GET /account-info/v3/details.
 * https://developers.hubspot.com/docs/api-reference/account-account-info-v3/guide
 */
import type { Express } from 'express';
import { portalOf } from './request-context.js';

export interface AccountSettings {
  accountType: 'STANDARD' | 'SANDBOX' | 'DEVELOPER_TEST';
  timeZone: string;
  utcOffset: string;
  utcOffsetMilliseconds: number;
  uiDomain: string;
  dataHostingLocation: string;
}

export const DEFAULT_ACCOUNT: AccountSettings = {
  accountType: 'STANDARD',
  timeZone: 'US/Eastern',
  utcOffset: '-05:00',
  utcOffsetMilliseconds: -18000000,
  uiDomain: 'app.hubspot.com',
  dataHostingLocation: 'na1',
};

export function registerAccountRoutes(app: Express): void {
  app.get('/account-info/v3/details', (_req, res) => {
    const portal = portalOf(res);
    res.json({
      portalId: portal.id,
      accountType: portal.account.accountType,
      timeZone: portal.account.timeZone,
      companyCurrency: portal.currencies.companyCurrency,
      additionalCurrencies: portal.currencies.enabledCodes().slice(1),
      utcOffset: portal.account.utcOffset,
      utcOffsetMilliseconds: portal.account.utcOffsetMilliseconds,
      uiDomain: portal.account.uiDomain,
      dataHostingLocation: portal.account.dataHostingLocation,
    });
  });
}
