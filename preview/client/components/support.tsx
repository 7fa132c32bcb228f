/**
 * Helpers shared by the host components: calling the extension's handlers (remote functions that
 * return promises), HubSpot's event objects, spacing tokens, and the remote props of child components.
 */
import type { RemoteReceiver, RemoteReceiverAttachableComponent } from '@remote-ui/core';
import { Children, isValidElement, type ReactNode, useEffect, useReducer } from 'react';
import { reactions } from '../host-state.ts';

/** A prop that holds one of the extension's functions (a proxy across the worker boundary). */
export type Handler = ((...args: never[]) => unknown) | undefined;

/** Calls an extension handler if there is one; a failure is logged, never thrown into the host. */
export function call(handler: Handler, ...args: unknown[]): void {
  if (typeof handler !== 'function') return;
  try {
    const result = (handler as (...a: unknown[]) => unknown)(...args);
    if (result instanceof Promise)
      result.catch((error: unknown) => console.error('[preview] extension handler failed', error));
  } catch (error) {
    console.error('[preview] extension handler failed', error);
  }
}

let eventCounter = 0;

/** HubSpot's ExtensionEvent: plain data, not a DOM event. */
export function extensionEvent(type: string, timeStamp = performance.now()) {
  eventCounter += 1;
  return { type, bubbles: true, timeStamp, id: `preview-event-${eventCounter}` };
}

/** A click handler as HubSpot calls it: `onClick(event, reactions)`. */
export function callClick(handler: Handler, type = 'click'): void {
  call(handler, extensionEvent(type), reactions);
}

/** The data attribute Playwright's getByTestId reads, from HubSpot's `testId` prop. */
export const testAttrs = (testId: unknown): { 'data-testid'?: string } =>
  typeof testId === 'string' && testId !== '' ? { 'data-testid': testId } : {};

const SIZE_ALIASES: Record<string, string> = {
  flush: 'flush',
  'extra-small': 'xs',
  xs: 'xs',
  small: 'sm',
  sm: 'sm',
  medium: 'md',
  md: 'md',
  large: 'lg',
  lg: 'lg',
  'extra-large': 'xl',
  xl: 'xl',
};

/** HubSpot's distance tokens (`xs`, `small`, …) as our CSS sizes. */
export function size(token: unknown, fallback = 'md'): string {
  return (typeof token === 'string' && SIZE_ALIASES[token]) || fallback;
}

export const SPACE_PX: Record<string, number> = { flush: 0, xs: 4, sm: 8, md: 16, lg: 24, xl: 32 };

export const space = (token: unknown, fallback = 'md'): number => SPACE_PX[size(token, fallback)] ?? 16;

/** href may be a string or `{ url, external }`. */
export function hrefOf(href: unknown): { url: string; external: boolean } | null {
  if (typeof href === 'string') return { url: href, external: !href.startsWith('/') };
  if (href && typeof href === 'object' && typeof (href as { url?: unknown }).url === 'string') {
    const { url, external } = href as { url: string; external?: boolean };
    return { url, external: external ?? !url.startsWith('/') };
  }
  return null;
}

/** The remote component behind a child element the host renders (RemoteComponent's props). */
interface RemoteChildElementProps {
  component?: RemoteReceiverAttachableComponent;
  receiver?: RemoteReceiver;
}

export interface RemoteChild {
  type: string;
  props: Record<string, unknown>;
  element: ReactNode;
}

/**
 * The remote type and current props of each child (e.g. Tabs reading its Tab titles), re-rendering
 * when any of those children's props change.
 */
export function useRemoteChildren(children: ReactNode): RemoteChild[] {
  const [, refresh] = useReducer((n: number) => n + 1, 0);
  const list: RemoteChild[] = [];
  const watched: { receiver: RemoteReceiver; component: RemoteReceiverAttachableComponent }[] = [];
  Children.forEach(children, (element) => {
    if (!isValidElement<RemoteChildElementProps>(element)) return;
    const { component, receiver } = element.props;
    if (!component || !receiver) return;
    watched.push({ receiver, component });
    list.push({ type: component.type, props: (component.props ?? {}) as Record<string, unknown>, element });
  });
  const key = watched.map((entry) => entry.component.id).join(',');
  useEffect(() => {
    const unsubscribes = watched.map(({ receiver, component }) => receiver.attached.subscribe(component, refresh));
    return () => unsubscribes.forEach((unsubscribe) => unsubscribe());
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key]);
  return list;
}

export const cx = (...names: (string | false | null | undefined)[]): string => names.filter(Boolean).join(' ');
