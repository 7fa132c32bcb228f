import { Flex, Tag, Text } from '@hubspot/ui-extensions';
import type { HubSpotPropertyTarget } from '../contracts/audit.ts';
import { TARGET_KINDS } from '../hubspot-labels.ts';

/** Where a field's value goes in HubSpot: each property by label and internal name, and what kind it is. */
export function FieldTargets({ targets }: { targets: HubSpotPropertyTarget[] }) {
  if (targets.length === 0) return <Text>—</Text>;
  return (
    <Flex direction="column" gap="xs">
      {targets.map((target) => (
        <Flex key={target.name} direction="column" gap="flush">
          <Flex direction="row" gap="xs" align="center" wrap>
            <Text>{target.label}</Text>
            <Tag variant={TARGET_KINDS[target.kind].variant}>{TARGET_KINDS[target.kind].label}</Tag>
          </Flex>
          <Text variant="microcopy">{target.name}</Text>
        </Flex>
      ))}
    </Flex>
  );
}
