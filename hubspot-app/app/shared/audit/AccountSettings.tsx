import { DescriptionList, DescriptionListItem, Text } from '@hubspot/ui-extensions';
import type { AuditResult } from '../contracts/audit.ts';
import { orNotSet } from '../format.ts';

/** The source account's own settings that shape the transfer: default currency, locale, time zone, date format. */
export function AccountSettings({ account }: { account: AuditResult['account'] }) {
  const settings: [string, string | null][] = [
    ['Account', account.accountName],
    ['Default currency', account.defaultCurrency],
    ['Locale', account.locale],
    ['Time zone', account.timeZone],
    ['Date format', account.dateFormat],
  ];
  return (
    <DescriptionList testId="account-settings" direction="row">
      {settings.map(([label, value]) => (
        <DescriptionListItem key={label} label={label}>
          <Text>{orNotSet(value)}</Text>
        </DescriptionListItem>
      ))}
    </DescriptionList>
  );
}
