import type { SetupOutcome, SetupReview, SetupReviewItem } from '../../../../shared/src/contracts/index.js';
import { findExisting, type PortalState } from './portal-state.js';
import type { SetupItem } from './setup-items.js';

function reviewItem(state: PortalState, item: SetupItem): SetupReviewItem {
  const existing = findExisting(state, item);
  const base = { itemType: item.itemType, key: item.itemKey, label: item.label };
  if (existing === null) return { ...base, outcome: 'create', reason: null };
  if ('skip' in existing) return { ...base, outcome: 'skip', reason: existing.skip };
  if ('conflict' in existing) return { ...base, outcome: 'fail', reason: existing.conflict };
  if ('overLimit' in existing)
    return { ...base, outcome: 'fail', reason: `${existing.overLimit.message} ${existing.overLimit.hint}` };
  const missingStages = item.kind === 'pipeline' ? item.stages.filter((stage) => !existing.stages?.has(stage.key)) : [];
  return {
    ...base,
    outcome: 'reuse',
    reason:
      missingStages.length > 0
        ? `Adds the stages ${missingStages.map((stage) => `“${stage.label}”`).join(', ')}.`
        : null,
  };
}

const NO_TOTALS: Record<SetupOutcome, number> = { create: 0, reuse: 0, skip: 0, fail: 0 };

const totalsOf = (items: readonly SetupReviewItem[]) =>
  items.reduce((totals, item) => ({ ...totals, [item.outcome]: totals[item.outcome] + 1 }), { ...NO_TOTALS });

/**
 * What setup would do with each item given what the portal has now (pure: the state was read before),
 * grouped per HubSpot object (`account` for owners and currencies), with totals.
 */
export function reviewSetup(state: PortalState, items: readonly SetupItem[]): SetupReview {
  const byObject = new Map<string, SetupReviewItem[]>();
  for (const item of items) {
    const object = item.hubspotObject ?? 'account';
    byObject.set(object, [...(byObject.get(object) ?? []), reviewItem(state, item)]);
  }
  const objects = [...byObject].map(([object, reviewed]) => ({ object, totals: totalsOf(reviewed), items: reviewed }));
  return {
    objects,
    totals: totalsOf(objects.flatMap((object) => object.items)),
    workflowsAvailable: Array.isArray(state.flows),
  };
}
