import type { PortalTierSetting } from '../hubspot/portal-limits.js';

/** The resolved configuration the composition root hands to every factory (no module singletons). */
export interface AppConfig {
  publicApiOrigin: string;
  /** Proxy hops whose X-Forwarded-For is trusted for the client address (0: none, the default). */
  trustProxy?: number;
  tokenEncryptionKey: Buffer;
  hubspot: {
    clientId: string;
    clientSecret: string;
    appId?: number;
    appBaseUrl: string;
    apiBaseUrl: string;
    requestsPer10s: number;
    /** The tier the shared limiter assumes for a portal whose settings say none (default: the lowest). */
    tier?: PortalTierSetting;
  };
  /** Each available source's own config, by source id, parsed by its module's config schema (sources/<id>/). */
  sources: Readonly<Record<string, unknown>>;
}
