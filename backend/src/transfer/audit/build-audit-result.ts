import type {
  AuditAccess,
  AuditHolding,
  AuditObject,
  AuditPipeline,
  AuditResult,
  NotTransferredItem,
  PipelineDealCounts,
} from '../../../../shared/src/contracts/index.js';
import type { HubSpotAccountCurrencies } from '../../hubspot/hubspot-api.js';
import type { CountState, SourceAccess, SourceCatalog } from '../../sources/connector.js';
import type { HoldingRule, SourceMappingRules } from '../../sources/mapping-rules.js';
import type { MappingPlan, PlannedObject } from '../mapping/mapping-plan.js';

export interface AuditInputs {
  plan: MappingPlan;
  rules: Pick<SourceMappingRules, 'sourceName' | 'holdings' | 'archivedDeals'>;
  /** Who connected, and the scopes the grant holds. */
  access: SourceAccess & { scopes: readonly string[] };
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
): Pick<AuditObject, 'records' | 'breakdown' | 'unreadable'> {
  if (!count) return { records: 0, breakdown: {}, unreadable: null };
  const unreadable = count.unreadable ?? null;
  if (row.sourceTypes === null) return { records: count.total, breakdown: count.breakdown, unreadable };
  const taken = Object.entries(count.breakdown).filter(
    ([type]) => row.sourceTypes?.includes(type) || (row.takesOtherTypes && !listedTypes.has(type)),
  );
  return { records: sum(taken.map(([, records]) => records)), breakdown: Object.fromEntries(taken), unreadable };
}

/** One pipeline's deals from a deal count's facets (`pipeline_<status>` by pipeline id, `stage_open` by stage id). */
function pipelineCounts(pipeline: AuditPipeline, count: CountState | undefined): PipelineDealCounts | null {
  if (!count || count.unreadable) return null;
  const facet = (name: string) => count.facets?.[name] ?? {};
  const stageOpen = facet('stage_open');
  return {
    open: facet('pipeline_open')[pipeline.id] ?? 0,
    won: facet('pipeline_won')[pipeline.id] ?? 0,
    lost: facet('pipeline_lost')[pipeline.id] ?? 0,
    openByStage: Object.fromEntries(pipeline.stages.map((stage) => [stage.id, stageOpen[stage.id] ?? 0])),
  };
}

/** A holding's count from its sources: exact only when every source counted every record. */
function holdingOf(rule: HoldingRule, counts: Record<string, CountState>): AuditHolding {
  const states = rule.from.map((source) => ({ source, state: counts[source.count] }));
  const base = {
    key: rule.key,
    label: rule.label,
    becomes: rule.becomes,
    breakdown: {},
    bytes: null,
    underObject: rule.under ?? null,
  };
  const refused = states.find(({ state }) => state === undefined || state.unreadable || state.skipped);
  if (refused) {
    const why = refused.state?.unreadable ?? refused.state?.skipped ?? 'Not counted.';
    return {
      ...base,
      records: null,
      count: refused.state?.unreadable ? 'unreadable' : 'not_counted',
      note: `${rule.note} ${why}`,
    };
  }
  const value = ({ source, state }: (typeof states)[number]) =>
    source.facet ? (state?.facets?.[source.facet.name]?.[source.facet.key] ?? 0) : (state?.total ?? 0);
  const partial = states.some(({ state }) => state?.partial);
  const single = states.length === 1 && !states[0]?.source.facet ? states[0]?.state : undefined;
  const bytes = rule.bytes ? (states[0]?.state?.facets?.[rule.bytes.name]?.[rule.bytes.key] ?? 0) : null;
  return {
    ...base,
    records: sum(states.map(value)),
    breakdown: single?.breakdown ?? {},
    bytes,
    count: partial ? 'at_least' : 'exact',
    note: partial
      ? `${rule.note} Counting stopped early to save API tokens: there are at least this many; the transfer reads them all.`
      : rule.note,
  };
}

/** The warnings at the top of the audit: records the connecting user cannot see, scopes the grant lacks, lists refused. */
function accessOf(
  inputs: AuditInputs,
  objects: readonly AuditObject[],
  holdings: readonly AuditHolding[],
): AuditAccess {
  const { access, rules } = inputs;
  const source = rules.sourceName;
  const warnings: string[] = [];
  if (!access.admin) {
    warnings.push(
      `You connected ${source} as ${access.userName || 'a user'}, who is not an admin. ${source} only shows a user the records they may see, so records hidden from this user are missing from these counts and would not be transferred. Connect as an admin to include everything.`,
    );
  }
  for (const missing of access.missingScopes) {
    warnings.push(
      `The connection was not granted the “${missing.scope}” scope, needed for ${missing.neededFor}: what it reads is not counted here and would not be transferred. Connect again and grant it.`,
    );
  }
  const refused = [
    ...objects.filter((object) => object.unreadable).map((object) => object.sourceLabel),
    ...holdings.filter((holding) => holding.count === 'unreadable').map((holding) => holding.label),
  ];
  const catalogRefused = inputs.catalog.unreadable ?? [];
  if (catalogRefused.length > 0) {
    warnings.push(
      `${source} refused to describe ${catalogRefused.join(', ')} for this connection (a missing scope): what they hold cannot be mapped.`,
    );
  }
  if (refused.length > 0) {
    warnings.push(
      `${source} refused to list ${[...new Set(refused)].join(', ')} for this connection (a missing scope): their counts are unknown, not zero.`,
    );
  }
  return {
    userName: access.userName,
    admin: access.admin,
    scopes: [...access.scopes],
    missingScopes: access.missingScopes,
    warnings,
    action: warnings.length > 0 ? 'connect_as_admin' : null,
  };
}

/**
 * Everything that will not arrive in HubSpot: catalog objects no row takes, holdings that become nothing
 * (or were not counted), and archived deals when the plan leaves them out. Empty only when nothing is left.
 */
function notTransferredOf(plan: MappingPlan, rules: AuditInputs['rules'], holdings: readonly AuditHolding[]) {
  const left: NotTransferredItem[] = [...plan.notTransferred];
  for (const holding of holdings) {
    const excluded = holding.key === rules.archivedDeals && !plan.includeArchivedDeals;
    if (holding.becomes !== null && !excluded && holding.count !== 'unreadable') continue;
    if (holding.records === 0 && holding.count === 'exact') continue;
    left.push({
      key: holding.key,
      label: holding.label,
      records: holding.records,
      reason: excluded
        ? `“Include archived deals” is off, so archived deals stay in ${rules.sourceName}.`
        : holding.count === 'unreadable'
          ? `${rules.sourceName} refused to list them for this connection (a missing scope). Connect as an admin and grant every scope asked for.`
          : holding.note,
    });
  }
  return left;
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
  const deals = inputs.counts.deals;
  const archived = inputs.rules.archivedDeals === undefined ? undefined : inputs.counts[inputs.rules.archivedDeals];
  const holdings = inputs.rules.holdings.map((rule) => holdingOf(rule, inputs.counts));
  return {
    source: plan.source,
    account: { ...inputs.catalog.account, dateFormat: dateFormatOf(inputs.catalog.account.locale) },
    objects,
    fields: plan.fields,
    pipelines: plan.pipelines.map((pipeline) => {
      const dealCounts = pipelineCounts(pipeline, deals);
      return {
        ...pipeline,
        deals: dealCounts === null ? null : dealCounts.open + dealCounts.won + dealCounts.lost,
        dealCounts,
        archivedDealCounts: pipelineCounts(pipeline, archived),
      };
    }),
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
    holdings,
    includeArchivedDeals: plan.includeArchivedDeals,
    notTransferred: notTransferredOf(plan, inputs.rules, holdings),
    access: accessOf(inputs, objects, holdings),
    usage: inputs.usage,
  };
}
