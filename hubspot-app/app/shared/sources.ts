import type { SourceApp } from './contracts/sources.ts';

/** The source app this portal has a working connection to, if any: the one to audit. */
export function connectedSource(sources: readonly SourceApp[]): SourceApp | undefined {
  return sources.find((source) => source.availability === 'available' && source.connectionStatus === 'connected');
}
