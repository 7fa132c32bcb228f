import { Alert, Text } from '@hubspot/ui-extensions';
import type { SettingsResponse } from '../contracts/settings.ts';

/** Settings made on an older audit: what carrying them over to the latest one changed. */
export function CarriedOverChanges({ settings }: { settings: SettingsResponse }) {
  if (settings.changes.length === 0) return null;
  return (
    <Alert testId="carried-over-changes" title="Your settings were made on an earlier audit" variant="warning">
      <Text>They were carried over to the latest audit with these differences. Save to keep them.</Text>
      {settings.changes.map((change) => (
        <Text key={`${change.area}:${change.objectKey ?? ''}:${change.key}`} testId={`settings-change-${change.key}`}>
          {change.message}
        </Text>
      ))}
    </Alert>
  );
}
