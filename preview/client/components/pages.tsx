/** App page components: PageLink and PageBreadcrumbs (+ PageLink, Current), which move between app pages. */
import { Children, type MouseEvent, type ReactNode } from 'react';
import { navigateTo, pageHref } from '../page-navigation.ts';
import { testAttrs } from './support.tsx';

interface PageLinkProps {
  to?: unknown;
  params?: unknown;
  testId?: string;
  children?: ReactNode;
}

const stringParams = (params: unknown): Record<string, string> =>
  params && typeof params === 'object'
    ? Object.fromEntries(Object.entries(params as Record<string, unknown>).map(([key, value]) => [key, String(value)]))
    : {};

/** An anchor with the page's real URL; a plain click moves in place, a modified one opens a new tab. */
function AppPageAnchor({ to, params, testId, children, className }: PageLinkProps & { className: string }) {
  const target = { to: typeof to === 'string' ? to : '/', params: stringParams(params) };
  const onClick = (event: MouseEvent<HTMLAnchorElement>) => {
    if (event.metaKey || event.ctrlKey || event.shiftKey || event.button !== 0) return;
    event.preventDefault();
    navigateTo(target);
  };
  return (
    <a className={className} href={pageHref(target)} onClick={onClick} {...testAttrs(testId)}>
      {children}
    </a>
  );
}

export function PageLink(props: PageLinkProps) {
  return <AppPageAnchor {...props} className="pv-link pv-link-primary" />;
}

export function PageBreadcrumbs({ testId, children }: { testId?: string; children?: ReactNode }) {
  const crumbs = Children.toArray(children);
  return (
    <nav className="pv-page-crumbs" aria-label="Breadcrumbs" {...testAttrs(testId)}>
      {crumbs.map((crumb, index) => (
        <span key={index} className="pv-page-crumb">
          {index > 0 && (
            <span className="pv-page-crumb-separator" aria-hidden="true">
              ›
            </span>
          )}
          {crumb}
        </span>
      ))}
    </nav>
  );
}

export function PageBreadcrumbsPageLink(props: PageLinkProps) {
  return <AppPageAnchor {...props} className="pv-link pv-link-primary" />;
}

export function PageBreadcrumbsCurrent({ testId, children }: { testId?: string; children?: ReactNode }) {
  return (
    <span className="pv-page-crumb-current" aria-current="page" {...testAttrs(testId)}>
      {children}
    </span>
  );
}
