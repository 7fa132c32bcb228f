import { Statistics, StatisticsItem } from '@hubspot/ui-extensions';
import type { AuditResult } from '../contracts/audit.ts';
import { formatCount } from '../format.ts';

const sum = (values: number[]): number => values.reduce((total, value) => total + value, 0);

/** The audit in four numbers: records, objects, supported fields, and what it cost in source API tokens. */
export function AuditHeadline({ result, sourceName }: { result: AuditResult; sourceName: string }) {
  const records = sum(result.objects.map((object) => object.records));
  const supported = sum(result.objects.map((object) => object.supportedProperties));
  const properties = sum(result.objects.map((object) => object.properties));
  return (
    <Statistics testId="audit-headline">
      <StatisticsItem label="Records" number={formatCount(records)} />
      <StatisticsItem label="Objects" number={formatCount(result.objects.length)} />
      <StatisticsItem label="Supported fields" number={`${formatCount(supported)} of ${formatCount(properties)}`} />
      <StatisticsItem label={`${sourceName} API tokens spent`} number={formatCount(result.usage.tokens)} />
    </Statistics>
  );
}
