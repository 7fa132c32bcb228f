/**
 * Tabs: a tab bar from the Tab children's titles, `onSelectedChange(tabId)` on a click; controlled by
 * `selected` when the extension gives it, else starting at `defaultSelected` or the first tab. Each Tab
 * shows its content only while selected.
 */
import { createContext, type ReactNode, useContext, useEffect, useState } from 'react';
import { call, cx, type Handler, testAttrs, useRemoteChildren } from './support.tsx';

const SelectedTab = createContext<{ selected: string; idOf: (tabId: unknown) => string }>({
  selected: '',
  idOf: () => '',
});

/** HubSpot tab ids may be strings or numbers; a Tab without one is known by its position. */
const idOf = (tabId: unknown, index: number): string =>
  tabId === undefined || tabId === null ? `#${index}` : String(tabId);

export function Tabs({
  testId,
  children,
  selected,
  defaultSelected,
  onSelectedChange,
  variant = 'default',
  fill,
}: {
  testId?: string;
  children?: ReactNode;
  selected?: string | number;
  defaultSelected?: string | number;
  onSelectedChange?: Handler;
  variant?: 'default' | 'enclosed';
  fill?: boolean;
}) {
  const tabs = useRemoteChildren(children)
    .filter((child) => child.type === 'Tab')
    .map((child, index) => ({
      id: idOf(child.props.tabId, index),
      tabId: child.props.tabId ?? index,
      title: typeof child.props.title === 'string' ? child.props.title : `Tab ${index + 1}`,
      disabled: child.props.disabled === true,
      tooltip: typeof child.props.tooltip === 'string' ? child.props.tooltip : undefined,
    }));
  const initial = selected ?? defaultSelected;
  const [current, setCurrent] = useState<string>(initial === undefined ? (tabs[0]?.id ?? '') : String(initial));
  useEffect(() => {
    if (selected !== undefined) setCurrent(String(selected));
  }, [selected]);
  // Tab children are indexed in render order; their ids resolve the same way in each Tab.
  let position = 0;
  const indexedIdOf = (tabId: unknown) => idOf(tabId, position++);
  return (
    <div className={cx('pv-tabs', `pv-tabs-${variant}`)} {...testAttrs(testId)}>
      <div role="tablist" className={cx('pv-tablist', fill && 'pv-tablist-fill')}>
        {tabs.map((tab) => (
          <button
            key={tab.id}
            type="button"
            role="tab"
            id={`pv-tab-${tab.id}`}
            aria-selected={tab.id === current}
            disabled={tab.disabled}
            title={tab.tooltip}
            className={cx('pv-tab', tab.id === current && 'pv-tab-selected')}
            onClick={() => {
              if (selected === undefined) setCurrent(tab.id);
              call(onSelectedChange, tab.tabId);
            }}
          >
            {tab.title}
          </button>
        ))}
      </div>
      <SelectedTab.Provider value={{ selected: current, idOf: indexedIdOf }}>{children}</SelectedTab.Provider>
    </div>
  );
}

export function Tab({
  tabId,
  testId,
  children,
}: {
  tabId?: string | number;
  title?: string;
  testId?: string;
  children?: ReactNode;
}) {
  const { selected, idOf: resolve } = useContext(SelectedTab);
  const [id] = useState(() => resolve(tabId));
  const own = tabId === undefined ? id : String(tabId);
  if (own !== selected) return null;
  return (
    <div role="tabpanel" aria-labelledby={`pv-tab-${own}`} className="pv-tabpanel" {...testAttrs(testId)}>
      {children}
    </div>
  );
}
