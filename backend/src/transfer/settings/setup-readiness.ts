import type { SetupReadiness, TransferSettings } from '../../../../shared/src/contracts/index.js';

/** What the audit found about one currency: whether deals use it and whether HubSpot has it. */
export interface CurrencyUse {
  code: string;
  used: boolean;
  inHubSpot: boolean;
}

/**
 * Whether setup can run on these settings, and what is missing: HubSpot needs an exchange rate to add a
 * currency, so every currency the deals use that HubSpot lacks needs the user's rate first.
 */
export function setupReadiness(
  settings: Pick<TransferSettings, 'exchangeRates'>,
  currencies: readonly CurrencyUse[],
): SetupReadiness {
  const missing = currencies
    .filter((currency) => currency.used && !currency.inHubSpot && settings.exchangeRates[currency.code] === undefined)
    .map((currency) => ({
      code: 'exchange_rate_missing' as const,
      path: `exchangeRates.${currency.code}`,
      message: `Deals use ${currency.code}, which HubSpot does not have: enter how many ${currency.code} make one unit of the portal's company currency.`,
    }));
  return { ready: missing.length === 0, missing };
}
