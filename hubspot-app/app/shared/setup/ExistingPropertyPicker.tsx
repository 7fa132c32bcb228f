import { Accordion, Flex, SearchInput, Select, Text } from '@hubspot/ui-extensions';
import { useEffect, useState } from 'react';
import { Loadable } from '../components/Loadable.tsx';
import type { AuditField } from '../contracts/audit.ts';
import type { PortalProperty, PropertyValueType } from '../contracts/hubspot-properties.ts';
import { filterByName } from '../search.ts';
import type { PortalPropertiesStore } from './usePortalProperties.ts';

/** Refused properties listed at once under the picker; the search narrows the rest down. */
const REFUSED_SHOWN = 20;

interface ExistingPropertyPickerProps {
  properties: PortalPropertiesStore;
  /** The HubSpot object the field's records become, e.g. `deals`. */
  hubspotObject: string;
  /** The type of the property setup would create for the field: what its values are. */
  valueType: PropertyValueType;
  field: AuditField;
  /** Where the choice lives in the settings, e.g. `fields.deals.title`. */
  path: string;
  /** The chosen property's internal name ('' before one is chosen). */
  value: string;
  /** Why the backend refused the choice, if it did. */
  problem: string | undefined;
  onChange: (hubspotProperty: string) => void;
}

const optionOf = (property: PortalProperty) => ({
  label: `${property.label} (${property.name})`,
  value: property.name,
});

/** Why the chosen property can't take the field, as far as the list says (the backend checks again on save). */
function refusalOf(chosen: PortalProperty | undefined, value: string, hubspotObject: string): string | undefined {
  if (value === '') return undefined;
  if (chosen === undefined) return `HubSpot ${hubspotObject} have no property “${value}”.`;
  return chosen.reason ?? undefined;
}

/**
 * "Map onto an existing HubSpot property": the portal's properties of the object that can take the
 * field, searchable by label or internal name; those that can't are listed apart, each with the reason.
 */
export function ExistingPropertyPicker(props: ExistingPropertyPickerProps) {
  const { properties, hubspotObject, valueType, field, path, value, problem, onChange } = props;
  const { load, stateOf } = properties;
  useEffect(() => load(hubspotObject, valueType), [load, hubspotObject, valueType]);
  const [query, setQuery] = useState('');
  return (
    <Loadable
      state={stateOf(hubspotObject, valueType)}
      loadingLabel="Loading your HubSpot properties"
      errorTitle="We couldn't load your HubSpot properties"
      onRetry={() => load(hubspotObject, valueType, true)}
    >
      {(list) => {
        const matching = filterByName(list.properties, query, (property) => [property.label, property.name]);
        const takers = matching.filter((property) => property.compatible);
        const refused = matching.filter((property) => !property.compatible);
        const chosen = list.properties.find((property) => property.name === value);
        // The chosen one stays an option while the search hides it, so the Select still shows it.
        const options = [...(chosen && !takers.includes(chosen) ? [chosen] : []), ...takers].map(optionOf);
        const refusal = problem ?? refusalOf(chosen, value, hubspotObject);
        return (
          <Flex direction="column" gap="xs">
            <SearchInput
              testId={`property-existing-search-${field.key}`}
              name={`${path}.search`}
              label="Find a HubSpot property"
              placeholder="Search by label or internal name"
              value={query}
              onInput={setQuery}
              onChange={setQuery}
            />
            <Select
              testId={`property-existing-${field.key}`}
              name={`${path}.hubspotProperty`}
              label="HubSpot property"
              placeholder={takers.length === 0 ? 'No property here can take this field' : 'Choose a property'}
              options={options}
              {...(value === '' ? {} : { value })}
              error={refusal !== undefined}
              validationMessage={refusal}
              onChange={(name) => onChange(String(name))}
            />
            {refused.length > 0 && (
              <Accordion
                testId={`property-refused-${field.key}`}
                title={`${refused.length} ${refused.length === 1 ? 'property' : 'properties'} can’t take ${field.label}`}
                size="sm"
              >
                <Flex direction="column" gap="xs">
                  {refused.slice(0, REFUSED_SHOWN).map((property) => (
                    <Text key={property.name} variant="microcopy">
                      {`${property.label} (${property.name}): ${property.reason ?? ''}`}
                    </Text>
                  ))}
                  {refused.length > REFUSED_SHOWN && (
                    <Text variant="microcopy">{`And ${refused.length - REFUSED_SHOWN} more: search to find one.`}</Text>
                  )}
                </Flex>
              </Accordion>
            )}
          </Flex>
        );
      }}
    </Loadable>
  );
}
