import type { BaseContext } from '@hubspot/ui-extensions';
import { useMemo } from 'react';
import { Loadable } from '../components/Loadable.tsx';
import type { AuditResult } from '../contracts/audit.ts';
import { getAuditComparison } from '../endpoints.ts';
import { useApiQuery } from '../useApi.ts';
import { ComparisonGroups } from './ComparisonGroups.tsx';
import { NoPreviousAudit } from './NoPreviousAudit.tsx';

interface AuditComparisonViewProps {
  auditId: string;
  result: AuditResult;
  sourceName: string;
  context: BaseContext;
}

/** Loads the comparison of an audit with the one before it and shows it. */
export function AuditComparisonView({ auditId, result, sourceName, context }: AuditComparisonViewProps) {
  const endpoint = useMemo(() => getAuditComparison(auditId), [auditId]);
  const comparison = useApiQuery(endpoint, context);
  const { state } = comparison;
  if (state.status === 'error' && state.error.code === 'no_previous_audit')
    return <NoPreviousAudit sourceName={sourceName} />;
  return (
    <Loadable
      state={state}
      loadingLabel="Comparing with the previous audit"
      errorTitle="We couldn't compare this audit with the previous one"
      onRetry={comparison.reload}
    >
      {(data) => <ComparisonGroups comparison={data} objects={result.objects} />}
    </Loadable>
  );
}
