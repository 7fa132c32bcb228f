import { LoadingButton } from '@hubspot/ui-extensions';
import type { AuditController } from './useAudit.ts';

interface StartAuditButtonProps {
  audit: AuditController;
  /** "Audit my data" for the first audit, "Run a new audit" after one. */
  label: string;
  variant?: 'primary' | 'secondary';
}

/** Starts an audit of the connected source account. */
export function StartAuditButton({ audit, label, variant = 'primary' }: StartAuditButtonProps) {
  return (
    <LoadingButton
      testId="audit-start"
      variant={variant}
      loading={audit.pending === 'start'}
      disabled={audit.pending !== null}
      onClick={audit.start}
    >
      {label}
    </LoadingButton>
  );
}
