import type { AuditObject, AuditResult, SourceId } from '../../../../shared/src/contracts/index.js';
import type { HubSpotAccountCurrencies, HubSpotOwner } from '../../hubspot/hubspot-api.js';
import type { CountState, SourceCatalog } from '../../sources/connector.js';
import type { SourceMappingRules } from '../../sources/mapping.js';
import { type MappedObject, mapCatalog } from './map-catalog.js';

export interface AuditInputs {
  source: SourceId;
  rules: SourceMappingRules;
  catalog: SourceCatalog;
  /** Per catalog object; activities carry a breakdown by type, deals by status and a currency facet. */
  counts: Record<string, CountState>;
  owners: HubSpotOwner[];
  currencies: HubSpotAccountCurrencies;
  usage: { requests: number; tokens: number };
}

const sum = (values: Iterable<number>) => [...values].reduce((total, value) => total + value, 0);

/** A row's records: the whole object, or (activities) the types the row takes, plus unlisted types if it takes those. */
function rowCount(row: MappedObject, count: CountState | undefined, listedTypes: ReadonlySet<string>): Pick<AuditObject, 'records' | 'breakdown'> {
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
    return new Intl.DateTimeFormat(locale.replace('_', '-'), { year: 'numeric', month: '2-digit', day: '2-digit', timeZone: 'UTC' })
      .formatToParts(sample)
      .map((part) => ({ year: 'YYYY', month: 'MM', day: 'DD', literal: part.value })[part.type as 'year' | 'month' | 'day' | 'literal'] ?? part.value)
      .join('');
  } catch {
    return null;
  }
}

/** The audit result: the mapping of the catalog with its counts, users matched to owners, currencies compared. */
export function buildAuditResult(inputs: AuditInputs): AuditResult {
  const mapped = mapCatalog(inputs.rules, inputs.catalog);
  const listedTypes = new Set(inputs.catalog.activityTypes.map((type) => type.key));
  const objects: AuditObject[] = mapped.objects.map((row) => {
    const { sourceObject, sourceTypes: _types, takesOtherTypes: _other, propertyGroup: _group, ...visible } = row;
    return { ...visible, ...rowCount(row, inputs.counts[sourceObject], listedTypes) };
  });
  const activityCounts = inputs.counts[inputs.rules.activities.source]?.breakdown ?? {};
  const ownersByEmail = new Map(inputs.owners.filter((owner) => owner.email).map((owner) => [owner.email?.toLowerCase(), owner]));
  const inHubSpot = new Set([inputs.currencies.companyCurrency, ...inputs.currencies.additionalCurrencies].filter((code) => code !== null));
  const dealCurrencies = inputs.counts.deals?.facets?.currency ?? {};
  const usedCurrencies = new Set(Object.keys(dealCurrencies).filter((code) => (dealCurrencies[code] ?? 0) > 0));
  return {
    source: inputs.source,
    account: { ...inputs.catalog.account, dateFormat: dateFormatOf(inputs.catalog.account.locale) },
    objects,
    fields: mapped.fields,
    pipelines: mapped.pipelines,
    users: inputs.catalog.users.map((user) => {
      const owner = user.email ? ownersByEmail.get(user.email.toLowerCase()) : undefined;
      const ownerName = [owner?.firstName, owner?.lastName].filter(Boolean).join(' ');
      return { ...user, hubspotOwnerId: owner?.id ?? null, hubspotOwnerName: ownerName || null };
    }),
    currencies: inputs.catalog.currencies
      .filter((currency) => currency.active || usedCurrencies.has(currency.code))
      .map((currency) => ({ code: currency.code, name: currency.name, used: usedCurrencies.has(currency.code), inHubSpot: inHubSpot.has(currency.code) })),
    activityTypes: mapped.activityTypes.map((type) => ({ ...type, records: activityCounts[type.key] ?? 0 })),
    notTransferred: mapped.notTransferred,
    usage: inputs.usage,
  };
}
