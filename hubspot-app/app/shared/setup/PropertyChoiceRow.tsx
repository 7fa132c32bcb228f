import { Select, TableCell, TableRow, Text } from '@hubspot/ui-extensions';
import { TextCell } from '../components/TextCell.tsx';
import type { AuditField } from '../contracts/audit.ts';
import { PropertyValueType } from '../contracts/hubspot-properties.ts';
import type { FieldChoice } from '../contracts/settings.ts';
import { ExistingPropertyPicker } from './ExistingPropertyPicker.tsx';
import type { PortalPropertiesStore } from './usePortalProperties.ts';

const CREATE = { label: 'Create a property', value: 'create' } as const;
const EXISTING = { label: 'Map onto an existing property', value: 'existing' } as const;
const EXCLUDE = { label: "Don't transfer", value: 'exclude' } as const;

/**
 * The type of the one property setup would create for the field, which an existing property must take
 * instead; null when the field can't go onto one existing property (it becomes several, or already goes
 * to one of HubSpot's own).
 */
export function valueTypeOf(field: AuditField): PropertyValueType | null {
  const [target, ...others] = field.targets;
  if (target === undefined || others.length > 0 || target.kind !== 'created') return null;
  const parsed = PropertyValueType.safeParse(target.type);
  return parsed.success ? parsed.data : null;
}

interface PropertyChoiceRowProps {
  objectKey: string;
  /** The HubSpot object the object's records become, e.g. `deals`. */
  hubspotObject: string;
  field: AuditField;
  choice: FieldChoice;
  problem: string | undefined;
  properties: PortalPropertiesStore;
  onChange: (choice: FieldChoice) => void;
}

/** One source field and what becomes of it: a new property, one of the portal's existing ones, or nothing. */
export function PropertyChoiceRow(props: PropertyChoiceRowProps) {
  const { objectKey, hubspotObject, field, choice, problem, properties, onChange } = props;
  const path = `fields.${objectKey}.${field.key}`;
  const valueType = valueTypeOf(field);
  // A field that can't go onto one existing property is not offered that (a saved choice still shows).
  const modes = valueType !== null || choice.mode === 'existing' ? [CREATE, EXISTING, EXCLUDE] : [CREATE, EXCLUDE];
  const picking = choice.mode === 'existing' && valueType !== null;
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
          options={modes}
          value={choice.mode}
          error={problem !== undefined && !picking}
          validationMessage={picking ? undefined : problem}
          onChange={(mode) =>
            onChange(mode === 'existing' ? { mode, hubspotProperty: '' } : { mode: mode as 'create' | 'exclude' })
          }
        />
        {picking && (
          <ExistingPropertyPicker
            properties={properties}
            hubspotObject={hubspotObject}
            valueType={valueType}
            field={field}
            path={path}
            value={choice.hubspotProperty}
            problem={problem}
            onChange={(hubspotProperty) => onChange({ mode: 'existing', hubspotProperty })}
          />
        )}
      </TableCell>
    </TableRow>
  );
}
