/**
 * Builds the preview's browser code with esbuild: the host page (host.js + host.css) and, for each
 * page, a worker bundle of the worker prelude followed by the UNCHANGED HubSpot entry file (the prelude
 * must run first: the package reads the worker globals it sets when it loads). Written atomically into
 * a git-ignored folder (preview/dist by default), once per process and folder.
 */
import { mkdir, rename, writeFile } from 'node:fs/promises';
import { dirname, join, relative } from 'node:path';
import type { BuildOptions, Metafile, OutputFile } from 'esbuild';
import { PREVIEW_LOCATIONS, type PreviewLocation } from '../shared/protocol.ts';
import { type HubSpotProject, readHubSpotProject, REPO_ROOT } from './project.ts';

export const DEFAULT_OUT_DIR = join(REPO_ROOT, 'preview', 'dist');
const CLIENT_DIR = join(REPO_ROOT, 'preview', 'client');
export const WORKER_PRELUDE = join(CLIENT_DIR, 'worker-prelude.ts');
const HOST_ENTRY = join(CLIENT_DIR, 'host.tsx');

export const workerFile = (location: PreviewLocation) => `worker-${location}.js`;

const common: BuildOptions = {
  bundle: true,
  format: 'iife',
  platform: 'browser',
  target: 'es2022',
  jsx: 'automatic',
  sourcemap: 'linked',
  define: { 'process.env.NODE_ENV': '"development"' },
  logLevel: 'silent',
  absWorkingDir: REPO_ROOT,
  write: false,
  metafile: true,
};

/** The worker bundle's entry: the prelude, then the page's entry file as HubSpot would load it. */
export function workerEntrySource(entrypoint: string): string {
  return `import ${JSON.stringify(WORKER_PRELUDE)};\nimport ${JSON.stringify(entrypoint)};\n`;
}

export class PreviewBuildError extends Error {
  constructor(readonly messages: string[]) {
    super(`The preview could not be built:\n${messages.join('\n')}`);
    this.name = 'PreviewBuildError';
  }
}

async function esbuildOf() {
  // Loaded on first use: the backend can import this module where esbuild is not installed.
  return import('esbuild');
}

async function run(options: BuildOptions): Promise<{ outputFiles: OutputFile[]; metafile: Metafile }> {
  const esbuild = await esbuildOf();
  try {
    const result = await esbuild.build(options);
    return { outputFiles: result.outputFiles ?? [], metafile: result.metafile ?? { inputs: {}, outputs: {} } };
  } catch (error) {
    const errors = (error as { errors?: { text: string; location?: { file: string; line: number } | null }[] }).errors;
    if (!errors) throw error;
    throw new PreviewBuildError(
      errors.map((e) => (e.location ? `${e.location.file}:${e.location.line}: ${e.text}` : e.text)),
    );
  }
}

/** The worker bundle of one page, in memory (also used by the component-coverage test). */
export function buildWorkerBundle(
  location: PreviewLocation,
  outDir: string,
  project: HubSpotProject = readHubSpotProject(),
) {
  return run({
    ...common,
    stdin: {
      contents: workerEntrySource(project.entrypoints[location]),
      resolveDir: REPO_ROOT,
      sourcefile: `preview-worker-${location}.ts`,
      loader: 'ts',
    },
    outfile: join(outDir, workerFile(location)),
  });
}

function buildHostBundle(outDir: string) {
  return run({ ...common, entryPoints: [HOST_ENTRY], outfile: join(outDir, 'host.js') });
}

async function writeAtomically(files: OutputFile[]): Promise<void> {
  for (const file of files) {
    await mkdir(dirname(file.path), { recursive: true });
    const temporary = `${file.path}.${process.pid}.tmp`;
    await writeFile(temporary, file.contents);
    await rename(temporary, file.path);
  }
}

export interface BuiltPreview {
  outDir: string;
  /** Source files (relative to the repo) that went into each worker bundle. */
  inputs: Record<PreviewLocation, string[]>;
}

/** Entry files that replace the project's (tests render fixture extensions through the same host). */
export type EntrypointOverrides = Partial<Record<PreviewLocation, string>>;

async function buildAll(outDir: string, overrides: EntrypointOverrides): Promise<BuiltPreview> {
  const declared = readHubSpotProject();
  const project = { ...declared, entrypoints: { ...declared.entrypoints, ...overrides } };
  const [host, ...workers] = await Promise.all([
    buildHostBundle(outDir),
    ...PREVIEW_LOCATIONS.map((location) => buildWorkerBundle(location, outDir, project)),
  ]);
  await writeAtomically([host, ...workers].flatMap((result) => result?.outputFiles ?? []));
  const inputs = Object.fromEntries(
    PREVIEW_LOCATIONS.map((location, index) => [
      location,
      Object.keys(workers[index]?.metafile.inputs ?? {}).map((file) => relative(REPO_ROOT, join(REPO_ROOT, file))),
    ]),
  ) as Record<PreviewLocation, string[]>;
  return { outDir, inputs };
}

const builds = new Map<string, Promise<BuiltPreview>>();

/**
 * Builds the preview into `outDir` once per process (later calls share the result); a failed build
 * is forgotten so the next call tries again.
 */
export function buildPreview(
  outDir: string = DEFAULT_OUT_DIR,
  overrides: EntrypointOverrides = {},
): Promise<BuiltPreview> {
  const key = `${outDir}\n${JSON.stringify(overrides)}`;
  let build = builds.get(key);
  if (!build) {
    build = buildAll(outDir, overrides);
    builds.set(key, build);
    build.catch(() => builds.delete(key));
  }
  return build;
}
