import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';

const APP_HSMETA = fileURLToPath(new URL('../../../hubspot-app/app/app-hsmeta.json', import.meta.url));

const AppHsMeta = z.object({
  config: z.object({
    auth: z.object({
      requiredScopes: z.array(z.string()),
      optionalScopes: z.array(z.string()).default([]),
    }),
    permittedUrls: z.object({ fetch: z.array(z.string()) }),
  }),
});

export interface AppManifest {
  requiredScopes: string[];
  optionalScopes: string[];
  permittedFetchOrigins: string[];
}

/** The scopes the install URL asks for come from app-hsmeta.json, the one place HubSpot also reads them. */
export function readAppManifest(path = APP_HSMETA): AppManifest {
  const meta = AppHsMeta.parse(JSON.parse(readFileSync(path, 'utf8')));
  return {
    requiredScopes: meta.config.auth.requiredScopes,
    optionalScopes: meta.config.auth.optionalScopes,
    permittedFetchOrigins: meta.config.permittedUrls.fetch,
  };
}
