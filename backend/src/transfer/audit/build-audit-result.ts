import type { AuditObject, AuditResult } from '../../../../shared/src/contracts/index.js';
import type { HubSpotAccountCurrencies } from '../../hubspot/hubspot-api.js';
import type { CountState, SourceCatalog } from '../../sources/connector.js';
import type { MappingPlan, PlannedObject } from '../mapping/mapping-plan.js';

export interface AuditInputs {
  plan: MappingPlan;
  catalog: SourceCatalog;
  /** Per catalog object; objects split by type carry a breakdown by type, and a `currency` facet says which currencies records use. */
  counts: Record<string, CountState>;
  currencies: HubSpotAccountCurrencies;
  usage: { requests: number; tokens: number };
}

const sum = (values: Iterable<number>) => [...values].reduce((total, value) => total + value, 0);

/** A row's records: the whole object, or (activities) the types the row takes, plus unlisted types if it takes those. */
function rowCount(
  row: PlannedObject,
  count: CountState | undefined,
  listedTypes: ReadonlySet<string>,
): Pick<AuditObject, 'records' | 'breakdown'> {
  if (!count) return { records: 0, breakdown: {} };
  if (row.sourceTypes === null) return { records: count.total, breakdown: count.breakdown };
  const taken = Object.entries(count.breakdown).filter(
    ([type]) => row.sourceTypes?.includes(type) || (row.takesOtherTypes && !listedTypes.has(type)),
  );
  return { records: sum(taken.map(([, records]) => records)), breakdown: Object.fromEntries(taken) };
}

/** Derives the date format users of a locale see, e.g. en_US → MM/DD/YYYY. */
export function dateFormatOf(locale: string | null): string | null {
  if (!locale) return null;
  const sample = new Date(Date.UTC(2033, 10, 22));
  try {
    return new Intl.DateTimeFormat(locale.replace('_', '-'), {
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      timeZone: 'UTC',
    })
      .formatToParts(sample)
      .map(
        (part) =>
          ({ year: 'YYYY', month: 'MM', day: 'DD', literal: part.value })[
            part.type as 'year' | 'month' | 'day' | 'literal'
          ] ?? part.value,
      )
      .join('');
  } catch {
    return null;
  }
}

/** The currencies records use, from every object's `currency` facet. */
function usedCurrencies(counts: Record<string, CountState>): Set<string> {
  const used = new Set<string>();
  for (const count of Object.values(counts)) {
    for (const [code, records] of Object.entries(count.facets?.currency ?? {})) if (records > 0) used.add(code);
  }
  return used;
}

/** The audit result: the mapping plan with its counts, and the currencies compared. */
export function buildAuditResult(inputs: AuditInputs): AuditResult {
  const { plan } = inputs;
  const listedTypes = new Set(inputs.catalog.activityTypes.map((type) => type.key));
  const objects: AuditObject[] = plan.objects.map((row) => {
    const { sourceObject, sourceTypes: _types, takesOtherTypes: _other, propertyGroup: _group, ...visible } = row;
    return { ...visible, ...rowCount(row, inputs.counts[sourceObject], listedTypes) };
  });
  // The object split by type (activities) is the one whose rows take some of its types.
  const typedObject = plan.objects.find((row) => row.sourceTypes !== null)?.sourceObject;
  const typeCounts = (typedObject === undefined ? undefined : inputs.counts[typedObject]?.breakdown) ?? {};
  const inHubSpot = new Set(
    [inputs.currencies.companyCurrency, ...inputs.currencies.additionalCurrencies].filter((code) => code !== null),
  );
  const used = usedCurrencies(inputs.counts);
  return {
    source: plan.source,
    account: { ...inputs.catalog.account, dateFormat: dateFormatOf(inputs.catalog.account.locale) },
    objects,
    fields: plan.fields,
    pipelines: plan.pipelines,
    users: plan.owners,
    currencies: inputs.catalog.currencies
      .filter((currency) => currency.active || used.has(currency.code))
      .map((currency) => ({
        code: currency.code,
        name: currency.name,
        used: used.has(currency.code),
        inHubSpot: inHubSpot.has(currency.code),
      })),
    activityTypes: plan.activityTypes.map((type) => ({ ...type, records: typeCounts[type.key] ?? 0 })),
    notTransferred: plan.notTransferred,
    usage: inputs.usage,
  };
}
