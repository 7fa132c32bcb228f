import type { MappingPlan } from '../../backend/src/transfer/mapping/mapping-plan.js';
import { defaultSettings } from '../../backend/src/transfer/settings/default-settings.js';
import { type SetupSelection, setupSelection } from '../../backend/src/transfer/settings/setup-selection.js';
import { catalogOf, customField, mapPipedrive, objectOf } from '../unit/mapping-fixtures.js';

/** Deal fields whose labels try to break property names: unicode, emoji, 300 characters, near-twins, HubSpot's own. */
export const HOSTILE_DEAL_FIELDS = [
  customField('varchar', 'Ünïcødé 名前 — ça va'),
  customField('varchar', '🚀 Rocket score 🚀'),
  customField('varchar', 'L'.repeat(300)),
  customField('varchar', 'Region'),
  customField('varchar', 'region'),
  customField('varchar', 'Region!'),
  customField('double', 'Amount'),
  customField('varchar', 'dealname'),
  customField('date', 'Close Date'),
  customField('org', 'Partner company'),
];

/** The plan with the hostile deal fields added, as the mapper maps them. */
export function withHostileFields(plan: MappingPlan): MappingPlan {
  const mapped = mapPipedrive(catalogOf([objectOf('deal', HOSTILE_DEAL_FIELDS)]));
  const keys = new Set(HOSTILE_DEAL_FIELDS.map((field) => field.key));
  const hostile = (mapped.fields['deals'] ?? []).filter((field) => keys.has(field.key));
  return { ...plan, fields: { ...plan.fields, deals: [...(plan.fields['deals'] ?? []), ...hostile] } };
}

/** What the setup tests choose: the plan's defaults plus hostile fields, two currencies, invitations, both workflows. */
export function scenarioSelection(
  plan: MappingPlan,
  options: { extraPipelines?: SetupSelection['pipelines'] } = {},
): SetupSelection {
  // The settings a user would make: the defaults, two currencies with their rates, invitations opted in.
  const selection = setupSelection(withHostileFields(plan), {
    ...defaultSettings('00000000-0000-4000-8000-000000000000'),
    exchangeRates: { EUR: 0.92, GBP: 0.79 },
    inviteMissingUsers: true,
  });
  // A source probability off HubSpot's older 0.1 steps: exact where the portal takes it, else rounded.
  const [first] = selection.pipelines;
  const stage = first?.stages[0];
  if (stage) Object.assign(stage, { sourceProbability: 25, probability: 0.3 });
  return { ...selection, pipelines: [...selection.pipelines, ...(options.extraPipelines ?? [])] };
}
