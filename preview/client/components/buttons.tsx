/** Buttons: Button, LoadingButton, ButtonRow, Dropdown (+ ButtonItem), and the app home header actions. */
import { type ReactNode, useEffect, useRef, useState } from 'react';
import { openOverlay } from '../host-state.ts';
import { useOverlayOwner } from './overlays.tsx';
import { call, callClick, cx, type Handler, hrefOf, size, testAttrs } from './support.tsx';

interface ButtonProps {
  testId?: string;
  children?: ReactNode;
  onClick?: Handler;
  href?: unknown;
  disabled?: boolean;
  variant?: string;
  size?: string;
  type?: 'button' | 'reset' | 'submit';
  overlay?: ReactNode;
  loading?: boolean;
  truncate?: boolean;
}

/**
 * HubSpot's button: `onClick(event, reactions)`, an `href` (opened in a new tab when external, both
 * run when both are given) and an `overlay` (Modal / Panel) that opens on click.
 */
export function Button({
  testId,
  children,
  onClick,
  href,
  disabled,
  variant = 'secondary',
  size: buttonSize,
  type = 'button',
  overlay,
  loading,
  truncate,
}: ButtonProps) {
  const owner = useOverlayOwner(overlay);
  const target = hrefOf(href);
  const className = cx(
    'pv-button',
    `pv-button-${variant}`,
    `pv-button-${size(buttonSize, 'md')}`,
    loading && 'pv-button-loading',
    truncate && 'pv-truncate',
  );
  const inactive = disabled === true || loading === true;
  const click = () => {
    owner.ids().forEach(openOverlay);
    callClick(onClick);
  };
  const content = (
    <>
      {loading && <span className="pv-spinner pv-spinner-xs" aria-hidden="true" />}
      <span className="pv-button-label">{children}</span>
      {target?.external && (
        <span className="pv-external" aria-hidden="true">
          ↗
        </span>
      )}
    </>
  );
  return (
    <>
      {target && !inactive ? (
        <a
          className={className}
          href={target.url}
          role="button"
          {...(target.external ? { target: '_blank', rel: 'noopener noreferrer' } : {})}
          onClick={click}
          {...testAttrs(testId)}
        >
          {content}
        </a>
      ) : (
        <button
          type={type}
          className={className}
          disabled={inactive}
          aria-busy={loading === true ? true : undefined}
          onClick={type === 'submit' ? () => callClick(onClick) : click}
          {...testAttrs(testId)}
        >
          {content}
        </button>
      )}
      {owner.node}
    </>
  );
}

export function LoadingButton(props: ButtonProps) {
  return <Button {...props} />;
}

export function ButtonRow({ testId, children }: { testId?: string; children?: ReactNode }) {
  return (
    <div className="pv-button-row" {...testAttrs(testId)}>
      {children}
    </div>
  );
}

interface DropdownProps {
  testId?: string;
  children?: ReactNode;
  options?: { label: string; onClick?: Handler }[];
  variant?: string;
  buttonText?: string;
  buttonSize?: string;
  disabled?: boolean;
}

export function Dropdown({
  testId,
  children,
  options,
  variant = 'primary',
  buttonText = 'More',
  buttonSize,
  disabled,
}: DropdownProps) {
  const [open, setOpen] = useState(false);
  const root = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!open) return undefined;
    const close = (event: MouseEvent) => {
      if (root.current && !root.current.contains(event.target as Node)) setOpen(false);
    };
    document.addEventListener('mousedown', close);
    return () => document.removeEventListener('mousedown', close);
  }, [open]);
  return (
    <div className="pv-dropdown" ref={root} {...testAttrs(testId)}>
      <button
        type="button"
        className={cx('pv-button', `pv-button-${variant}`, `pv-button-${size(buttonSize, 'md')}`)}
        aria-haspopup="menu"
        aria-expanded={open}
        disabled={disabled === true}
        onClick={() => setOpen(!open)}
      >
        {buttonText} <span aria-hidden="true">▾</span>
      </button>
      {/* Kept mounted so overlays carried by the items stay alive; hidden while closed. */}
      <div role="menu" className="pv-dropdown-menu" hidden={!open} onClick={() => setOpen(false)}>
        {(options ?? []).map((option, index) => (
          <button
            key={index}
            type="button"
            role="menuitem"
            className="pv-dropdown-item"
            onClick={() => call(option.onClick)}
          >
            {option.label}
          </button>
        ))}
        {children}
      </div>
    </div>
  );
}

export function DropdownButtonItem({ testId, children, onClick, overlay }: ButtonProps) {
  const owner = useOverlayOwner(overlay);
  return (
    <>
      <button
        type="button"
        role="menuitem"
        className="pv-dropdown-item"
        onClick={() => {
          owner.ids().forEach(openOverlay);
          callClick(onClick);
        }}
        {...testAttrs(testId)}
      >
        {children}
      </button>
      {owner.node}
    </>
  );
}

export function HeaderActions({ testId, children }: { testId?: string; children?: ReactNode }) {
  return (
    <div className="pv-header-actions" {...testAttrs(testId)}>
      {children}
    </div>
  );
}

export function PrimaryHeaderActionButton(props: ButtonProps) {
  return <Button {...props} variant="primary" />;
}

export function SecondaryHeaderActionButton(props: ButtonProps) {
  return <Button {...props} variant="secondary" />;
}
