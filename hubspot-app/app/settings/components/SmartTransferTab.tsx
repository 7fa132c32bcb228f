import { type BaseContext, Divider, Flex, Text } from '@hubspot/ui-extensions';
import { AuditWorkspace } from '../../shared/audit/AuditWorkspace.tsx';
import type { GuideStep } from '../../shared/contracts/guide.ts';
import type { SourceApp } from '../../shared/contracts/sources.ts';
import { SetupWizard } from '../../shared/setup/SetupWizard.tsx';
import { connectedSource } from '../../shared/sources.ts';
import { SourceConnections } from './SourceConnections.tsx';
import { StepSummary } from './StepSummary.tsx';

interface SmartTransferTabProps {
  steps: GuideStep[];
  sources: SourceApp[];
  context: BaseContext;
  onConnected: () => void;
  onChanged: () => void;
}

/** The "Smart Transfer" tab: every step on its own, with what can be done in it. */
export function SmartTransferTab({ steps, sources, context, onConnected, onChanged }: SmartTransferTabProps) {
  const auditable = connectedSource(sources);
  return (
    <Flex direction="column" gap="md">
      <Text>Run each step of your transfer here. Steps that depend on earlier ones open once those are done.</Text>
      {steps.map((step, index) => (
        <Flex key={step.id} testId={`step-section-${step.id}`} direction="column" gap="sm">
          {index > 0 && <Divider />}
          <StepSummary step={step} title={step.title} asHeading />
          {step.id === 'connect' && <SourceConnections sources={sources} context={context} onConnected={onConnected} />}
          {step.id === 'audit' && step.state !== 'locked' && auditable !== undefined && (
            <AuditWorkspace source={auditable} context={context} onChanged={onChanged} />
          )}
          {step.id === 'configure' && step.state !== 'locked' && auditable !== undefined && (
            <SetupWizard source={auditable.id} context={context} onChanged={onChanged} />
          )}
        </Flex>
      ))}
    </Flex>
  );
}
