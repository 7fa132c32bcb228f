import { type BaseContext, Button, Flex, Heading, SearchInput, Select, Text } from '@hubspot/ui-extensions';
import { useState } from 'react';
import { DataTable } from '../components/DataTable.tsx';
import { NoMatches } from '../components/NoMatches.tsx';
import type { AuditResult } from '../contracts/audit.ts';
import type { FieldChoice } from '../contracts/settings.ts';
import { filterByName } from '../search.ts';
import type { ConfigureDraft, EditDraft } from './configure-draft.ts';
import { PropertyChoiceRow } from './PropertyChoiceRow.tsx';
import { usePortalProperties } from './usePortalProperties.ts';

/** Fields shown at once; "Show more" adds as many again. */
export const PROPERTIES_PAGE_SIZE = 25;

const CREATE: FieldChoice = { mode: 'create' };

/** The objects whose supported fields the section lists (the first is shown first). */
export const objectsWithFields = (audit: AuditResult) =>
  audit.objects.filter((object) => (audit.fields[object.key] ?? []).some((field) => field.supported));

interface PropertiesSectionProps {
  audit: AuditResult;
  context: BaseContext;
  /** The object shown, and a way to show another. */
  objectKey: string;
  onObject: (objectKey: string) => void;
  draft: ConfigureDraft;
  edit: EditDraft;
  problemAt: (path: string) => string | undefined;
}

/** Per object, the supported source fields and what each becomes; searchable by label or key. */
export function PropertiesSection(props: PropertiesSectionProps) {
  const { audit, context, objectKey, onObject, draft, edit, problemAt } = props;
  const objects = objectsWithFields(audit);
  const [query, setQuery] = useState('');
  const [shown, setShown] = useState(PROPERTIES_PAGE_SIZE);
  const properties = usePortalProperties(context);
  if (objects.length === 0) return null;
  const hubspotObject = objects.find((object) => object.key === objectKey)?.hubspotObject ?? '';
  const fields = (audit.fields[objectKey] ?? []).filter((field) => field.supported);
  const matches = filterByName(fields, query, (field) => [field.label, field.key]);
  const choose = (fieldKey: string, choice: FieldChoice) =>
    edit((current) => ({
      ...current,
      fields: { ...current.fields, [objectKey]: { ...current.fields[objectKey], [fieldKey]: choice } },
    }));
  return (
    <Flex direction="column" gap="sm">
      <Heading>Properties</Heading>
      <Flex direction="row" gap="sm" wrap>
        <Select
          testId="properties-object"
          name="properties-object"
          label="Object"
          options={objects.map((object) => ({ label: object.sourceLabel, value: object.key }))}
          value={objectKey}
          onChange={(value) => {
            onObject(String(value));
            setShown(PROPERTIES_PAGE_SIZE);
          }}
        />
        <SearchInput
          testId="properties-search"
          name="properties-search"
          label="Search properties"
          placeholder="Search by name"
          value={query}
          onInput={setQuery}
          onChange={setQuery}
        />
      </Flex>
      {matches.length === 0 ? (
        <NoMatches
          testId="properties-no-matches"
          title={`No properties match "${query}"`}
          hint="Check the spelling, or clear the search to see every property."
          clearTestId="properties-clear-search"
          onClear={() => setQuery('')}
        />
      ) : (
        <DataTable testId="properties-table" headers={['Property', 'Type', 'In HubSpot']}>
          {matches.slice(0, shown).map((field) => (
            <PropertyChoiceRow
              key={field.key}
              objectKey={objectKey}
              hubspotObject={hubspotObject}
              field={field}
              choice={draft.fields[objectKey]?.[field.key] ?? CREATE}
              problem={problemAt(`fields.${objectKey}.${field.key}`)}
              properties={properties}
              onChange={(choice) => choose(field.key, choice)}
            />
          ))}
        </DataTable>
      )}
      {matches.length > shown && (
        <Flex direction="row" gap="sm" align="center">
          <Text testId="properties-shown" variant="microcopy">
            {`Showing ${shown} of ${matches.length} properties.`}
          </Text>
          <Button testId="properties-more" size="sm" onClick={() => setShown(shown + PROPERTIES_PAGE_SIZE)}>
            Show more
          </Button>
        </Flex>
      )}
    </Flex>
  );
}
