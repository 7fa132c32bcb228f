/**
 * Every HubSpot component our pages use must have a host implementation in the preview, so a missing
 * one fails here rather than showing a placeholder to a user. "Used" is read from the files esbuild
 * actually bundles for each page (the same build the preview serves): their imports from
 * `@hubspot/ui-extensions`, resolved to the names the package registers. The package's own exported
 * names are compared with the list the host was written against, so an upgrade that adds, removes or
 * renames a component fails too.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from '@jest/globals';
import ts from 'typescript';
import { buildWorkerBundle } from '../../preview/server/bundles.ts';
import { readHubSpotProject, REPO_ROOT } from '../../preview/server/project.ts';
import {
  HOST_COMPONENT_NAMES,
  PACKAGE_COMPONENT_NAMES,
  RECORDED_PACKAGE,
} from '../../preview/shared/component-names.ts';
import { PREVIEW_LOCATIONS, type PreviewLocation } from '../../preview/shared/protocol.ts';

const PACKAGE = '@hubspot/ui-extensions';
const PACKAGE_DIR = join(REPO_ROOT, 'node_modules', '@hubspot', 'ui-extensions');

interface Registry {
  getComponentName(component: unknown): string | null;
}

/** The package's component registry (internal module, same instance the entry points use). */
async function registry(): Promise<Registry> {
  const module = (await import(join(PACKAGE_DIR, 'dist', 'shared.synced', 'remoteComponents.synced.js'))) as {
    __hubSpotComponentRegistry: Registry;
  };
  return module.__hubSpotComponentRegistry;
}

/** Each export of an entry point that is a component, with the name it reaches the host by (and sub-components). */
async function componentExports(entry: string): Promise<Map<string, string[]>> {
  const names = await registry();
  const module = (await import(entry)) as Record<string, unknown>;
  const out = new Map<string, string[]>();
  for (const [exported, value] of Object.entries(module)) {
    const name = names.getComponentName(value);
    if (!name) continue;
    const parts = [name];
    if (typeof value === 'function') {
      for (const sub of Object.values(value as unknown as Record<string, unknown>)) {
        const subName = names.getComponentName(sub);
        if (subName) parts.push(subName);
      }
    }
    out.set(exported, parts);
  }
  return out;
}

interface PackageImport {
  file: string;
  module: string;
  /** The exported names imported, or '*' for a namespace import. */
  names: string[];
}

/** The value imports from the package (and its sub-paths) in one source file. */
function packageImports(file: string): PackageImport[] {
  const source = ts.createSourceFile(
    file,
    readFileSync(file, 'utf8'),
    ts.ScriptTarget.Latest,
    true,
    file.endsWith('x') ? ts.ScriptKind.TSX : ts.ScriptKind.TS,
  );
  const found: PackageImport[] = [];
  for (const statement of source.statements) {
    if (!ts.isImportDeclaration(statement) || !ts.isStringLiteral(statement.moduleSpecifier)) continue;
    const module = statement.moduleSpecifier.text;
    if (module !== PACKAGE && !module.startsWith(`${PACKAGE}/`)) continue;
    const clause = statement.importClause;
    if (!clause || clause.isTypeOnly) continue;
    const names: string[] = [];
    if (clause.name) names.push('default');
    const bindings = clause.namedBindings;
    if (bindings && ts.isNamespaceImport(bindings)) names.push('*');
    if (bindings && ts.isNamedImports(bindings)) {
      for (const element of bindings.elements)
        if (!element.isTypeOnly) names.push((element.propertyName ?? element.name).text);
    }
    found.push({ file, module, names });
  }
  return found;
}

/** The HubSpot component names a page's bundle can render, from the files esbuild bundled for it. */
async function componentsUsedBy(location: PreviewLocation): Promise<{ names: Set<string>; files: string[] }> {
  const { metafile } = await buildWorkerBundle(
    location,
    join(REPO_ROOT, 'preview', 'dist', 'coverage-test'),
    readHubSpotProject(),
  );
  const files = Object.keys(metafile.inputs)
    .filter((input) => /\.(ts|tsx)$/.test(input) && !input.includes('node_modules'))
    .map((input) => join(REPO_ROOT, input))
    .filter((file) => !file.startsWith(join(REPO_ROOT, 'preview')));
  const names = new Set<string>();
  for (const file of files) {
    for (const { module, names: imported } of packageImports(file)) {
      const exports = await componentExports(module);
      for (const name of imported) {
        const picked = name === '*' ? [...exports.values()].flat() : (exports.get(name) ?? []);
        picked.forEach((component) => names.add(component));
      }
    }
  }
  return { names, files };
}

describe('preview component coverage', () => {
  it.each(PREVIEW_LOCATIONS)('the host implements every component the %s page uses', async (location) => {
    const { names, files } = await componentsUsedBy(location);
    // The build really read our page: its entry file is among the inputs, and it uses components.
    expect(files).toContain(readHubSpotProject().entrypoints[location]);
    expect(names.size).toBeGreaterThan(5);
    const implemented = new Set<string>(HOST_COMPONENT_NAMES);
    const missing = [...names].filter((name) => !implemented.has(name)).sort();
    expect(missing).toEqual([]);
  });

  it('reads imports the way the pages write them', async () => {
    const { names } = await componentsUsedBy('settings');
    for (const name of ['Tabs', 'Tab', 'Button', 'Text', 'LoadingSpinner']) expect(names).toContain(name);
    const home = await componentsUsedBy('home');
    expect(home.names).toContain('SearchInput');
  });

  it(`the package still exports exactly the components of ${RECORDED_PACKAGE}`, async () => {
    const installed = (JSON.parse(readFileSync(join(PACKAGE_DIR, 'package.json'), 'utf8')) as { version: string })
      .version;
    expect(`${PACKAGE}@${installed}`).toBe(RECORDED_PACKAGE);
    for (const [entry, recorded] of Object.entries(PACKAGE_COMPONENT_NAMES)) {
      const exported = new Set([...(await componentExports(entry)).values()].flat());
      expect({ entry, names: [...exported].sort() }).toEqual({ entry, names: [...recorded].sort() });
    }
  });

  it('the host implements only names the package has', () => {
    const known = new Set(Object.values(PACKAGE_COMPONENT_NAMES).flat());
    expect(HOST_COMPONENT_NAMES.filter((name) => !known.has(name))).toEqual([]);
  });

  it("the host's component map has exactly the listed names", () => {
    // client/components/index.tsx is browser code; its map's keys are read from the source.
    const file = join(REPO_ROOT, 'preview', 'client', 'components', 'index.tsx');
    const source = ts.createSourceFile(
      file,
      readFileSync(file, 'utf8'),
      ts.ScriptTarget.Latest,
      true,
      ts.ScriptKind.TSX,
    );
    let keys: string[] = [];
    source.forEachChild(function visit(node) {
      if (
        ts.isVariableDeclaration(node) &&
        node.name.getText() === 'HOST_COMPONENTS' &&
        node.initializer &&
        ts.isObjectLiteralExpression(node.initializer)
      ) {
        keys = node.initializer.properties.map((property) => property.name?.getText() ?? '');
      }
      node.forEachChild(visit);
    });
    expect(keys.sort()).toEqual([...HOST_COMPONENT_NAMES].sort());
  });
});
