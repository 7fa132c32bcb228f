import { SearchInput, StatusTag, Tab, Tabs, Text, Tile } from '@hubspot/ui-extensions';
import { createRenderer } from '@hubspot/ui-extensions/testing';
import { expect } from '@jest/globals';
import { HomePage } from '../../../hubspot-app/app/pages/HomePage.tsx';
import { SettingsPage } from '../../../hubspot-app/app/settings/SettingsPage.tsx';
import {
  type AppPageLocation,
  type PageLinkTarget,
  resolvePageLink,
} from '../../../preview/shared/app-page-location.ts';
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

/**
 * The app home, mounted at `path`; `appNames()` lists the app tiles shown, `typeInSearch` types in the app
 * search. Navigation works as in HubSpot: `navigateToPage` moves the page router to its page, and
 * `follow(link)` clicks a page link (PageLink, PageBreadcrumbs.PageLink); `path()` is where the user is.
 */
export function renderHome(path = '/') {
  const renderer = createRenderer('pages');
  let current: AppPageLocation = resolvePageLink({ to: path });
  const goTo = (target: PageLinkTarget) => {
    current = resolvePageLink(target);
    renderer.mocks.setPageLocation(current);
  };
  // HubSpot carries the action out on its side of the worker boundary, after the handler has returned.
  renderer.mocks.actions.navigateToPage.willCall((target) => queueMicrotask(() => goTo(target)));
  goTo({ to: path });
  mount(renderer, <HomePage />);
  const appNames = () => renderer.findAll(Tile).map((tile) => tile.findAll(Text)[0]?.text);
  const typeInSearch = (value: string) =>
    fire(renderer.find(SearchInput, { testId: 'source-search' }), 'onInput', value);
  const follow = (link: { props: PageLinkTarget }) => goTo({ to: link.props.to, params: link.props.params ?? {} });
  return { ...renderer, appNames, typeInSearch, follow, path: () => current.path };
}
