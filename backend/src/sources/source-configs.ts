import type { SourceEntry } from './source-module.js';
import { isAvailable } from './source-module.js';

type RawEnv = Readonly<Record<string, string | undefined>>;

/** Unset and empty variables are the same to every schema (a `.env` line `X=` means "not set"). */
const withoutEmpty = (env: RawEnv) =>
  Object.fromEntries(Object.entries(env).filter(([, value]) => value !== '' && value !== undefined));

/** What is wrong with the sources' variables, each naming the variable; empty when all is well. */
export function sourceConfigProblems(env: RawEnv, entries: readonly SourceEntry[], production: boolean): string[] {
  return entries.filter(isAvailable).flatMap((source) => {
    const raw = withoutEmpty(env);
    const parsed = source.config.schema.safeParse(raw);
    const invalid = parsed.success
      ? []
      : parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
    const missing = production ? source.config.requiredInProduction.filter((name) => raw[name] === undefined) : [];
    return [...invalid, ...missing.map((name) => `${name}: required when NODE_ENV=production`)];
  });
}

/** Each available source's config, by source id, from the environment's variables. */
export function readSourceConfigs(env: RawEnv, entries: readonly SourceEntry[]): Record<string, unknown> {
  return Object.fromEntries(
    entries.filter(isAvailable).map((source) => [source.id, source.config.schema.parse(withoutEmpty(env))]),
  );
}
