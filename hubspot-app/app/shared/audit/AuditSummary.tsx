import { type BaseContext, Button } from '@hubspot/ui-extensions';
import type { SourceApp } from '../contracts/sources.ts';
import { AuditStatus } from './AuditStatus.tsx';
import { useAudit } from './useAudit.ts';

interface AuditSummaryProps {
  source: Pick<SourceApp, 'id' | 'name'>;
  context: BaseContext;
  /** Opens the full results (the Smart Transfer tab, or the app home's audit view). */
  onOpenResults: () => void;
  onChanged: () => void;
}

/**
 * The audit where there is no room for its full results (the User guide's task, an app's tile): start
 * it, follow it, see its headline numbers, then open the full results.
 */
export function AuditSummary({ source, context, onOpenResults, onChanged }: AuditSummaryProps) {
  const audit = useAudit(source.id, context, onChanged);
  return (
    <AuditStatus
      audit={audit}
      sourceName={source.name}
      timeZone={context.portal.timezone}
      completeActions={() => (
        <Button testId="audit-open-results" variant="primary" onClick={onOpenResults}>
          See the full results
        </Button>
      )}
    />
  );
}
