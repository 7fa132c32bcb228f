/**
 * Which connector serves which source. Only Pipedrive is implemented; asking for another source is a
 * programmer error (the UI offers them as "coming soon" from sources/catalog.ts).
 */
import type { Logger } from 'pino';
import type { SourceId } from '../../../shared/src/contracts/index.js';
import { type Clock, systemClock } from '../clock.js';
import type { AppConfig } from '../config/config.js';
import { createLogger } from '../logger.js';
import type { SourceConnector } from './connector.js';
import { createPipedriveConnector } from './pipedrive/pipedrive.connector.js';
import { realSleep, type Sleep } from '../sleep.js';

export interface SourceDeps {
  logger: Logger;
  clock: Clock;
  sleep: Sleep;
}

export function sourceConnectors(config: Pick<AppConfig, 'pipedrive'>, deps: SourceDeps): Record<SourceId, SourceConnector | undefined> {
  return {
    pipedrive: createPipedriveConnector({ config: config.pipedrive, ...deps }),
    zoho: undefined,
    salesforce: undefined,
    activecampaign: undefined,
  };
}

export function createSourceRegistry(
  config: Pick<AppConfig, 'pipedrive'>,
  deps: SourceDeps = { logger: createLogger('info'), clock: systemClock, sleep: realSleep },
): (source: SourceId) => SourceConnector {
  const connectors = sourceConnectors(config, deps);
  return (source) => {
    const connector = connectors[source];
    if (!connector) throw new Error(`No connector for source "${source}" yet`);
    return connector;
  };
}
