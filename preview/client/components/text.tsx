/** Text-like components: Text, Heading, Link, Tag, StatusTag, Icon, Image, Illustration, Tooltip. */
import type { CSSProperties, ReactNode } from 'react';
import { openOverlay } from '../host-state.ts';
import { useOverlayOwner } from './overlays.tsx';
import { call, callClick, cx, type Handler, hrefOf, testAttrs } from './support.tsx';

interface Base {
  testId?: string;
  children?: ReactNode;
}

interface TextFormat {
  fontWeight?: 'regular' | 'bold' | 'demibold';
  italic?: boolean;
  lineDecoration?: 'none' | 'underline' | 'strikethrough';
  textTransform?: 'none' | 'uppercase' | 'lowercase' | 'capitalize' | 'sentenceCase';
}

function formatStyle(format: TextFormat | undefined): CSSProperties {
  if (!format) return {};
  return {
    ...(format.fontWeight === 'bold'
      ? { fontWeight: 700 }
      : format.fontWeight === 'demibold'
        ? { fontWeight: 600 }
        : {}),
    ...(format.italic ? { fontStyle: 'italic' } : {}),
    ...(format.lineDecoration === 'underline'
      ? { textDecoration: 'underline' }
      : format.lineDecoration === 'strikethrough'
        ? { textDecoration: 'line-through' }
        : {}),
    ...(format.textTransform && format.textTransform !== 'none' && format.textTransform !== 'sentenceCase'
      ? { textTransform: format.textTransform }
      : {}),
  };
}

export function Text({
  variant = 'bodytext',
  inline,
  format,
  truncate,
  testId,
  children,
}: Base & {
  variant?: 'bodytext' | 'microcopy';
  inline?: boolean;
  format?: TextFormat;
  truncate?: boolean | { maxWidth?: number; tooltipText?: string };
}) {
  const Tag = inline ? 'span' : 'p';
  const truncated = truncate === true || (typeof truncate === 'object' && truncate !== null);
  const style: CSSProperties = {
    ...formatStyle(format),
    ...(truncated ? { overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' } : {}),
    ...(typeof truncate === 'object' && truncate?.maxWidth ? { maxWidth: truncate.maxWidth } : {}),
  };
  return (
    <Tag className={cx('pv-text', variant === 'microcopy' && 'pv-microcopy')} style={style} {...testAttrs(testId)}>
      {children}
    </Tag>
  );
}

export function Heading({ inline, testId, children }: Base & { inline?: boolean }) {
  return (
    <h2 className={cx('pv-heading', inline && 'pv-inline')} {...testAttrs(testId)}>
      {children}
    </h2>
  );
}

export function Link({
  href,
  variant = 'primary',
  onClick,
  preventDefault,
  overlay,
  testId,
  children,
}: Base & {
  href?: unknown;
  variant?: string;
  onClick?: Handler;
  preventDefault?: boolean;
  overlay?: ReactNode;
}) {
  const target = hrefOf(href);
  const owner = useOverlayOwner(overlay);
  return (
    <>
      <a
        className={cx('pv-link', `pv-link-${variant}`)}
        href={target?.url ?? '#'}
        {...(target?.external ? { target: '_blank', rel: 'noopener noreferrer' } : {})}
        onClick={(event) => {
          if (!target || preventDefault) event.preventDefault();
          owner.ids().forEach(openOverlay);
          callClick(onClick);
        }}
        {...testAttrs(testId)}
      >
        {children}
        {target?.external && (
          <span className="pv-external" aria-hidden="true">
            {' '}
            ↗
          </span>
        )}
      </a>
      {owner.node}
    </>
  );
}

export function Tag({
  variant = 'default',
  onClick,
  overlay,
  inline,
  testId,
  children,
}: Base & {
  variant?: string;
  onClick?: Handler;
  overlay?: ReactNode;
  inline?: boolean;
}) {
  const owner = useOverlayOwner(overlay);
  const clickable = typeof onClick === 'function' || overlay;
  const className = cx('pv-tag', `pv-tag-${variant}`, inline && 'pv-inline');
  return (
    <>
      {clickable ? (
        <button
          type="button"
          className={cx(className, 'pv-clickable')}
          onClick={() => {
            owner.ids().forEach(openOverlay);
            callClick(onClick);
          }}
          {...testAttrs(testId)}
        >
          {children}
        </button>
      ) : (
        <span className={className} {...testAttrs(testId)}>
          {children}
        </span>
      )}
      {owner.node}
    </>
  );
}

export function StatusTag({
  variant = 'default',
  hollow,
  onClick,
  showRemoveIcon,
  onRemoveClick,
  testId,
  children,
}: Base & {
  variant?: string;
  hollow?: boolean;
  onClick?: Handler;
  showRemoveIcon?: boolean;
  onRemoveClick?: Handler;
}) {
  return (
    <span className={cx('pv-status', `pv-status-${variant}`, hollow && 'pv-status-hollow')} {...testAttrs(testId)}>
      <span className="pv-status-dot" aria-hidden="true" />
      {typeof onClick === 'function' ? (
        <button type="button" className="pv-plain-button" onClick={() => call(onClick)}>
          {children}
        </button>
      ) : (
        children
      )}
      {showRemoveIcon && (
        <button type="button" className="pv-plain-button" aria-label="Remove" onClick={() => call(onRemoveClick)}>
          ×
        </button>
      )}
    </span>
  );
}

const ICONS: Record<string, string> = {
  add: '+',
  remove: '−',
  delete: '🗑',
  edit: '✎',
  success: '✓',
  warning: '⚠',
  alert: '⚠',
  info: 'ℹ',
  search: '⌕',
  refresh: '↻',
  download: '⤓',
  upload: '⤒',
  upCarat: '▴',
  downCarat: '▾',
  left: '‹',
  right: '›',
  externalLink: '↗',
  copy: '⧉',
  settings: '⚙',
  star: '★',
  lock: '🔒',
  email: '✉',
  calling: '☎',
  help: '?',
  question: '?',
  clock: '◷',
};

export function Icon({
  name,
  color = 'inherit',
  size: iconSize = 'md',
  screenReaderText,
  testId,
}: {
  name?: string;
  color?: string;
  size?: string;
  screenReaderText?: string;
  testId?: string;
}) {
  const glyph = (name && ICONS[name]) ?? '•';
  return (
    <span
      className={cx('pv-icon', `pv-icon-${color}`, `pv-icon-${iconSize}`)}
      role={screenReaderText ? 'img' : undefined}
      aria-label={screenReaderText}
      aria-hidden={screenReaderText ? undefined : true}
      title={name}
      {...testAttrs(testId)}
    >
      {glyph}
    </span>
  );
}

export function Image({
  src,
  alt,
  width,
  height,
  href,
  onClick,
  overlay,
  testId,
}: {
  src?: string;
  alt?: string;
  width?: number;
  height?: number;
  href?: unknown;
  onClick?: Handler;
  overlay?: ReactNode;
  testId?: string;
}) {
  const owner = useOverlayOwner(overlay);
  const target = hrefOf(href);
  const image = (
    <img
      className="pv-image"
      src={src}
      alt={alt ?? ''}
      {...(width ? { width } : {})}
      {...(height ? { height } : {})}
      onClick={() => {
        owner.ids().forEach(openOverlay);
        callClick(onClick);
      }}
      {...testAttrs(testId)}
    />
  );
  return (
    <>
      {target ? (
        <a href={target.url} {...(target.external ? { target: '_blank', rel: 'noopener noreferrer' } : {})}>
          {image}
        </a>
      ) : (
        image
      )}
      {owner.node}
    </>
  );
}

export function Illustration({
  name,
  alt,
  width,
  height,
  testId,
}: {
  name?: string;
  alt?: string;
  width?: number;
  height?: number;
  testId?: string;
}) {
  return (
    <div
      className="pv-illustration"
      role="img"
      aria-label={alt ?? name}
      style={{ width: width ?? 120, height: height ?? 90 }}
      {...testAttrs(testId)}
    >
      <span>{name}</span>
    </div>
  );
}

/** Shown as a hover title on the element it wraps (HubSpot renders it inside Link, Button…). */
export function Tooltip({ testId, children }: Base & { placement?: string }) {
  return (
    <span className="pv-tooltip" role="tooltip" {...testAttrs(testId)}>
      {children}
    </span>
  );
}
