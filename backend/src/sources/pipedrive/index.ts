/** Pipedrive as a source module: what the rest of the backend knows of Pipedrive, in one place. */
import type { SourceModule } from '../source-module.js';
import { PIPEDRIVE_RULES } from './mapping-rules.js';
import { createPipedriveConnector } from './pipedrive.connector.js';
import { type PipedriveConfig, PipedriveConfigSchema } from './pipedrive-config.js';
import { PIPEDRIVE_RECORD_SHAPE } from './record-shape.js';
import { PIPEDRIVE_VALUE_CONVERTERS } from './value-converters.js';

export const pipedrive: SourceModule<PipedriveConfig> = {
  id: 'pipedrive',
  name: 'Pipedrive',
  description: 'Persons, organizations, deals, products, activities, notes, pipelines, users and currencies.',
  availability: 'available',
  // Pipedrive's access tokens live an hour; the refresh token renews them.
  auth: { kind: 'oauth2', tokensExpire: true },
  config: { schema: PipedriveConfigSchema, requiredInProduction: ['PIPEDRIVE_CLIENT_ID', 'PIPEDRIVE_CLIENT_SECRET'] },
  createConnector: (config, deps) => createPipedriveConnector({ config, ...deps }),
  // Each account's API lives on its own pipedrive.com subdomain, named by the token response's api_domain.
  trustedApiDomains: (config) => [new URL(config.apiBaseUrl).origin, ...config.allowedApiDomains],
  mappingRules: PIPEDRIVE_RULES,
  valueConverters: PIPEDRIVE_VALUE_CONVERTERS,
  recordShape: PIPEDRIVE_RECORD_SHAPE,
};
