import type { SourceId } from '../../../shared/src/contracts/index.js';

/**
 * What every source (Pipedrive now; Zoho CRM, Salesforce, ActiveCampaign next) provides to the transfer
 * engine. transfer/ only ever sees these types, so a new source is a new folder under sources/.
 */

/** A field of a source object as the source defines it. `type` is the source's own type name. */
export interface SourceField {
  key: string;
  label: string;
  type: string;
  isCustom: boolean;
  /** For option fields: the options with their source ids; null otherwise. */
  options: SourceFieldOption[] | null;
  /** Parts of compound fields (monetary currency, address parts, range end), when the source has them. */
  subfields: { key: string; label: string; type: string }[] | null;
  mandatory: boolean;
}

export interface SourceFieldOption {
  id: string;
  label: string;
}

/** An object type of the source account, e.g. Pipedrive's persons. */
export interface SourceObjectType {
  key: string;
  label: string;
  fields: SourceField[];
}

export interface SourceStage {
  id: string;
  name: string;
  order: number;
  /** Win probability in percent (0–100), or null when the source does not track it. */
  probability: number | null;
}

export interface SourcePipeline {
  id: string;
  name: string;
  order: number;
  stages: SourceStage[];
}

export interface SourceUser {
  id: string;
  name: string;
  email: string | null;
  active: boolean;
}

export interface SourceCurrency {
  code: string;
  name: string;
  active: boolean;
  custom: boolean;
}

/** Kinds of activity the source knows, e.g. call, meeting, lunch, deadline, or a custom one. */
export interface SourceActivityType {
  key: string;
  name: string;
  active: boolean;
  custom: boolean;
}

export interface SourceAccountSettings {
  accountId: string;
  accountName: string | null;
  defaultCurrency: string | null;
  locale: string | null;
  timeZone: string | null;
}

export interface SourceCatalog {
  objects: SourceObjectType[];
  pipelines: SourcePipeline[];
  users: SourceUser[];
  currencies: SourceCurrency[];
  activityTypes: SourceActivityType[];
  account: SourceAccountSettings;
  /** Parts the source refused to describe (e.g. "deals fields", "pipelines") for want of a scope. */
  unreadable?: string[];
}

/** A record as read from the source: its id, last update and raw values keyed by field key. */
export interface SourceRecord {
  id: string;
  updatedAt: string | null;
  values: Record<string, unknown>;
}

export interface RecordPage {
  records: SourceRecord[];
  /** Resume here to read the next page; null after the last page. */
  cursor: string | null;
}

export interface ReadOptions {
  /** Continue from a saved cursor (null/undefined: from the start). */
  cursor?: string | null;
  /** Only records updated at or after this time (ISO 8601). */
  since?: string;
  /** Also the archived records the source keeps out of its list (Pipedrive's archived deals), after the others. */
  includeArchived?: boolean;
}

/**
 * Counting one object type, resumable: each step carries the cursor to continue from. `breakdown`
 * splits the total (e.g. deals by status, activities by type).
 */
export interface CountState {
  cursor: string | null;
  total: number;
  breakdown: Record<string, number>;
  /** Other splits of the same records, e.g. deals by currency (`{ currency: { EUR: 3 } }`). */
  facets?: Record<string, Record<string, number>>;
  done: boolean;
  /** The source refused the list (e.g. a scope the grant lacks): why. The total is then unknown, not zero. */
  unreadable?: string;
  /** The count stopped early to keep its cost down: the total is a lower bound. */
  partial?: boolean;
  /** Not counted at all, and why (e.g. what counting would cost). */
  skipped?: string;
}

/** Who connected the source account and what they may see. */
export interface SourceAccess {
  userName: string;
  /** Admins see every record; others only what the source's visibility rules show them. */
  admin: boolean;
  /** Scopes the transfer needs that the grant lacks, each with what it would read. */
  missingScopes: { scope: string; neededFor: string }[];
}

/** Which records of one object a filtered count keeps; every criterion set must hold (dates: YYYY-MM-DD, UTC). */
export interface SourceRecordFilter {
  sourceFilterId: string | null;
  ownerId: string | null;
  pipelineId: string | null;
  createdAfter: string | null;
  updatedAfter: string | null;
}

/** What the source charges us so far on this connection's session (for Pipedrive: requests and API tokens). */
export interface SourceUsage {
  requests: number;
  cost: number;
}

export interface SourceGrant {
  accessToken: string;
  refreshToken: string;
  expiresInSeconds: number;
  scopes: string[];
  /** The account's own API host, when the source gives one (Pipedrive's api_domain). */
  apiDomain: string | null;
}

/** The source refused our token (revoked, uninstalled): the user must reconnect. */
export class SourceAuthError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SourceAuthError';
  }
}

/** A limit was hit; `retryAfterMs` says when trying again makes sense. */
export class SourceRateLimitError extends Error {
  constructor(
    readonly limit: 'burst' | 'daily',
    readonly retryAfterMs: number,
    message: string,
  ) {
    super(message);
    this.name = 'SourceRateLimitError';
  }
}

/** The source failed or could not be reached (5xx, reset, timeout) after the client's own retries. */
export class SourceUnavailableError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SourceUnavailableError';
  }
}

/**
 * The source refused a request for a reason retrying cannot fix (bad parameters, missing scope, a feature
 * the account lacks): a bug on our side or a plan limit, never solved by waiting.
 */
export class SourceRequestError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
    this.name = 'SourceRequestError';
  }
}

/** Hands out a valid access token for the connection, refreshing it when needed. */
export type AccessTokenProvider = () => Promise<string>;

/** The API of one connected source account. */
export interface SourceSession {
  /** The account behind the grant (cheap: used right after connecting to name the connection). */
  account(): Promise<SourceAccountSettings>;
  /** The connecting user's access (admin or not) and which needed scopes `grantedScopes` lacks. */
  access(grantedScopes: readonly string[]): Promise<SourceAccess>;
  catalog(): Promise<SourceCatalog>;
  /**
   * What the audit counts: the transferred object types, then whatever else the account holds (archived
   * records, files, leads…); each is counted as cheaply as the source allows.
   */
  countableObjects(): readonly string[];
  /** Yields the running count after each page; the last state has `done: true`. */
  count(objectKey: string, resumeFrom?: CountState): AsyncGenerator<CountState>;
  read(objectKey: string, options?: ReadOptions): AsyncGenerator<RecordPage>;
  /** One record by its source id, as `read` yields it; null when the source has no such record. */
  readOne(objectKey: string, sourceId: string): Promise<SourceRecord | null>;
  /** Counts the records a filter keeps, resumable like `count` (`total`: records kept so far); absent: the source cannot. */
  countFiltered?(objectKey: string, filter: SourceRecordFilter, resumeFrom?: CountState): AsyncGenerator<CountState>;
  usage(): SourceUsage;
}

export interface SourceConnector {
  id: SourceId;
  authorizeUrl(input: { state: string; redirectUri: string }): string;
  exchangeCode(input: { code: string; redirectUri: string }): Promise<SourceGrant>;
  refresh(refreshToken: string): Promise<SourceGrant>;
  /** A session on the account behind a grant; `apiDomain` is the grant's own host when it has one. */
  session(input: { apiDomain: string | null; accessToken: AccessTokenProvider }): SourceSession;
}
