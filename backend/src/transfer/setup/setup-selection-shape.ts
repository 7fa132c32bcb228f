/**
 * The part of `SetupSelection` (transfer/settings/setup-selection.ts) that setup reads: setup depends on
 * no more of the settings' selection than this, so tests can hand it exactly what they mean.
 */
export interface SetupSelection {
  auditId: string;
  propertyGroups: { objectType: string; objectKey: string; name: string; label: string }[];
  properties: {
    action: 'create' | 'existing';
    objectType: string;
    objectKey: string;
    sourceField: string;
    name: string;
    label: string;
    type: string;
    fieldType: string;
    groupName: string | null;
    options: { value: string; label: string }[] | null;
    references: 'owner' | null;
  }[];
  associationLabels: {
    fromObjectType: string;
    toObjectType: string;
    objectKey: string;
    sourceField: string;
    name: string;
    label: string;
  }[];
  pipelines: {
    sourcePipelineId: string;
    label: string;
    stages: {
      sourceStageId: string | null;
      label: string;
      displayOrder: number;
      probability: number;
      sourceProbability: number | null;
      closed: 'won' | 'lost' | null;
    }[];
  }[];
  owners: {
    map: { sourceUserId: string; name: string; email: string | null; hubspotOwnerId: string | null }[];
    invite: { sourceUserId: string; name: string; email: string }[];
  };
  currencies: { code: string; rate: number }[];
  workflows: { createDate: boolean; closeDate: boolean };
}
