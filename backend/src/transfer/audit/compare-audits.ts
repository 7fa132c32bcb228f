import type {
  AuditChange,
  AuditComparison,
  AuditField,
  AuditPipeline,
  AuditResult,
} from '../../../../shared/src/contracts/index.js';

interface Keyed {
  id: string;
  label: string;
}

/** Added, removed and changed items of two keyed lists; `describe` lists what changed in one item. */
function diff<T extends Keyed>(
  before: readonly T[],
  after: readonly T[],
  describe: (a: T, b: T) => string[],
  objectKey: string | null = null,
): AuditChange[] {
  const previous = new Map(before.map((item) => [item.id, item]));
  const current = new Map(after.map((item) => [item.id, item]));
  const changes: AuditChange[] = [];
  for (const item of after) {
    const old = previous.get(item.id);
    if (!old) changes.push({ change: 'added', id: item.id, label: item.label, objectKey, details: [] });
    else {
      const details = describe(old, item);
      if (details.length > 0) changes.push({ change: 'changed', id: item.id, label: item.label, objectKey, details });
    }
  }
  for (const item of before) {
    if (!current.has(item.id))
      changes.push({ change: 'removed', id: item.id, label: item.label, objectKey, details: [] });
  }
  return changes;
}

const renamed = (what: string, before: string, after: string) =>
  before === after ? [] : [`${what} renamed from "${before}" to "${after}"`];

function fieldChanges(before: AuditField, after: AuditField): string[] {
  const details = renamed('Field', before.label, after.label);
  if (before.sourceType !== after.sourceType)
    details.push(`Type changed from ${before.sourceType} to ${after.sourceType}`);
  if (before.supported !== after.supported)
    details.push(after.supported ? 'Now supported' : `No longer supported: ${after.reason ?? ''}`.trim());
  const options = diff(
    (before.options ?? []).map((option) => ({ id: option.id, label: option.label })),
    (after.options ?? []).map((option) => ({ id: option.id, label: option.label })),
    (a, b) => renamed('Option', a.label, b.label),
  );
  for (const option of options) {
    details.push(
      option.change === 'changed' ? (option.details[0] as string) : `Option "${option.label}" ${option.change}`,
    );
  }
  return details;
}

function pipelineChanges(before: AuditPipeline, after: AuditPipeline): string[] {
  const details = renamed('Pipeline', before.name, after.name);
  const stages = diff(
    before.stages.map((stage) => ({ ...stage, label: stage.name })),
    after.stages.map((stage) => ({ ...stage, label: stage.name })),
    (a, b) => [
      ...renamed('Stage', a.name, b.name),
      ...(a.sourceProbability === b.sourceProbability
        ? []
        : [
            `Stage "${b.name}" probability changed from ${a.sourceProbability ?? 'none'} to ${b.sourceProbability ?? 'none'}`,
          ]),
    ],
  );
  for (const stage of stages)
    details.push(stage.change === 'changed' ? stage.details.join('; ') : `Stage "${stage.label}" ${stage.change}`);
  return details;
}

/** What changed in the source account between two audits: objects, fields, options, pipelines, stages, users, currencies and counts. */
export function compareAudits(
  ids: { auditId: string; previousAuditId: string },
  before: AuditResult,
  after: AuditResult,
): AuditComparison {
  const objectsBefore = before.objects.map((object) => ({ ...object, id: object.key, label: object.sourceLabel }));
  const objectsAfter = after.objects.map((object) => ({ ...object, id: object.key, label: object.sourceLabel }));
  const fieldKeys = new Set([...Object.keys(before.fields), ...Object.keys(after.fields)]);
  const fields = [...fieldKeys].flatMap((objectKey) =>
    diff(
      (before.fields[objectKey] ?? []).map((field) => ({ ...field, id: field.key })),
      (after.fields[objectKey] ?? []).map((field) => ({ ...field, id: field.key })),
      fieldChanges,
      objectKey,
    ),
  );
  const countsBefore = new Map(before.objects.map((object) => [object.key, object.records]));
  const holdingCount = (result: AuditResult) => [
    ...result.holdings.map((holding) => ({
      key: `holding:${holding.key}`,
      label: holding.label,
      records: holding.records ?? 0,
    })),
    ...result.notTransferred.map((item) => ({
      key: `not_transferred:${item.key}`,
      label: item.label,
      records: item.records ?? 0,
    })),
  ];
  const holdingsBefore = new Map(holdingCount(before).map((row) => [row.key, row.records]));
  return {
    ...ids,
    objects: diff(objectsBefore, objectsAfter, (a, b) => renamed('Object', a.sourceLabel, b.sourceLabel)),
    fields,
    pipelines: diff(
      before.pipelines.map((pipeline) => ({ ...pipeline, label: pipeline.name })),
      after.pipelines.map((pipeline) => ({ ...pipeline, label: pipeline.name })),
      pipelineChanges,
    ),
    users: diff(
      before.users.map((user) => ({ ...user, label: user.name })),
      after.users.map((user) => ({ ...user, label: user.name })),
      (a, b) => [
        ...renamed('User', a.name, b.name),
        ...(a.email === b.email ? [] : [`Email changed from ${a.email ?? 'none'} to ${b.email ?? 'none'}`]),
        ...(a.active === b.active ? [] : [b.active ? 'Reactivated' : 'Deactivated']),
      ],
    ),
    currencies: diff(
      before.currencies.map((currency) => ({ ...currency, id: currency.code, label: currency.name })),
      after.currencies.map((currency) => ({ ...currency, id: currency.code, label: currency.name })),
      (a, b) => (a.used === b.used ? [] : [b.used ? 'Now used by deals' : 'No longer used by deals']),
    ),
    records: after.objects
      .map((object) => {
        const previous = countsBefore.get(object.key) ?? 0;
        return {
          key: object.key,
          label: object.sourceLabel,
          before: previous,
          after: object.records,
          delta: object.records - previous,
        };
      })
      .filter((row) => row.delta !== 0),
    holdings: holdingCount(after)
      .map((row) => {
        const previous = holdingsBefore.get(row.key) ?? 0;
        return { key: row.key, label: row.label, before: previous, after: row.records, delta: row.records - previous };
      })
      .filter((row) => row.delta !== 0),
    notTransferred: diff(
      before.notTransferred.map((item) => ({ ...item, id: item.key })),
      after.notTransferred.map((item) => ({ ...item, id: item.key })),
      (a, b) => (a.reason === b.reason ? [] : [`Reason changed to: ${b.reason}`]),
    ),
  };
}
