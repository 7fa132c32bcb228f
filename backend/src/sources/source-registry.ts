import { SourceId } from '../../../shared/src/contracts/index.js';
import type { SourceConnector } from './connector.js';
import {
  isAvailable,
  type SourceDeps,
  type SourceEntry,
  type SourceListing,
  type SourceModule,
} from './source-module.js';

/**
 * The sources this process serves: the list of apps, and each available source's module and connector
 * (built once from its config). Made from sources/index.ts's list at composition; tests add their own.
 */
export function createSourceRegistry(
  entries: readonly SourceEntry[],
  configs: Readonly<Record<string, unknown>>,
  deps: SourceDeps,
) {
  const connectors = new Map<string, SourceConnector>(
    entries.filter(isAvailable).map((source) => {
      if (!Object.hasOwn(configs, source.id)) throw new Error(`No configuration for source "${source.id}"`);
      return [source.id, source.createConnector(configs[source.id], deps)];
    }),
  );
  const find = (id: string): SourceEntry | undefined => entries.find((entry) => entry.id === id);
  const available = (id: string): SourceModule => {
    const entry = find(id);
    // Callers check availability first (connect tickets refuse announced apps): anything else is a bug.
    if (!entry || !isAvailable(entry)) throw new Error(`Source "${id}" is not available`);
    return entry;
  };
  return {
    /** The list of apps, in display order. */
    apps: (): SourceListing[] =>
      entries.map(({ id, name, description, availability }) => ({ id, name, description, availability })),
    find,
    /** The name users know a source by, or its id when it is not listed. */
    nameOf: (id: string): string => find(id)?.name ?? id,
    module: available,
    connector: (id: string): SourceConnector => {
      const connector = connectors.get(id);
      if (!connector) throw new Error(`Source "${id}" is not available`);
      return connector;
    },
    /** The API hosts a token of this source may name (see SourceModule.trustedApiDomains). */
    trustedApiDomains: (id: string): readonly string[] => {
      const entry = find(id);
      return entry && isAvailable(entry) ? (entry.trustedApiDomains?.(configs[id]) ?? []) : [];
    },
    /** A source id in a request: well-formed and listed (an unknown app is bad input, not "not connected"). */
    idSchema: SourceId.refine((id) => find(id) !== undefined, 'is not a source app Smart Transfer knows'),
  };
}
export type SourceRegistry = ReturnType<typeof createSourceRegistry>;
