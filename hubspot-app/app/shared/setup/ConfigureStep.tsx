import { type BaseContext, Button, Divider, Flex, LoadingButton } from '@hubspot/ui-extensions';
import { useState } from 'react';
import type { ApiError } from '../api-error.ts';
import type { AuditResult } from '../contracts/audit.ts';
import type { SettingsResponse } from '../contracts/settings.ts';
import { ActivityTypesSection } from './ActivityTypesSection.tsx';
import { CarriedOverChanges } from './CarriedOverChanges.tsx';
import { CONFIGURE_PATHS, type ConfigureDraft, configureDraftOf, type EditDraft } from './configure-draft.ts';
import { ExchangeRatesSection } from './ExchangeRatesSection.tsx';
import { OwnersSection } from './OwnersSection.tsx';
import { objectsWithFields, PropertiesSection } from './PropertiesSection.tsx';
import { SaveProblem } from './SaveProblem.tsx';
import { SyncOptionsSection } from './SyncOptionsSection.tsx';

interface ConfigureStepProps {
  audit: AuditResult;
  context: BaseContext;
  settings: SettingsResponse;
  saving: boolean;
  saveError: ApiError | null;
  problemAt: (path: string) => string | undefined;
  onSave: (draft: ConfigureDraft) => void;
  onBack: () => void;
}

/** Step 2: properties per object, activity types, owners, exchange rates, sync and opt-ins; saved together. */
export function ConfigureStep(props: ConfigureStepProps) {
  const { audit, context, settings, saving, saveError, problemAt, onSave, onBack } = props;
  const [draft, setDraft] = useState(() => configureDraftOf(settings.settings));
  const edit: EditDraft = (change) => setDraft(change);
  const [objectKey, setObjectKey] = useState(() => objectsWithFields(audit)[0]?.key ?? '');
  // A refused field of another object than the one shown is listed in the alert instead.
  const shownPaths = (path: string) =>
    path.startsWith('fields.')
      ? path.startsWith(`fields.${objectKey}.`)
      : CONFIGURE_PATHS.some((prefix) => path === prefix || path.startsWith(prefix));
  const sections = { audit, draft, edit, problemAt };
  return (
    <Flex direction="column" gap="md">
      <CarriedOverChanges settings={settings} />
      <PropertiesSection {...sections} context={context} objectKey={objectKey} onObject={setObjectKey} />
      <Divider />
      <ActivityTypesSection {...sections} />
      <OwnersSection {...sections} />
      <ExchangeRatesSection {...sections} />
      <SyncOptionsSection draft={draft} edit={edit} problemAt={problemAt} />
      <SaveProblem error={saveError} shownPaths={shownPaths} />
      <Flex direction="row" gap="sm">
        <Button testId="configure-back" onClick={onBack}>
          Back
        </Button>
        <LoadingButton testId="configure-save" variant="primary" loading={saving} onClick={() => onSave(draft)}>
          Save and review
        </LoadingButton>
      </Flex>
    </Flex>
  );
}
