import { Input, Select, TableCell, TableRow, Text } from '@hubspot/ui-extensions';
import { TextCell } from '../components/TextCell.tsx';
import type { AuditField } from '../contracts/audit.ts';
import type { FieldChoice } from '../contracts/settings.ts';

const MODES: { label: string; value: FieldChoice['mode'] }[] = [
  { label: 'Create a property', value: 'create' },
  { label: 'Map onto an existing property', value: 'existing' },
  { label: "Don't transfer", value: 'exclude' },
];

interface PropertyChoiceRowProps {
  objectKey: string;
  field: AuditField;
  choice: FieldChoice;
  problem: string | undefined;
  onChange: (choice: FieldChoice) => void;
}

/** One source field and what becomes of it: a new property, an existing one (by its internal name), or nothing. */
export function PropertyChoiceRow({ objectKey, field, choice, problem, onChange }: PropertyChoiceRowProps) {
  const path = `fields.${objectKey}.${field.key}`;
  return (
    <TableRow testId={`property-${field.key}`}>
      <TableCell>
        <Text>{field.label}</Text>
      </TableCell>
      <TextCell>{field.sourceType}</TextCell>
      <TableCell>
        <Select
          testId={`property-mode-${field.key}`}
          name={`${path}.mode`}
          label={`What to do with ${field.label}`}
          options={MODES}
          value={choice.mode}
          error={problem !== undefined && choice.mode !== 'existing'}
          validationMessage={choice.mode === 'existing' ? undefined : problem}
          onChange={(mode) =>
            onChange(mode === 'existing' ? { mode, hubspotProperty: '' } : { mode: mode as 'create' | 'exclude' })
          }
        />
        {choice.mode === 'existing' && (
          <Input
            testId={`property-existing-${field.key}`}
            name={`${path}.hubspotProperty`}
            label="HubSpot property (internal name)"
            value={choice.hubspotProperty}
            error={problem !== undefined}
            validationMessage={problem}
            onChange={(hubspotProperty) => onChange({ mode: 'existing', hubspotProperty })}
          />
        )}
      </TableCell>
    </TableRow>
  );
}
