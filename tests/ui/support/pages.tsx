import { SearchInput, StatusTag, Tab, Tabs, Text, Tile } from '@hubspot/ui-extensions';
import { createRenderer } from '@hubspot/ui-extensions/testing';
import { expect } from '@jest/globals';
import { HomePage } from '../../../hubspot-app/app/pages/HomePage.tsx';
import { SettingsPage } from '../../../hubspot-app/app/settings/SettingsPage.tsx';
import { fire } from './fire.ts';
import { mount } from './mount.tsx';

/** The settings page, mounted; `tab(id)` is one of its tabs, `stateOf` a step's state tag in a tab. */
export function renderSettings() {
  const renderer = createRenderer('settings');
  mount(renderer, <SettingsPage context={renderer.mocks.context} actions={renderer.mocks.actions} />);
  const tab = (tabId: string) => renderer.find(Tab, { tabId });
  const stateOf = (stepId: string, within = tab('user-guide')) =>
    within.find(StatusTag, { testId: `step-state-${stepId}` }).text;
  /** Waits for the page to load, then switches to the Smart Transfer tab. */
  const openSmartTransferTab = async () => {
    await renderer.waitFor(() => expect(renderer.maybeFind(Tabs)).not.toBeNull());
    fire(renderer.find(Tabs), 'onSelectedChange', 'smart-transfer');
    await renderer.waitFor(() => expect(renderer.find(Tabs).props.selected).toBe('smart-transfer'));
  };
  return { ...renderer, tab, stateOf, openSmartTransferTab };
}

/** The app home, mounted; `appNames()` lists the app tiles shown, `typeInSearch` types in the app search. */
export function renderHome() {
  const renderer = createRenderer('home');
  mount(renderer, <HomePage context={renderer.mocks.context} />);
  const appNames = () => renderer.findAll(Tile).map((tile) => tile.findAll(Text)[0]?.text);
  const typeInSearch = (value: string) =>
    fire(renderer.find(SearchInput, { testId: 'source-search' }), 'onInput', value);
  return { ...renderer, appNames, typeInSearch };
}
