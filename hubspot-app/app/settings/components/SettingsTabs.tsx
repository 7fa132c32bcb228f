import { type BaseContext, EmptyState, Tab, Tabs, Text } from '@hubspot/ui-extensions';
import type { GuideStep } from '../../shared/contracts/guide.ts';
import type { SourceApp } from '../../shared/contracts/sources.ts';
import { SmartTransferTab } from './SmartTransferTab.tsx';
import { UserGuideTab } from './UserGuideTab.tsx';

export const USER_GUIDE_TAB = 'user-guide';
export const SMART_TRANSFER_TAB = 'smart-transfer';
export type SettingsTab = typeof USER_GUIDE_TAB | typeof SMART_TRANSFER_TAB;

interface SettingsTabsProps {
  steps: GuideStep[];
  sources: SourceApp[];
  context: BaseContext;
  selected: SettingsTab;
  onSelect: (tab: SettingsTab) => void;
  onConnected: () => void;
  /** The transfer moved on (e.g. an audit ran): refresh the guide without leaving the page. */
  onChanged: () => void;
}

/** The two ways to run a transfer: the "User guide" checklist and the "Smart Transfer" steps. */
export function SettingsTabs({
  steps,
  sources,
  context,
  selected,
  onSelect,
  onConnected,
  onChanged,
}: SettingsTabsProps) {
  if (steps.length === 0) {
    return (
      <EmptyState testId="no-steps" title="Your transfer steps aren't ready yet" imageName="building" layout="vertical">
        <Text>Smart Transfer is still setting up your account. Reload this page in a minute.</Text>
      </EmptyState>
    );
  }
  return (
    <Tabs
      selected={selected}
      onSelectedChange={(id: string | number) =>
        onSelect(id === SMART_TRANSFER_TAB ? SMART_TRANSFER_TAB : USER_GUIDE_TAB)
      }
    >
      {/* Only the selected tab's content is rendered: one live instance of each action at a time. */}
      <Tab tabId={USER_GUIDE_TAB} title="User guide">
        {selected === USER_GUIDE_TAB && (
          <UserGuideTab
            steps={steps}
            sources={sources}
            context={context}
            onOpenStep={() => onSelect(SMART_TRANSFER_TAB)}
            onConnected={onConnected}
            onChanged={onChanged}
          />
        )}
      </Tab>
      <Tab tabId={SMART_TRANSFER_TAB} title="Smart Transfer">
        {selected === SMART_TRANSFER_TAB && (
          <SmartTransferTab
            steps={steps}
            sources={sources}
            context={context}
            onConnected={onConnected}
            onChanged={onChanged}
          />
        )}
      </Tab>
    </Tabs>
  );
}
