import type { MappingPlan } from '../../backend/src/transfer/mapping/mapping-plan.js';
import type { SetupSelection } from '../../backend/src/transfer/setup/setup-selection-shape.js';
import { catalogOf, customField, mapPipedrive, objectOf } from '../unit/mapping-fixtures.js';
import { defaultSelectionOf } from './setup-selection.js';

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
  const owners = plan.owners.map((user) => ({
    sourceUserId: user.id,
    name: user.name,
    email: user.email,
    hubspotOwnerId: user.hubspotOwnerId,
  }));
  const selection = defaultSelectionOf(withHostileFields(plan), {
    currencies: [
      { code: 'EUR', rate: 0.92 },
      { code: 'GBP', rate: 0.79 },
    ],
    owners: {
      map: owners,
      invite: owners.flatMap((owner) =>
        owner.hubspotOwnerId === null && owner.email !== null
          ? [{ sourceUserId: owner.sourceUserId, name: owner.name, email: owner.email }]
          : [],
      ),
    },
    workflows: { createDate: true, closeDate: true },
  });
  // A source probability off HubSpot's older 0.1 steps: exact where the portal takes it, else rounded.
  const [first] = selection.pipelines;
  const stage = first?.stages[0];
  if (stage) Object.assign(stage, { sourceProbability: 25, probability: 0.3 });
  return { ...selection, pipelines: [...selection.pipelines, ...(options.extraPipelines ?? [])] };
}
