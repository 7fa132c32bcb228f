import { EmptyState, Text } from '@hubspot/ui-extensions';
import { StartAuditButton } from './StartAuditButton.tsx';
import type { AuditController } from './useAudit.ts';

/** No audit yet: what one does, and the button that starts it. */
export function AuditEmpty({ audit, sourceName }: { audit: AuditController; sourceName: string }) {
  return (
    <EmptyState testId="audit-empty" title="No audit yet" imageName="multipleObjects" layout="vertical">
      <Text>
        An audit reads your {sourceName} account (objects, fields, pipelines, users and currencies) and shows what each
        becomes in HubSpot. It changes nothing in either account.
      </Text>
      <StartAuditButton audit={audit} label="Audit my data" />
    </EmptyState>
  );
}
