/**
 * Modal and Panel: mounted where the extension puts them (usually a Button's `overlay`), shown in the
 * page's overlay layer while their id is open (reactions.openModal / openPanel, or a click on the
 * button that carries them); closed by their close button, Escape, the backdrop, reactions or
 * actions.closeOverlay, which calls their onClose.
 */
import { createContext, type ReactNode, useContext, useEffect, useRef } from 'react';
import { createPortal } from 'react-dom';
import { closeOverlay, registerCloseHandler, useHostState } from '../host-state.ts';
import { call, cx, type Handler, size, testAttrs } from './support.tsx';

/** Lets an overlay tell the component that carries it (Button, Link, Tag…) its id. */
const OverlayOwnerContext = createContext<((id: string) => () => void) | null>(null);

/** Renders a component's `overlay` fragment and collects the ids of the overlays in it. */
export function useOverlayOwner(overlay: ReactNode): { ids: () => string[]; node: ReactNode } {
  const ids = useRef(new Set<string>());
  const register = useRef((id: string) => {
    ids.current.add(id);
    return () => {
      ids.current.delete(id);
    };
  });
  const node = overlay ? (
    <OverlayOwnerContext.Provider value={register.current}>{overlay}</OverlayOwnerContext.Provider>
  ) : null;
  return { ids: () => [...ids.current], node };
}

function overlayLayer(): HTMLElement {
  let layer = document.getElementById('pv-overlays');
  if (!layer) {
    layer = document.createElement('div');
    layer.id = 'pv-overlays';
    document.body.appendChild(layer);
  }
  return layer;
}

interface OverlayProps {
  id: string;
  title?: string;
  width?: string;
  variant?: string;
  onOpen?: Handler;
  onClose?: Handler;
  testId?: string;
  'aria-label'?: string;
  children?: ReactNode;
}

function useOverlay({ id, onOpen, onClose }: OverlayProps): boolean {
  const register = useContext(OverlayOwnerContext);
  const open = useHostState().openOverlays.includes(id);
  useEffect(() => register?.(id), [register, id]);
  useEffect(() => registerCloseHandler(id, onClose ? () => call(onClose) : undefined), [id, onClose]);
  const wasOpen = useRef(false);
  useEffect(() => {
    if (open && !wasOpen.current) call(onOpen);
    wasOpen.current = open;
  }, [open, onOpen]);
  useEffect(() => {
    if (!open) return undefined;
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Escape') closeOverlay(id);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [open, id]);
  return open;
}

function OverlayFrame({ kind, props }: { kind: 'modal' | 'panel'; props: OverlayProps }) {
  const { id, title, width, variant, testId, children } = props;
  const titleId = `pv-${kind}-title-${id}`;
  return createPortal(
    <div
      className={cx('pv-backdrop', `pv-backdrop-${kind}`)}
      onMouseDown={(event) => event.target === event.currentTarget && closeOverlay(id)}
    >
      <section
        role="dialog"
        aria-modal="true"
        aria-labelledby={title ? titleId : undefined}
        aria-label={title ? undefined : (props['aria-label'] ?? id)}
        className={cx(`pv-${kind}`, `pv-${kind}-${size(width, 'md')}`, variant === 'danger' && 'pv-overlay-danger')}
        {...testAttrs(testId)}
      >
        <header className="pv-overlay-header">
          <h2 id={titleId}>{title}</h2>
          <button type="button" className="pv-overlay-close" aria-label="Close" onClick={() => closeOverlay(id)}>
            ×
          </button>
        </header>
        <div className="pv-overlay-content">{children}</div>
      </section>
    </div>,
    overlayLayer(),
  );
}

export function Modal(props: OverlayProps) {
  return useOverlay(props) ? <OverlayFrame kind="modal" props={props} /> : null;
}

export function Panel(props: OverlayProps) {
  return useOverlay(props) ? <OverlayFrame kind="panel" props={props} /> : null;
}

const section =
  (className: string) =>
  ({ children, testId, flush }: { children?: ReactNode; testId?: string; flush?: boolean }) => (
    <div className={cx(className, flush === true && 'pv-flush')} {...testAttrs(testId)}>
      {children}
    </div>
  );

export const ModalBody = section('pv-overlay-body');
export const ModalFooter = section('pv-overlay-footer');
export const PanelBody = section('pv-overlay-body');
export const PanelSection = section('pv-panel-section');
export const PanelFooter = section('pv-overlay-footer');
