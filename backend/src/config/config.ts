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
  };
  pipedrive: {
    clientId: string;
    clientSecret: string;
    oauthBaseUrl: string;
    apiBaseUrl: string;
    /**
     * API hosts a token's `api_domain` may name, besides `apiBaseUrl`: exact origins or `https://*.domain`
     * (default `https://*.pipedrive.com`).
     */
    allowedApiDomains?: string[];
  };
}
