import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Components } from '@hubspot/project-parsing-lib/constants';
import { getProjectMetadata, isKnownPlatformVersion, parseProjectConfig } from '@hubspot/project-parsing-lib/projects';
import { translate } from '@hubspot/project-parsing-lib/translate';
import { validateUid } from '@hubspot/project-parsing-lib/uid';
import { describe, expect, it } from '@jest/globals';
import { z } from 'zod';
import { API_ORIGIN } from '../../hubspot-app/app/shared/config.ts';

/**
 * The HubSpot project as HubSpot's own parser reads it (offline: `skipValidation`, because schema
 * validation downloads the schemas from HubSpot), plus the *-hsmeta.json rules of
 * docs/notes/hubspot-platform.md (Project layout) that the server-side schemas would otherwise check.
 */
const REPO = fileURLToPath(new URL('../..', import.meta.url));
const SRC = join(REPO, 'hubspot-app');
const PLATFORM_VERSION = '2026.03';

const readJson = (path: string): unknown => JSON.parse(readFileSync(path, 'utf8'));

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    if (entry.name === 'node_modules') return [];
    const path = join(dir, entry.name);
    return entry.isDirectory() ? filesUnder(path) : [path];
  });
}

const HsMeta = z.object({ uid: z.string(), type: z.string(), config: z.record(z.string(), z.unknown()) }).strict();
const hsMetaFiles = filesUnder(SRC).filter((path) => path.endsWith('-hsmeta.json'));
const metas = hsMetaFiles.map((path) => ({ path: relative(SRC, path), meta: HsMeta.parse(readJson(path)) }));

const isLocalhost = (url: URL) => ['localhost', '127.0.0.1', '[::1]'].includes(url.hostname);
const AppMeta = z.object({
  uid: z.string(),
  type: z.literal('app'),
  config: z.object({
    name: z.string().min(1),
    description: z.string().min(1),
    distribution: z.enum(['marketplace', 'private']),
    auth: z.object({
      type: z.enum(['oauth', 'static']),
      redirectUrls: z.array(z.string().url()),
      requiredScopes: z.array(z.string()),
      optionalScopes: z.array(z.string()),
      conditionallyRequiredScopes: z.array(z.string()),
    }),
    permittedUrls: z.object({ fetch: z.array(z.string()), iframe: z.array(z.string()), img: z.array(z.string()) }),
    support: z.object({
      supportEmail: z.string().email(),
      documentationUrl: z.string().url(),
      supportUrl: z.string().url(),
    }),
  }),
});
const app = AppMeta.parse(readJson(join(SRC, 'app', 'app-hsmeta.json')));
const UiComponentMeta = z.object({ config: z.object({ entrypoint: z.string().startsWith('/') }) });

describe('hsproject.json', () => {
  it('points HubSpot at hubspot-app on platform 2026.03', () => {
    const config = parseProjectConfig(REPO);
    expect(config).toEqual({ name: 'Smart Transfer', srcDir: 'hubspot-app', platformVersion: PLATFORM_VERSION });
    expect(isKnownPlatformVersion(config.platformVersion)).toBe(true);
  });
});

describe("HubSpot's parser (translate)", () => {
  it('yields the APPLICATION, SETTINGS and PAGE components, children of the app, with entrypoints that exist', async () => {
    const { intermediateRepresentation, skippedHsMetaFiles } = await translate(
      { projectSourceDir: SRC, platformVersion: PLATFORM_VERSION, accountId: 1 },
      { skipValidation: true },
    );
    expect(skippedHsMetaFiles).toEqual([]);
    const nodes = Object.values(intermediateRepresentation.intermediateNodesIndexedByUid);
    expect(nodes.map((node) => node.componentType).sort()).toEqual(['APPLICATION', 'PAGE', 'SETTINGS']);

    const byType = new Map(nodes.map((node) => [node.componentType, node]));
    expect(byType.get('APPLICATION')?.uid).toBe('smart_transfer_app');
    const entrypoints = ['SETTINGS', 'PAGE'].map((type) => {
      const node = byType.get(type);
      expect(node?.componentDeps['app']).toBe('smart_transfer_app');
      return UiComponentMeta.parse(node).config.entrypoint;
    });
    expect(entrypoints).toEqual(['/app/settings/SettingsPage.tsx', '/app/pages/HomePage.tsx']);
    for (const entrypoint of entrypoints) expect(existsSync(join(SRC, entrypoint))).toBe(true);
    // App pages (the page router), not the older app home: a `location: "home"` page has no routing.
    expect(
      UiComponentMeta.extend({ config: z.object({ location: z.string().optional() }) }).parse(byType.get('PAGE')).config
        .location,
    ).toBeUndefined();
  });
});

describe('*-hsmeta.json rules', () => {
  it('has only uid, type and config at the top level, and unique, well-formed uids', () => {
    expect(metas.map(({ path }) => path).sort()).toEqual([
      join('app', 'app-hsmeta.json'),
      join('app', 'pages', 'pages-hsmeta.json'),
      join('app', 'settings', 'settings-hsmeta.json'),
    ]);
    const uids = metas.map(({ meta }) => meta.uid);
    for (const uid of uids) {
      expect({ uid, problem: validateUid(uid) }).toEqual({ uid, problem: undefined });
      expect(uid).toMatch(/^[a-zA-Z0-9_\-.]{1,64}$/);
    }
    expect(new Set(uids).size).toBe(uids.length);
  });

  it('keeps every component directly in its own directory (no nested component directories)', () => {
    for (const { path, meta } of metas) {
      const kind = Components[meta.type];
      expect(kind).toBeDefined();
      const parentDir = kind?.parentComponent === undefined ? '' : (Components[kind.parentComponent]?.dir ?? '');
      expect({ path, dir: dirname(path) }).toEqual({ path, dir: join(parentDir, kind?.dir ?? '') });
    }
  });

  it('has one app, at most one settings page and one app home', async () => {
    const { components } = await getProjectMetadata(SRC);
    for (const type of ['app', 'settings', 'page']) {
      const found = components[type];
      expect({ type, count: found?.count, maxCount: found?.maxCount }).toEqual({ type, count: 1, maxCount: 1 });
    }
  });

  it('is a marketplace app, so it uses OAuth and asks for the oauth scope', () => {
    expect(app.config.distribution).toBe('marketplace');
    expect(app.config.auth.type).toBe('oauth');
    expect(app.config.auth.requiredScopes).toContain('oauth');
  });

  it('lists each scope once, either as required or as optional', () => {
    const { requiredScopes, optionalScopes, conditionallyRequiredScopes } = app.config.auth;
    const all = [...requiredScopes, ...optionalScopes, ...conditionallyRequiredScopes];
    expect(new Set(all).size).toBe(all.length);
    for (const scope of all) expect(scope).toMatch(/^[a-z][a-z0-9_.-]*$/);
    // Scopes that only later, optional phases need are not required at install.
    expect(optionalScopes).toEqual(
      expect.arrayContaining(['files', 'crm.lists.read', 'crm.lists.write', 'settings.users.write']),
    );
  });

  it('documents every scope with a reason in SCOPES.md', () => {
    const scopesDoc = readFileSync(join(SRC, 'SCOPES.md'), 'utf8');
    const documented = [...scopesDoc.matchAll(/^\| `([^`]+)` \| (.+) \|$/gm)].map(([, scope, why]) => ({
      scope,
      hasReason: (why ?? '').trim().length > 10,
    }));
    const { requiredScopes, optionalScopes } = app.config.auth;
    expect(documented).toEqual([...requiredScopes, ...optionalScopes].map((scope) => ({ scope, hasReason: true })));
  });

  it('lets hubspot.fetch call only our backend over https, and the UI calls exactly that origin', () => {
    const origins = app.config.permittedUrls.fetch;
    expect(origins).toHaveLength(1);
    for (const origin of origins) {
      const parsed = new URL(origin);
      expect(parsed.protocol).toBe('https:');
      expect(isLocalhost(parsed)).toBe(false);
      expect(parsed.origin).toBe(origin);
    }
    expect(origins).toEqual([API_ORIGIN]);
  });

  it('redirects OAuth to our callback: https, or http only on localhost for development', () => {
    expect(app.config.auth.redirectUrls).toContain(`${API_ORIGIN}/oauth/hubspot/callback`);
    for (const redirect of app.config.auth.redirectUrls) {
      const parsed = new URL(redirect);
      expect(parsed.protocol === 'https:' || (parsed.protocol === 'http:' && isLocalhost(parsed))).toBe(true);
      expect(parsed.pathname).toBe('/oauth/hubspot/callback');
    }
  });
});

describe('UI component packages', () => {
  const PackageJson = z.object({ type: z.literal('module'), dependencies: z.record(z.string(), z.string()) });
  const rootPackage = z
    .object({ dependencies: z.record(z.string(), z.string()), devDependencies: z.record(z.string(), z.string()) })
    .parse(readJson(join(REPO, 'package.json')));
  const rootVersions: Record<string, string> = { ...rootPackage.dependencies, ...rootPackage.devDependencies };

  /** Every package the uploaded UI code imports (bare specifiers, scoped names kept whole). */
  const importedPackages = [
    ...new Set(
      filesUnder(join(SRC, 'app'))
        .filter((path) => /\.tsx?$/.test(path))
        .flatMap((path) =>
          [...readFileSync(path, 'utf8').matchAll(/\bfrom '([^'.][^']*)'/g)].map(([, spec]) => spec ?? ''),
        )
        .map((spec) =>
          spec
            .split('/')
            .slice(0, spec.startsWith('@') ? 2 : 1)
            .join('/'),
        ),
    ),
  ].sort();

  it('imports only @hubspot/ui-extensions, react and zod', () => {
    expect(importedPackages).toEqual(['@hubspot/ui-extensions', 'react', 'zod']);
  });

  it.each(['settings', 'pages'])(
    '%s/package.json pins every imported package at the version the tests run on',
    (component) => {
      const pkg = PackageJson.parse(readJson(join(SRC, 'app', component, 'package.json')));
      expect(pkg.dependencies).toEqual({ '@hubspot/ui-extensions': '0.17.0', react: '18.3.1', zod: '4.6.7' });
      for (const name of importedPackages)
        expect({ name, version: pkg.dependencies[name] }).toEqual({ name, version: rootVersions[name] });
      expect(existsSync(join(SRC, 'app', component, 'tsconfig.json'))).toBe(true);
    },
  );

  it('keeps the uploaded tree free of code from outside hubspot-app', () => {
    const escapes = filesUnder(join(SRC, 'app'))
      .filter((path) => /\.tsx?$/.test(path))
      .flatMap((path) =>
        [...readFileSync(path, 'utf8').matchAll(/\bfrom '(\.[^']*)'/g)]
          .map(([, spec]) => join(dirname(path), spec ?? ''))
          .filter((target) => !target.startsWith(SRC + sep)),
      );
    expect(escapes).toEqual([]);
  });
});
