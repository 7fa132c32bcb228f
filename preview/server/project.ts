/**
 * What the preview reads from the HubSpot project, the same files HubSpot reads: the fetch origins
 * the app may call (app-hsmeta.json permittedUrls.fetch), its name, and the entry file of each page
 * (settings-hsmeta.json, pages-hsmeta.json), resolved against hsproject.json's srcDir.
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import type { PreviewLocation } from '../shared/protocol.ts';

/** The repository root (this file is preview/server/project.ts). */
export const REPO_ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

const HsProject = z.object({ srcDir: z.string() });
const AppMeta = z.object({
  config: z.object({
    name: z.string(),
    permittedUrls: z.object({ fetch: z.array(z.string()) }),
  }),
});
const EntryMeta = z.object({ config: z.object({ entrypoint: z.string() }) });

const readJson = (path: string): unknown => JSON.parse(readFileSync(path, 'utf8'));

export interface HubSpotProject {
  appName: string;
  /** Origins `hubspot.fetch` may call, normalised (`https://api.example`). */
  permittedFetchOrigins: string[];
  /** Absolute path of the entry file of each page the preview serves. */
  entrypoints: Record<PreviewLocation, string>;
}

/** The HubSpot component folder of each preview location, inside srcDir/app. */
const COMPONENT_META: Record<PreviewLocation, string> = {
  settings: 'settings/settings-hsmeta.json',
  home: 'pages/pages-hsmeta.json',
};

export function readHubSpotProject(root = REPO_ROOT): HubSpotProject {
  const { srcDir } = HsProject.parse(readJson(join(root, 'hsproject.json')));
  const src = join(root, srcDir);
  const app = AppMeta.parse(readJson(join(src, 'app', 'app-hsmeta.json')));
  const entry = (location: PreviewLocation) => {
    const meta = EntryMeta.parse(readJson(join(src, 'app', COMPONENT_META[location])));
    return join(src, meta.config.entrypoint.replace(/^\//, ''));
  };
  return {
    appName: app.config.name,
    permittedFetchOrigins: app.config.permittedUrls.fetch.map((url) => new URL(url).origin),
    entrypoints: { settings: entry('settings'), home: entry('home') },
  };
}
