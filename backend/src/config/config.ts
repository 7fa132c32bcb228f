import type { PortalTierSetting } from '../hubspot/portal-limits.js';

/** The resolved configuration the composition root hands to every factory (no module singletons). */
export interface AppConfig {
  publicApiOrigin: string;
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
  pipedrive: {
    clientId: string;
    clientSecret: string;
    oauthBaseUrl: string;
    apiBaseUrl: string;
  };
}
