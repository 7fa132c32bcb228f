import type { SourceId } from '../../../shared/src/contracts/index.js';
import type { SourceMappingRules } from './mapping-rules.js';
import { PIPEDRIVE_RULES } from './pipedrive/mapping-rules.js';

/** Each source's mapping rules (data); a new source adds its own here. */
const RULES: Partial<Record<SourceId, SourceMappingRules>> = { pipedrive: PIPEDRIVE_RULES };

export function mappingRulesFor(source: SourceId): SourceMappingRules {
  const rules = RULES[source];
  if (!rules) throw new Error(`No mapping rules for source "${source}" yet`);
  return rules;
}
