import { Checkbox, Flex, LoadingButton, Text } from '@hubspot/ui-extensions';
import { useState } from 'react';
import type { ApiError } from '../api-error.ts';
import { DataType, type SettingsResponse } from '../contracts/settings.ts';
import { FieldProblem } from './FieldProblem.tsx';
import { DATA_TYPE_LABELS } from './labels.ts';
import { SaveProblem } from './SaveProblem.tsx';

interface DataTypesStepProps {
  settings: SettingsResponse;
  saving: boolean;
  saveError: ApiError | null;
  problemAt: (path: string) => string | undefined;
  onSave: (dataTypes: Partial<Record<DataType, boolean>>) => void;
}

/** Step 1: which data types to transfer; a locked type keeps its value and says why. */
export function DataTypesStep({ settings, saving, saveError, problemAt, onSave }: DataTypesStepProps) {
  const [chosen, setChosen] = useState(settings.settings.dataTypes);
  const lockOf = (type: DataType) => settings.locks.find((lock) => lock.dataType === type && lock.locked);
  // Locked types are not the user's to send: the backend keeps their value.
  const unlocked = (types: Partial<Record<DataType, boolean>>) =>
    Object.fromEntries(Object.entries(types).filter(([type]) => lockOf(type as DataType) === undefined));
  return (
    <Flex direction="column" gap="sm">
      <Text>Choose what to transfer. Some types need others: those stay on, and say why.</Text>
      {DataType.options.map((type) => {
        const lock = lockOf(type);
        const path = `dataTypes.${type}`;
        return (
          <Flex key={type} direction="column" gap="flush">
            <Checkbox
              testId={`data-type-${type}`}
              name={path}
              checked={lock?.value ?? chosen[type] ?? false}
              readOnly={lock !== undefined}
              description={lock?.reason ?? undefined}
              onChange={(checked: boolean) => setChosen((current) => ({ ...current, [type]: checked }))}
            >
              {DATA_TYPE_LABELS[type]}
            </Checkbox>
            <FieldProblem path={path} message={problemAt(path)} />
          </Flex>
        );
      })}
      <SaveProblem error={saveError} shownPaths={(path) => path.startsWith('dataTypes.')} />
      <Flex direction="row" gap="sm">
        <LoadingButton
          testId="data-types-save"
          variant="primary"
          loading={saving}
          onClick={() => onSave(unlocked(chosen))}
        >
          Save and continue
        </LoadingButton>
      </Flex>
    </Flex>
  );
}
