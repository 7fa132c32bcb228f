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
  };
  pipedrive: {
    clientId: string;
    clientSecret: string;
    oauthBaseUrl: string;
    apiBaseUrl: string;
  };
}
