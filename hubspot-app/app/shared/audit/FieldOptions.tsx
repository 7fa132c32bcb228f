import { Flex, Text } from '@hubspot/ui-extensions';
import type { AuditField } from '../contracts/audit.ts';
import { countOf, formatCount } from '../format.ts';

/** How many option labels are spelled out before "and N more". */
export const OPTIONS_SHOWN = 10;

/** A dropdown's options: how many, and the first few by label. */
export function FieldOptions({ options }: { options: AuditField['options'] }) {
  if (options === null) return <Text>—</Text>;
  if (options.length === 0) return <Text>No options</Text>;
  const shown = options.slice(0, OPTIONS_SHOWN).map((option) => option.label);
  const more = options.length - shown.length;
  return (
    <Flex direction="column" gap="flush">
      <Text>{countOf(options.length, 'option')}</Text>
      <Text variant="microcopy">
        {more > 0 ? `${shown.join(', ')} and ${formatCount(more)} more` : shown.join(', ')}
      </Text>
    </Flex>
  );
}
