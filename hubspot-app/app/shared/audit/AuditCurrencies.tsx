import { Flex, StatusTag, TableCell, TableRow, Text } from '@hubspot/ui-extensions';
import { DataTable } from '../components/DataTable.tsx';
import { TextCell } from '../components/TextCell.tsx';
import type { AuditResult } from '../contracts/audit.ts';

/** The currencies the source uses or offers, and whether HubSpot has them yet. */
export function AuditCurrencies({
  currencies,
  sourceName,
}: {
  currencies: AuditResult['currencies'];
  sourceName: string;
}) {
  if (currencies.length === 0) return <Text testId="no-currencies">{sourceName} uses no currencies.</Text>;
  const missing = currencies.filter((currency) => !currency.inHubSpot).length;
  return (
    <Flex direction="column" gap="sm">
      {missing > 0 && (
        <Text testId="currencies-summary">
          {`${missing} of ${currencies.length} currencies are not in HubSpot yet. HubSpot needs an exchange rate to add each one; you give it when you prepare HubSpot.`}
        </Text>
      )}
      <DataTable testId="audit-currencies" headers={['Currency', 'Used by deals', 'In HubSpot']}>
        {currencies.map((currency) => (
          <TableRow key={currency.code} testId={`currency-${currency.code}`}>
            <TextCell>{`${currency.code} · ${currency.name}`}</TextCell>
            <TextCell>{currency.used ? 'Yes' : 'No'}</TextCell>
            <TableCell>
              <StatusTag variant={currency.inHubSpot ? 'success' : 'warning'}>
                {currency.inHubSpot ? 'In HubSpot' : 'Not in HubSpot yet'}
              </StatusTag>
            </TableCell>
          </TableRow>
        ))}
      </DataTable>
    </Flex>
  );
}
