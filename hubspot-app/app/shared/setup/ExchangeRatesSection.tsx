import { Flex, Heading, NumberInput, Text } from '@hubspot/ui-extensions';
import type { AuditResult } from '../contracts/audit.ts';
import type { ConfigureDraft, EditDraft } from './configure-draft.ts';

interface ExchangeRatesSectionProps {
  audit: AuditResult;
  draft: ConfigureDraft;
  edit: EditDraft;
  problemAt: (path: string) => string | undefined;
}

/** A rate for each currency deals use that HubSpot lacks: setup adds the currency with it. */
export function ExchangeRatesSection({ audit, draft, edit, problemAt }: ExchangeRatesSectionProps) {
  const missing = audit.currencies.filter((currency) => currency.used && !currency.inHubSpot);
  if (missing.length === 0) return null;
  const company = audit.account.defaultCurrency;
  return (
    <Flex direction="column" gap="sm">
      <Heading>Exchange rates</Heading>
      <Text>HubSpot doesn't have these currencies yet. Give each one's rate so setup can add it.</Text>
      {missing.map((currency) => {
        const path = `exchangeRates.${currency.code}`;
        const problem = problemAt(path);
        return (
          <NumberInput
            key={currency.code}
            testId={`exchange-rate-${currency.code}`}
            name={path}
            label={`${currency.name} (${currency.code})`}
            description={`Units of ${currency.code} per one unit of ${company ?? 'your company currency'}.`}
            precision={6}
            min={0}
            value={draft.exchangeRates[currency.code]}
            error={problem !== undefined}
            validationMessage={problem}
            onChange={(rate) =>
              edit((current) => ({ ...current, exchangeRates: { ...current.exchangeRates, [currency.code]: rate } }))
            }
          />
        );
      })}
    </Flex>
  );
}
