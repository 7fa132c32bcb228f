import type { Logger } from 'pino';
import type { z } from 'zod';
import type { Clock } from '../clock.js';
import type { Sleep } from '../sleep.js';
import type { SourceConnector } from './connector.js';
import type { SourceMappingRules } from './mapping-rules.js';
import type { RecordShape } from './record-shape.js';

/**
 * One source app as the rest of the backend sees it: a folder sources/<id>/ whose index.ts exports one
 * of these, registered by one line in sources/index.ts. Generic code (auth, transfer, http) speaks only
 * of this interface, never of a source by name.
 */

/** How a source account is connected. */
export type SourceAuth =
  /** OAuth 2 authorization code; `tokensExpire`: access tokens expire and are refreshed with the refresh token. */
  | { kind: 'oauth2'; tokensExpire: boolean }
  /** A key the user pastes; it does not expire. */
  | { kind: 'api_key' };

export interface SourceDeps {
  logger: Logger;
  clock: Clock;
  sleep: Sleep;
}

/** Turns one raw source value (by the source's field type) into what a HubSpot property of the mapped type takes. */
export type ValueConverter = (value: unknown) => string | null;

/** The part of a source every listing shows: the UI's list of apps is made of these. */
export interface SourceListing {
  /** Lowercase letters, digits and underscores; in URLs (/oauth/<id>/…) and stored with each connection. */
  id: string;
  name: string;
  description: string;
  availability: 'available' | 'coming_soon';
}

export interface SourceModule<Config = unknown> extends SourceListing {
  availability: 'available';
  auth: SourceAuth;
  /**
   * The source's own environment variables, parsed into its config (a bad value fails start-up with a
   * message naming the variable); `requiredInProduction` lists the ones NODE_ENV=production must set.
   */
  config: { schema: z.ZodType<Config>; requiredInProduction: readonly string[] };
  // Method syntax on purpose: a list of modules with different configs must type-check as one list.
  createConnector(config: Config, deps: SourceDeps): SourceConnector;
  /**
   * The API hosts a token response may name for the account (Pipedrive's `api_domain`), as origins or
   * `https://*.domain`; a source whose tokens never name a host leaves this out.
   */
  trustedApiDomains?(config: Config): readonly string[];
  mappingRules: SourceMappingRules;
  /** By the source's field type; types without one pass their value through as text. */
  valueConverters: Readonly<Record<string, ValueConverter>>;
  /** Where its records keep owner, times, stage, status, close time, activity due time… (record-shape.ts). */
  recordShape: RecordShape;
}

/** An app announced in the list of apps before its module exists. */
export interface AnnouncedSource extends SourceListing {
  availability: 'coming_soon';
}

export type SourceEntry = SourceModule | AnnouncedSource;

export const isAvailable = (entry: SourceEntry): entry is SourceModule => entry.availability === 'available';
