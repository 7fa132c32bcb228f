import { Accordion, type BaseContext, Flex } from '@hubspot/ui-extensions';
import type { AuditResponse, AuditResult } from '../contracts/audit.ts';
import type { SourceApp } from '../contracts/sources.ts';
import { AccessWarning } from './AccessWarning.tsx';
import { AccountSettings } from './AccountSettings.tsx';
import { ActivityTypes } from './ActivityTypes.tsx';
import { AuditComparisonSection } from './AuditComparisonSection.tsx';
import { AuditCurrencies } from './AuditCurrencies.tsx';
import { AuditHoldings } from './AuditHoldings.tsx';
import { AuditObjectsSection } from './AuditObjectsSection.tsx';
import { AuditUsers } from './AuditUsers.tsx';
import { NotTransferred } from './NotTransferred.tsx';

interface AuditResultsProps {
  response: AuditResponse;
  result: AuditResult;
  source: Pick<SourceApp, 'id' | 'name'>;
  context: BaseContext;
  /** The user connected again (e.g. as an admin): refresh what depends on the connection. */
  onReconnected: () => void;
}

/** A complete audit in full: what changed since the last one, the objects, then the account-level findings. */
export function AuditResults({ response, result, source, context, onReconnected }: AuditResultsProps) {
  const sourceName = source.name;
  return (
    <Flex direction="column" gap="md" testId="audit-results">
      <AccessWarning access={result.access} source={source} context={context} onReconnected={onReconnected} />
      <Accordion testId="section-changes" title="Changes since the previous audit" defaultOpen>
        <AuditComparisonSection response={response} result={result} sourceName={sourceName} context={context} />
      </Accordion>
      <AuditObjectsSection result={result} sourceName={sourceName} />
      <Accordion testId="section-holdings" title={`Also in ${sourceName} (${result.holdings.length})`} defaultOpen>
        <AuditHoldings holdings={result.holdings} />
      </Accordion>
      <Accordion testId="section-users" title={`Users (${result.users.length})`}>
        <AuditUsers users={result.users} sourceName={sourceName} />
      </Accordion>
      <Accordion testId="section-currencies" title={`Currencies (${result.currencies.length})`}>
        <AuditCurrencies currencies={result.currencies} sourceName={sourceName} />
      </Accordion>
      <Accordion testId="section-account" title="Account settings">
        <AccountSettings account={result.account} />
      </Accordion>
      <Accordion testId="section-activity-types" title={`Activity types (${result.activityTypes.length})`}>
        <ActivityTypes types={result.activityTypes} objects={result.objects} sourceName={sourceName} />
      </Accordion>
      <Accordion testId="section-not-transferred" title={`Not transferred (${result.notTransferred.length})`}>
        <NotTransferred items={result.notTransferred} sourceName={sourceName} />
      </Accordion>
    </Flex>
  );
}
