import { describe, expect, it } from '@jest/globals';
import { locationOf, locationUrl, resolvePageLink } from '../../preview/shared/app-page-location.ts';

describe('app page links (PageLink / navigateToPage targets)', () => {
  it('fills :tokens from params and keeps the other params as the query', () => {
    expect(resolvePageLink({ to: '/sources/:source/audit', params: { source: 'pipedrive', tab: 'fields' } })).toEqual({
      path: '/sources/pipedrive/audit',
      params: { tab: 'fields' },
    });
  });

  it('reads the index page from "/" and "", and keeps a query written in `to`', () => {
    expect(resolvePageLink({ to: '' })).toEqual({ path: '/', params: {} });
    expect(resolvePageLink({ to: '/' })).toEqual({ path: '/', params: {} });
    expect(resolvePageLink({ to: '/docs/?section=start' })).toEqual({ path: '/docs', params: { section: 'start' } });
  });

  it('escapes a param that would change the path', () => {
    expect(resolvePageLink({ to: '/sources/:source', params: { source: 'a/b?c' } }).path).toBe('/sources/a%2Fb%3Fc');
  });

  it('puts a location below the preview path and reads it back from the URL', () => {
    const location = { path: '/sources/pipedrive/setup', params: { step: '2' } };
    const url = locationUrl('/preview/home', location);
    expect(url).toBe('/preview/home/sources/pipedrive/setup?step=2');
    const [pathname = '', search = ''] = url.split('?');
    expect(locationOf('/preview/home', pathname, `?${search}`)).toEqual(location);
    expect(locationUrl('/preview/home', { path: '/', params: {} })).toBe('/preview/home');
    expect(locationOf('/preview/home', '/preview/home', '')).toEqual({ path: '/', params: {} });
  });
});
