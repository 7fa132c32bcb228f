import { Alert, type BaseContext, Flex, Text } from '@hubspot/ui-extensions';
import { ConnectSource } from '../connect/ConnectSource.tsx';
import type { AuditAccess } from '../contracts/audit.ts';
import type { SourceApp } from '../contracts/sources.ts';

interface AccessWarningProps {
  access: AuditAccess | null;
  source: Pick<SourceApp, 'id' | 'name'>;
  context: BaseContext;
  onReconnected: () => void;
}

/**
 * The top of the audit when it may not see everything: the connecting user is not an admin, a scope is
 * missing or the source refused a list. Says so plainly and offers to connect again as an admin.
 */
export function AccessWarning({ access, source, context, onReconnected }: AccessWarningProps) {
  if (access === null || access.warnings.length === 0) return null;
  return (
    <Alert testId="access-warning" title={`This audit may not show everything in ${source.name}`} variant="warning">
      <Flex direction="column" gap="sm">
        {access.warnings.map((warning) => (
          <Text key={warning}>{warning}</Text>
        ))}
        {access.action === 'connect_as_admin' && (
          <Flex direction="column" gap="xs">
            <Text variant="microcopy">{`Connect ${source.name} again as an admin, granting every permission asked for, then run a new audit.`}</Text>
            <ConnectSource source={source} context={context} label="Connect as an admin" onConnected={onReconnected} />
          </Flex>
        )}
      </Flex>
    </Alert>
  );
}
