/**
 * App page locations, as HubSpot's app pages use them: `useAppPageLocation()` returns `{ path, params }`,
 * and a link (`PageLink`, `PageBreadcrumbs.PageLink`, `PageHeader.PageLink`) or `navigateToPage` names a
 * page as `{ to, params }`: "Parameters matching `:paramName` tokens in `to` are substituted into the
 * path. Any remaining parameters are appended as query string entries" (the package's PageLinkProps).
 * Plain code: the preview host, its worker and the UI tests' renderer all use it.
 */

export interface AppPageLocation {
  path: string;
  params: Record<string, string>;
}

export interface PageLinkTarget {
  to: string;
  params?: Record<string, string>;
}

/** `/a//b/` → `/a/b`; an empty path is the index page `/`. */
function normalisePath(path: string): string {
  const segments = path.split('/').filter((segment) => segment !== '');
  return `/${segments.join('/')}`;
}

/** Where a link goes: `:tokens` of `to` filled from `params`, the other params kept as the query. */
export function resolvePageLink({ to, params = {} }: PageLinkTarget): AppPageLocation {
  const [rawPath = '', rawQuery = ''] = to.split('?', 2);
  const query: Record<string, string> = Object.fromEntries(new URLSearchParams(rawQuery));
  const used = new Set<string>();
  const path = rawPath.replace(/:([A-Za-z_][A-Za-z0-9_]*)/g, (token, name: string) => {
    const value = params[name];
    if (value === undefined) return token;
    used.add(name);
    return encodeURIComponent(value);
  });
  for (const [name, value] of Object.entries(params)) if (!used.has(name)) query[name] = value;
  return { path: normalisePath(path), params: query };
}

/** The URL of a location below `basePath` (the preview page that runs the app pages). */
export function locationUrl(basePath: string, location: AppPageLocation): string {
  const query = new URLSearchParams(location.params).toString();
  const path = location.path === '/' ? '' : location.path;
  return `${basePath}${path}${query ? `?${query}` : ''}`;
}

/** The location a URL below `basePath` shows (`pathname` and `search` of the browser's URL). */
export function locationOf(basePath: string, pathname: string, search: string): AppPageLocation {
  const below = pathname.startsWith(basePath) ? pathname.slice(basePath.length) : '/';
  return {
    path: normalisePath(below),
    params: Object.fromEntries(new URLSearchParams(search)),
  };
}
