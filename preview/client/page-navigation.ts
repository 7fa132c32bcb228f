/**
 * The app pages' location, kept by the host as HubSpot keeps it: in the browser's URL. The app home
 * runs at its preview path (`/preview/home`) and each app page below it (`/preview/home/sources/x/audit`),
 * so a page can be reloaded, bookmarked and left with the browser's Back button. Links (PageLink,
 * PageBreadcrumbs.PageLink) and `actions.navigateToPage` come here; the worker hears every change and
 * its `useAppPageLocation()` (what the SDK's page router reads) follows.
 */
import {
  type AppPageLocation,
  locationOf,
  locationUrl,
  type PageLinkTarget,
  resolvePageLink,
} from '../shared/app-page-location.ts';

interface AppPagesHost {
  /** The preview path the app pages run under (the app home's). */
  basePath: string;
  /** Whether this preview page runs the app pages (else a link leaves for them). */
  here: boolean;
  /** Tells the extension's worker where it now is. */
  notify: (location: AppPageLocation) => void;
}

let host: AppPagesHost | null = null;

/** Where the browser's URL puts the app pages now. */
export function currentPageLocation(basePath: string): AppPageLocation {
  return locationOf(basePath, window.location.pathname, window.location.search);
}

/** Connects the page's app pages to the browser's history: Back and Forward move the extension too. */
export function connectAppPages(pages: AppPagesHost): () => void {
  host = pages;
  const onPopState = () => pages.notify(currentPageLocation(pages.basePath));
  if (pages.here) window.addEventListener('popstate', onPopState);
  return () => {
    window.removeEventListener('popstate', onPopState);
    if (host === pages) host = null;
  };
}

/** The URL a link points at (for its href: open in a new tab, copy the address). */
export function pageHref(target: PageLinkTarget): string {
  return host ? locationUrl(host.basePath, resolvePageLink(target)) : '#';
}

/** Follows a link to an app page: in place on the app pages' own preview page, else by loading it. */
export function navigateTo(target: PageLinkTarget): void {
  if (!host) return;
  const location = resolvePageLink(target);
  const url = locationUrl(host.basePath, location);
  if (!host.here) {
    window.location.assign(url);
    return;
  }
  window.history.pushState(null, '', url);
  host.notify(location);
}
