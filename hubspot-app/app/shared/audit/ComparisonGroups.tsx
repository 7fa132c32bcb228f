import { Flex, Text } from '@hubspot/ui-extensions';
import type { AuditChange, AuditComparison, AuditResult } from '../contracts/audit.ts';
import { ChangeGroup } from './ChangeGroup.tsx';
import { RecordDeltas } from './RecordDeltas.tsx';

type ChangeKey = 'objects' | 'fields' | 'pipelines' | 'users' | 'currencies' | 'notTransferred';
const GROUPS: { key: ChangeKey; title: string }[] = [
  { key: 'objects', title: 'Objects' },
  { key: 'fields', title: 'Fields' },
  { key: 'pipelines', title: 'Pipelines and stages' },
  { key: 'users', title: 'Users' },
  { key: 'currencies', title: 'Currencies' },
  { key: 'notTransferred', title: 'Not transferred' },
];

/** What changed between two audits, grouped; "No changes" when nothing did. */
export function ComparisonGroups({
  comparison,
  objects,
}: {
  comparison: AuditComparison;
  objects: AuditResult['objects'];
}) {
  const groups = GROUPS.filter(({ key }) => comparison[key].length > 0);
  const deltas = [...comparison.records, ...comparison.holdings].filter((record) => record.delta !== 0);
  if (groups.length === 0 && deltas.length === 0) {
    return <Text testId="no-changes">No changes since the previous audit.</Text>;
  }
  const objectLabels = new Map(objects.map((object) => [object.key, object.sourceLabel]));
  const fieldName = (change: AuditChange): string => {
    const objectLabel =
      change.objectKey === null ? undefined : (objectLabels.get(change.objectKey) ?? change.objectKey);
    return objectLabel === undefined ? change.label : `${objectLabel} › ${change.label}`;
  };
  return (
    <Flex direction="column" gap="md">
      {groups.map(({ key, title }) => (
        <ChangeGroup
          key={key}
          groupKey={key}
          title={title}
          changes={comparison[key]}
          nameOf={key === 'fields' ? fieldName : undefined}
        />
      ))}
      {deltas.length > 0 && <RecordDeltas deltas={deltas} />}
    </Flex>
  );
}
