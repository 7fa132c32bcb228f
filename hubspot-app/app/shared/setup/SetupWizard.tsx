import { type BaseContext, Button, EmptyState, Flex, StepIndicator, Text } from '@hubspot/ui-extensions';
import { useEffect, useMemo, useState } from 'react';
import { JobProblemAlert } from '../components/JobProblemAlert.tsx';
import { Loadable } from '../components/Loadable.tsx';
import type { AuditResponse } from '../contracts/audit.ts';
import type { SourceId } from '../contracts/sources.ts';
import { getLatestAudit } from '../endpoints.ts';
import { bothLoaded, type LoadState, useApiQuery } from '../useApi.ts';
import { ConfigureStep } from './ConfigureStep.tsx';
import { DataTypesStep } from './DataTypesStep.tsx';
import { ReviewStep } from './ReviewStep.tsx';
import { SetupProgress } from './SetupProgress.tsx';
import { useSettings } from './useSettings.ts';
import { useSetup } from './useSetup.ts';

export type WizardStep = 'data-types' | 'configure' | 'review' | 'transfer';
const STEPS: WizardStep[] = ['data-types', 'configure', 'review', 'transfer'];
const STEP_NAMES = ['Data types', 'Configure', 'Review', 'Transfer'];

interface SetupWizardProps {
  source: SourceId;
  context: BaseContext;
  /** Called when the setup transfer or its status changes (e.g. to refresh the User guide). */
  onChanged?: () => void;
}

/**
 * "Prepare HubSpot": Data types → Configure → Review → Transfer, on the latest complete audit. Each
 * step saves the settings (PATCH) before the next one opens; a source already set up opens on its
 * latest setup transfer.
 */
export function SetupWizard({ source, context, onChanged }: SetupWizardProps) {
  const audit = useApiQuery(
    useMemo(() => getLatestAudit(source), [source]),
    context,
  );
  const settings = useSettings(source, context);
  const setup = useSetup(source, context, onChanged);
  const [chosenStep, setChosenStep] = useState<WizardStep | null>(null);
  // The step to open once the save under way succeeds.
  const [afterSave, setAfterSave] = useState<WizardStep | null>(null);
  const saveStatus = settings.save.status;
  useEffect(() => {
    if (afterSave === null || saveStatus === 'loading') return;
    if (saveStatus === 'success') setChosenStep(afterSave);
    setAfterSave(null);
  }, [afterSave, saveStatus]);

  const loaded: LoadState<[AuditResponse, unknown]> = bothLoaded(audit.state, bothLoaded(settings.state, setup.state));
  const reloadAll = () => {
    audit.reload();
    settings.reload();
    setup.reload();
  };
  // Before the first audit the settings cannot be made either: say what to do first.
  if (audit.state.status === 'error' && audit.state.error.code === 'no_audit') return <NeedsAudit />;
  return (
    <Loadable
      state={loaded}
      loadingLabel="Loading your settings"
      errorTitle="We couldn't load your settings"
      onRetry={reloadAll}
    >
      {([latestAudit]) => {
        if (latestAudit.result === null || settings.state.status !== 'success' || setup.state.status !== 'success')
          return <NeedsAudit />;
        const current = settings.state.data;
        const transfer = setup.state.data;
        const step = chosenStep ?? (transfer === null ? 'data-types' : 'transfer');
        const saving = settings.save.status === 'loading';
        const saveThen = (next: WizardStep) => (patch: Parameters<typeof settings.update>[0]) => {
          // The save first: remote-ui renders each state change on its own (a legacy root, no batching), so
          // the wait must begin with this save already under way, not with the previous one's answer.
          settings.update(patch);
          setAfterSave(next);
        };
        const open = (next: WizardStep) => setChosenStep(next);
        return (
          <Flex direction="column" gap="md" testId="setup-wizard">
            <StepIndicator
              testId="setup-steps"
              stepNames={STEP_NAMES}
              currentStep={STEPS.indexOf(step)}
              // Only steps already passed can be opened from here: the later ones need a save first.
              onClick={(index: number) => {
                const target = STEPS[index];
                if (target !== undefined && index < STEPS.indexOf(step)) open(target);
              }}
            />
            <JobProblemAlert
              problem={setup.problem}
              what="the setup"
              testIdPrefix="setup"
              onCheckAgain={setup.reload}
            />
            {step === 'data-types' && (
              <DataTypesStep
                settings={current}
                saving={saving}
                saveError={settings.saveError}
                problemAt={settings.problemAt}
                onSave={(dataTypes) => saveThen('configure')({ dataTypes })}
              />
            )}
            {step === 'configure' && (
              <ConfigureStep
                audit={latestAudit.result}
                context={context}
                settings={current}
                saving={saving}
                saveError={settings.saveError}
                problemAt={settings.problemAt}
                onSave={saveThen('review')}
                onBack={() => open('data-types')}
              />
            )}
            {step === 'review' && (
              <ReviewStep
                source={source}
                context={context}
                readiness={current.readiness}
                addSecondaryEmails={current.settings.addSecondaryEmails}
                starting={setup.pending === 'start'}
                onBack={() => open('configure')}
                onTransfer={() => {
                  setup.start();
                  open('transfer');
                }}
              />
            )}
            {step === 'transfer' && transfer === null && (
              <Flex direction="row" gap="sm">
                <Button testId="setup-back-to-review" onClick={() => open('review')}>
                  Back to review
                </Button>
              </Flex>
            )}
            {step === 'transfer' && transfer !== null && (
              <SetupProgress
                setup={setup}
                transfer={transfer}
                context={context}
                onChangeSettings={() => open('data-types')}
              />
            )}
          </Flex>
        );
      }}
    </Loadable>
  );
}

function NeedsAudit() {
  return (
    <EmptyState testId="setup-needs-audit" title="Finish an audit first" layout="vertical">
      <Text>Prepare HubSpot works from your latest complete audit.</Text>
    </EmptyState>
  );
}
