/**
 * The host page's own state, outside the extension: which overlays (Modal / Panel) are open, the
 * alerts from `actions.addAlert`, and an iframe modal from `actions.openIframeModal`. Components read
 * it with useHostState(); the extension changes it through actions and reactions.
 */
import { useSyncExternalStore } from 'react';

export interface HostAlert {
  id: number;
  type: string;
  title?: string;
  message: string;
}

export interface IframeModal {
  uri: string;
  title?: string;
  width: number;
  height: number;
  onClose?: () => void;
}

interface State {
  openOverlays: readonly string[];
  alerts: readonly HostAlert[];
  iframe: IframeModal | null;
}

let state: State = { openOverlays: [], alerts: [], iframe: null };
const listeners = new Set<() => void>();
let nextAlertId = 1;
/** onClose handlers of the overlays currently mounted, by overlay id. */
const closeHandlers = new Map<string, () => void>();

function set(next: Partial<State>): void {
  state = { ...state, ...next };
  for (const listener of listeners) listener();
}

export function useHostState(): State {
  return useSyncExternalStore(
    (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    () => state,
  );
}

export function openOverlay(id: string): void {
  if (!state.openOverlays.includes(id)) set({ openOverlays: [...state.openOverlays, id] });
}

/** Closes an overlay and tells the extension (its onClose), as HubSpot does. */
export function closeOverlay(id: string): void {
  if (!state.openOverlays.includes(id)) return;
  set({ openOverlays: state.openOverlays.filter((open) => open !== id) });
  closeHandlers.get(id)?.();
}

export function registerCloseHandler(id: string, handler: (() => void) | undefined): () => void {
  if (handler) closeHandlers.set(id, handler);
  return () => {
    if (closeHandlers.get(id) === handler) closeHandlers.delete(id);
  };
}

/** HubSpot's `reactions` argument of click handlers: opens and closes overlays by id. */
export const reactions = {
  openModal: (id: string) => openOverlay(id),
  closeModal: (id: string) => closeOverlay(id),
  openPanel: (id: string) => openOverlay(id),
  closePanel: (id: string) => closeOverlay(id),
};

export function addAlert(alert: { type?: string; title?: string; message: string }): void {
  const entry: HostAlert = {
    id: nextAlertId++,
    type: alert.type ?? 'info',
    message: String(alert.message),
    ...(alert.title === undefined ? {} : { title: String(alert.title) }),
  };
  set({ alerts: [...state.alerts, entry] });
}

export function dismissAlert(id: number): void {
  set({ alerts: state.alerts.filter((alert) => alert.id !== id) });
}

export function openIframe(modal: IframeModal): void {
  set({ iframe: modal });
}

export function closeIframe(): void {
  const { iframe } = state;
  set({ iframe: null });
  iframe?.onClose?.();
}
