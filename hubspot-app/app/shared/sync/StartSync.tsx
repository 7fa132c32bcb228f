import { Checkbox, Flex, LoadingButton, Text } from '@hubspot/ui-extensions';
import { useState } from 'react';

interface StartSyncProps {
  /** The settings' automatic sync: on, the sync starts by itself when setup completes. */
  automaticSync: boolean;
  starting: boolean;
  onStart: () => void;
}

/**
 * Before the first sync. With automatic sync off the sync waits for the user: "Start sync" opens once they
 * confirm they checked the field mappings and record filters (as HubSpot's own Smart Transfer asks).
 */
export function StartSync({ automaticSync, starting, onStart }: StartSyncProps) {
  const [confirmed, setConfirmed] = useState(false);
  return (
    <Flex direction="column" gap="sm" testId="sync-not-started">
      {automaticSync ? (
        <Text testId="sync-automatic">
          Automatic sync is on: your records start moving by themselves once HubSpot is prepared. You can also start the
          sync now.
        </Text>
      ) : (
        <>
          <Text testId="sync-manual">
            Automatic sync is off. Check the field mappings and record filters in Prepare HubSpot, then start the sync.
          </Text>
          <Checkbox
            testId="sync-confirm"
            name="sync-confirm"
            checked={confirmed}
            onChange={(checked: boolean) => setConfirmed(checked)}
          >
            I checked the field mappings and record filters
          </Checkbox>
        </>
      )}
      <Flex direction="row" gap="sm">
        <LoadingButton
          testId="sync-start"
          variant="primary"
          loading={starting}
          disabled={!automaticSync && !confirmed}
          onClick={onStart}
        >
          Start sync
        </LoadingButton>
      </Flex>
    </Flex>
  );
}
