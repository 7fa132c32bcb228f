import {
  Alert,
  type BaseContext,
  Button,
  Flex,
  LoadingButton,
  Statistics,
  StatisticsItem,
  Text,
} from '@hubspot/ui-extensions';
import { useMemo } from 'react';
import { Loadable } from '../components/Loadable.tsx';
import type { SetupReadiness } from '../contracts/settings.ts';
import type { SetupReview } from '../contracts/setup.ts';
import type { SourceId } from '../contracts/sources.ts';
import { formatCount } from '../format.ts';
import { useApiQuery } from '../useApi.ts';
import { otherEmailsLine } from './other-emails.ts';
import { ReviewObjectsTable } from './ReviewObjectsTable.tsx';
import { getSetupReview } from './setup-endpoints.ts';

interface ReviewStepProps {
  source: SourceId;
  context: BaseContext;
  readiness: SetupReadiness;
  /** The settings' choice for persons' other e-mail addresses (its cost is shown). */
  addSecondaryEmails: boolean;
  starting: boolean;
  onBack: () => void;
  onTransfer: () => void;
}

/** Step 3: what setup will create, reuse, skip or fail per object, read from the portal now; then Transfer. */
export function ReviewStep({ source, context, ...body }: ReviewStepProps) {
  const review = useApiQuery(
    useMemo(() => getSetupReview(source), [source]),
    context,
  );
  return (
    <Loadable
      state={review.state}
      loadingLabel="Reading your HubSpot account"
      errorTitle="We couldn't review the setup"
      onRetry={review.reload}
    >
      {(data) => <ReviewBody review={data} {...body} />}
    </Loadable>
  );
}

function ReviewBody({
  review,
  readiness,
  addSecondaryEmails,
  starting,
  onBack,
  onTransfer,
}: Omit<ReviewStepProps, 'source' | 'context'> & { review: SetupReview }) {
  const { totals } = review;
  return (
    <Flex direction="column" gap="md">
      <Statistics testId="review-totals">
        <StatisticsItem label="To create" number={formatCount(totals.create)} />
        <StatisticsItem label="To reuse" number={formatCount(totals.reuse)} />
        <StatisticsItem label="Skipped" number={formatCount(totals.skip)} />
        <StatisticsItem label="Can't be created" number={formatCount(totals.fail)} />
      </Statistics>
      {!review.workflowsAvailable && (
        <Alert testId="review-no-workflows" title="This HubSpot account can't have workflows" variant="info">
          <Text>
            The sync writes the close date in the same call that closes a deal, and keeps the created date in a "created
            in the source app" property.
          </Text>
        </Alert>
      )}
      {review.objects.length === 0 ? (
        <Text testId="review-nothing">Setup has nothing to create with these settings.</Text>
      ) : (
        <ReviewObjectsTable review={review} />
      )}
      <Text testId="review-other-emails">{otherEmailsLine(addSecondaryEmails)}</Text>
      {!readiness.ready && (
        <Alert testId="review-not-ready" title="Fill these in before the transfer" variant="warning">
          {readiness.missing.map((gap) => (
            <Text key={gap.path}>{gap.message}</Text>
          ))}
        </Alert>
      )}
      <Flex direction="row" gap="sm">
        <Button testId="review-back" onClick={onBack}>
          Back
        </Button>
        <LoadingButton
          testId="setup-transfer"
          variant="primary"
          loading={starting}
          disabled={!readiness.ready}
          onClick={onTransfer}
        >
          Transfer
        </LoadingButton>
      </Flex>
    </Flex>
  );
}
