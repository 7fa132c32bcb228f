import { Flex, Heading, Select, Text } from '@hubspot/ui-extensions';
import type { AuditResult } from '../contracts/audit.ts';
import { ActivityTarget } from '../contracts/settings.ts';
import type { ConfigureDraft, EditDraft } from './configure-draft.ts';
import { ACTIVITY_TARGET_LABELS } from './labels.ts';

const TARGETS = ActivityTarget.options.map((value) => ({ label: ACTIVITY_TARGET_LABELS[value], value }));

interface ActivityTypesSectionProps {
  audit: AuditResult;
  draft: ConfigureDraft;
  edit: EditDraft;
  problemAt: (path: string) => string | undefined;
}

/** Where each source activity type goes in HubSpot (by default where the audit's plan sends it). */
export function ActivityTypesSection({ audit, draft, edit, problemAt }: ActivityTypesSectionProps) {
  if (audit.activityTypes.length === 0) return null;
  return (
    <Flex direction="column" gap="sm">
      <Heading>Activity types</Heading>
      <Text>Each activity type becomes one kind of HubSpot activity.</Text>
      {audit.activityTypes.map((type) => {
        const path = `activityTypes.${type.key}`;
        const problem = problemAt(path);
        const planned = ActivityTarget.safeParse(type.hubspotObject);
        return (
          <Select
            key={type.key}
            testId={`activity-type-${type.key}`}
            name={path}
            label={`${type.name} (${type.records} records)`}
            options={TARGETS}
            value={draft.activityTypes[type.key] ?? (planned.success ? planned.data : undefined)}
            error={problem !== undefined}
            validationMessage={problem}
            onChange={(value) =>
              edit((current) => ({
                ...current,
                activityTypes: { ...current.activityTypes, [type.key]: value as ActivityTarget },
              }))
            }
          />
        );
      })}
    </Flex>
  );
}
