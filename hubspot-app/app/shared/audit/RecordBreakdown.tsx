import { DescriptionList, DescriptionListItem, Flex, Text } from '@hubspot/ui-extensions';
import type { AuditObject } from '../contracts/audit.ts';
import { countOf, formatCount } from '../format.ts';

const CURRENCY_PREFIX = 'currency:';

/** A breakdown key in words: "currency:EUR" → "In EUR", an activity type by its name, "won" → "Won". */
function breakdownLabel(key: string, typeNames: Readonly<Record<string, string>>): string {
  if (key.startsWith(CURRENCY_PREFIX)) return `In ${key.slice(CURRENCY_PREFIX.length)}`;
  const name = typeNames[key] ?? key.replace(/_/g, ' ');
  return name.charAt(0).toUpperCase() + name.slice(1);
}

interface RecordBreakdownProps {
  object: AuditObject;
  /** Activity type names by key, for rows broken down by type. */
  typeNames: Readonly<Record<string, string>>;
}

/** How many records an object has, and how they split (deals by status and currency, activities by type). */
export function RecordBreakdown({ object, typeNames }: RecordBreakdownProps) {
  const parts = Object.entries(object.breakdown);
  return (
    <Flex direction="column" gap="xs">
      <Text testId={`records-${object.key}`} format={{ fontWeight: 'demibold' }}>
        {countOf(object.records, 'record')}
      </Text>
      {parts.length > 0 && (
        <DescriptionList testId={`breakdown-${object.key}`} direction="row">
          {parts.map(([key, records]) => (
            <DescriptionListItem key={key} label={breakdownLabel(key, typeNames)}>
              <Text>{formatCount(records)}</Text>
            </DescriptionListItem>
          ))}
        </DescriptionList>
      )}
    </Flex>
  );
}
