import { type BaseContext, Flex } from '@hubspot/ui-extensions';
import type { SourceApp } from '../contracts/sources.ts';
import { AuditResults } from './AuditResults.tsx';
import { AuditStatus } from './AuditStatus.tsx';
import { ExportResults } from './ExportResults.tsx';
import { useAudit } from './useAudit.ts';

interface AuditWorkspaceProps {
  source: Pick<SourceApp, 'id' | 'name'>;
  context: BaseContext;
  /** The audit moved on (started, paused, finished…) or the connection is gone: refresh what depends on it. */
  onChanged?: () => void;
}

/** The whole audit flow of a connected source: run it, follow it, read, compare, search and export its results. */
export function AuditWorkspace({ source, context, onChanged }: AuditWorkspaceProps) {
  const audit = useAudit(source.id, context, onChanged);
  const { state } = audit;
  const response = state.status === 'success' ? state.data : null;
  const result = response?.job.status === 'COMPLETE' ? response.result : null;
  return (
    <Flex direction="column" gap="md" testId={`audit-workspace-${source.id}`}>
      <AuditStatus
        audit={audit}
        sourceName={source.name}
        timeZone={context.portal.timezone}
        completeActions={(complete) => <ExportResults key={complete.id} auditId={complete.id} context={context} />}
      />
      {response !== null && result !== null && (
        <AuditResults
          response={response}
          result={result}
          source={source}
          context={context}
          onReconnected={() => onChanged?.()}
        />
      )}
    </Flex>
  );
}
