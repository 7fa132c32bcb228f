import { Tag } from '@hubspot/ui-extensions';
import type { SourceAvailability } from '../../shared/contracts/sources.ts';

/** Whether a source app can be transferred from today. */
export function AvailabilityTag({ availability, testId }: { availability: SourceAvailability; testId?: string }) {
  return availability === 'available' ? (
    <Tag variant="success" testId={testId}>
      Available
    </Tag>
  ) : (
    <Tag variant="default" testId={testId}>
      Coming soon
    </Tag>
  );
}
