import type { BaseContext } from '@hubspot/ui-extensions';
import type { AuditResponse, AuditResult } from '../contracts/audit.ts';
import { AuditComparisonView } from './AuditComparisonView.tsx';
import { NoPreviousAudit } from './NoPreviousAudit.tsx';

interface AuditComparisonSectionProps {
  response: AuditResponse;
  result: AuditResult;
  sourceName: string;
  context: BaseContext;
}

/** What changed in the source since the audit before this one; nothing to ask for after the first audit. */
export function AuditComparisonSection({ response, result, sourceName, context }: AuditComparisonSectionProps) {
  if (response.previousAuditId === null) return <NoPreviousAudit sourceName={sourceName} />;
  return <AuditComparisonView auditId={response.id} result={result} sourceName={sourceName} context={context} />;
}
