import type { SelectedOwner, SetupSelection as SettingsSelection } from '../settings/setup-selection.js';

/**
 * The part of `SetupSelection` (transfer/settings/setup-selection.ts) that setup reads: setup depends on
 * no more of the settings' selection than this, so tests can hand it exactly what they mean.
 */
export type SetupSelection = Pick<
  SettingsSelection,
  'auditId' | 'propertyGroups' | 'properties' | 'associationLabels' | 'pipelines' | 'currencies' | 'workflows'
> & {
  owners: { map: Omit<SelectedOwner, 'via'>[]; invite: SettingsSelection['owners']['invite'] };
};
