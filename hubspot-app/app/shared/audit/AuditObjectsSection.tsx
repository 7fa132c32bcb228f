import { Flex, Heading, SearchInput, Text } from '@hubspot/ui-extensions';
import { useState } from 'react';
import { NoMatches } from '../components/NoMatches.tsx';
import type { AuditResult } from '../contracts/audit.ts';
import { filterByName } from '../search.ts';
import { AuditObjectsTable } from './AuditObjectsTable.tsx';

/** The objects found by the audit, searchable by the source's or HubSpot's name for them. */
export function AuditObjectsSection({ result, sourceName }: { result: AuditResult; sourceName: string }) {
  const [query, setQuery] = useState('');
  const matching = filterByName(result.objects, query, (object) => [object.sourceLabel, object.hubspotLabel]);
  return (
    <Flex direction="column" gap="sm">
      <Heading>Objects</Heading>
      <Text variant="microcopy">
        Click a number of properties to see each field, what it becomes in HubSpot and, for deals, the pipelines.
      </Text>
      <SearchInput
        testId="object-search"
        name="object-search"
        label="Search objects"
        placeholder={`Search by ${sourceName} or HubSpot object name`}
        value={query}
        onInput={setQuery}
        onChange={setQuery}
      />
      {result.objects.length === 0 && <Text testId="no-objects">The audit found no objects to transfer.</Text>}
      {result.objects.length > 0 && matching.length === 0 && (
        <NoMatches
          testId="no-object-matches"
          title={`No objects match "${query.trim()}"`}
          hint="Check the spelling, or clear the search to see every object."
          clearTestId="clear-object-search"
          onClear={() => setQuery('')}
        />
      )}
      {matching.length > 0 && <AuditObjectsTable objects={matching} result={result} sourceName={sourceName} />}
    </Flex>
  );
}
