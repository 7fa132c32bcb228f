import {
  type FilterCount,
  type FilterCountRequest,
  type FilterCountResponse,
  RecordFilter,
  type SourceId,
} from '../../../../shared/src/contracts/index.js';
import type { SourceTokens } from '../../auth/source-tokens.service.js';
import { invalid } from '../../domain-errors.js';
import type { CountState, SourceSession } from '../../sources/connector.js';
import type { SourceRegistry } from '../../sources/source-registry.js';
import type { PlannedObject } from '../mapping/mapping-plan.js';
import { readsArchived } from '../sync/sync-plan.js';
import type { SettingsService } from './settings.service.js';
import { toSettingsError } from './source-errors.js';
import { filterProblems } from './validate-settings.js';

/**
 * Pages one call reads per object at most (Pipedrive: 500 records a page, 10 tokens on v2, 20 on v1
 * notes): a count of a larger object stops there and hands back where to resume.
 */
export const MAX_PAGES_PER_COUNT = 20;

const NO_FILTER: RecordFilter = RecordFilter.parse({});

/** Whether an activity row takes records of `type` (its own types; the catch-all row takes unlisted ones). */
function takesType(row: PlannedObject, rows: readonly PlannedObject[], type: string): boolean {
  if (row.sourceTypes === null || row.sourceTypes.includes(type)) return true;
  const listed = rows.some((other) => other.sourceObject === row.sourceObject && other.sourceTypes?.includes(type));
  return row.takesOtherTypes && !listed;
}

async function countRow(
  session: SourceSession & Required<Pick<SourceSession, 'countFiltered'>>,
  row: PlannedObject,
  filter: RecordFilter,
  resume: CountState | undefined,
  includeArchived: boolean,
): Promise<CountState> {
  let state = resume ?? { cursor: null, total: 0, breakdown: {}, done: false };
  let pages = 0;
  for await (const step of session.countFiltered(row.sourceObject, filter, resume, { includeArchived })) {
    state = step;
    pages += 1;
    if (pages >= MAX_PAGES_PER_COUNT) break;
  }
  return state;
}

/**
 * "Count" on the settings page: how many records each object's record filter keeps, read from the
 * source on demand (never stored), bounded per call and resumable, with what it cost at the source.
 */
export function createFilterCounts(deps: {
  settings: Pick<SettingsService, 'basis' | 'current'>;
  sources: Pick<SourceRegistry, 'connector' | 'nameOf'>;
  sourceTokens: Pick<SourceTokens, 'accessToken'>;
}) {
  return {
    async count(portalId: number, source: SourceId, request: FilterCountRequest): Promise<FilterCountResponse> {
      const base = await deps.settings.basis(portalId, source);
      const { settings } = await deps.settings.current(base);
      const filters = request.recordFilters ?? settings.recordFilters;
      const rows = new Map(base.plan.objects.map((row) => [row.key, row]));
      const keys = request.objects ?? Object.keys(filters);
      const problems = [
        ...filterProblems({ plan: base.plan, currencies: base.audit.currencies }, { recordFilters: filters }),
        ...keys
          .filter((key) => !rows.has(key))
          .map((key) => ({ path: `objects.${key}`, message: `There is no object “${key}” in the latest audit.` })),
      ];
      if (problems.length > 0) throw invalid('invalid_filters', 'Some record filters can’t be counted.', problems);
      const { connection } = base;
      const session = deps.sources.connector(connection.source).session({
        apiDomain: connection.apiDomain,
        accessToken: () => deps.sourceTokens.accessToken(connection.id),
      });
      const { countFiltered } = session;
      if (!countFiltered)
        throw invalid('count_unsupported', `${deps.sources.nameOf(source)} records can’t be counted by filter.`);
      const counting = { ...session, countFiltered: countFiltered.bind(session) };
      const counts: FilterCount[] = [];
      try {
        for (const key of keys) {
          const row = rows.get(key) as PlannedObject;
          const filter = filters[key] ?? NO_FILTER;
          const earlier = request.resume?.[key];
          const resume =
            earlier && JSON.stringify(earlier.filter) === JSON.stringify(filter)
              ? { cursor: earlier.cursor, total: earlier.total, breakdown: earlier.breakdown, done: false }
              : undefined;
          const state = await countRow(counting, row, filter, resume, readsArchived(row, base.plan, settings));
          const records = row.sourceTypes
            ? Object.entries(state.breakdown)
                .filter(([type]) => takesType(row, base.plan.objects, type))
                .reduce((sum, [, count]) => sum + count, 0)
            : state.total;
          counts.push({
            objectKey: key,
            label: row.sourceLabel,
            filter,
            records,
            auditedRecords: base.audit.objects.find((object) => object.key === key)?.records ?? 0,
            complete: state.done,
            resume: state.done
              ? null
              : { filter, cursor: state.cursor, total: state.total, breakdown: state.breakdown },
          });
        }
      } catch (error) {
        throw toSettingsError(error, deps.sources.nameOf(source));
      }
      const usage = session.usage();
      return { counts, usage: { requests: usage.requests, tokens: usage.cost } };
    },
  };
}
export type FilterCounts = ReturnType<typeof createFilterCounts>;
