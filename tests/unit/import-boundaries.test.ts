import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, it } from '@jest/globals';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const BACKEND = join(ROOT, 'backend', 'src');
/** The demo's composition root: the one place in backend/src allowed to use the sandboxes and the preview. */
const DEMO_ROOT = join(BACKEND, 'demo');
const FORBIDDEN = [join(ROOT, 'sandbox'), join(ROOT, 'preview')];

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return /\.(ts|tsx|mts|js|mjs)$/.test(entry.name) ? [path] : [];
  });
}

/** Every module specifier of a file: static imports and re-exports, dynamic import(), require(). */
const specifiers = (text: string) =>
  [...text.matchAll(/(?:\bfrom\s*|\bimport\s*\(\s*|\bimport\s+|\brequire\s*\(\s*)['"]([^'"]+)['"]/g)].map(
    (match) => match[1] as string,
  );

it('no file under backend/src outside the demo root imports sandbox/ or preview/', () => {
  const files = sourceFiles(BACKEND).filter((file) => !file.startsWith(`${DEMO_ROOT}/`));
  expect(files.length).toBeGreaterThan(20);
  const offenders = files.flatMap((file) =>
    specifiers(readFileSync(file, 'utf8'))
      .filter((specifier) => specifier.startsWith('.'))
      .filter((specifier) => FORBIDDEN.some((dir) => resolve(dirname(file), specifier).startsWith(`${dir}/`)))
      .map((specifier) => `${relative(ROOT, file)} imports ${specifier}`),
  );
  expect(offenders).toEqual([]);
});

it('the check sees the demo root’s own imports of the sandboxes and the preview (it would catch them elsewhere)', () => {
  const demoImports = sourceFiles(DEMO_ROOT).flatMap((file) =>
    specifiers(readFileSync(file, 'utf8')).map((specifier) => resolve(dirname(file), specifier)),
  );
  for (const dir of FORBIDDEN) expect(demoImports.some((path) => path.startsWith(`${dir}/`))).toBe(true);
});
