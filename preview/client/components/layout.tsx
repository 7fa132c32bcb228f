/** Layout components: Flex, Box, Inline, Stack, AutoGrid, Tile, Card, Divider, Spacer, Accordion, lists. */
import { type CSSProperties, type ReactNode, useEffect, useState } from 'react';
import { call, cx, type Handler, space, testAttrs } from './support.tsx';

interface Base {
  testId?: string;
  children?: ReactNode;
}

const JUSTIFY: Record<string, CSSProperties['justifyContent']> = {
  start: 'flex-start',
  center: 'center',
  end: 'flex-end',
  around: 'space-around',
  between: 'space-between',
};
const ALIGN: Record<string, CSSProperties['alignItems']> = {
  start: 'flex-start',
  center: 'center',
  end: 'flex-end',
  baseline: 'baseline',
  stretch: 'stretch',
  auto: 'auto',
};

interface FlexProps extends Base {
  direction?: 'row' | 'column';
  justify?: string;
  align?: string;
  alignSelf?: string;
  gap?: string;
  wrap?: boolean | 'wrap' | 'nowrap';
}

export function Flex({ direction = 'row', justify, align, alignSelf, gap, wrap, testId, children }: FlexProps) {
  const style: CSSProperties = {
    display: 'flex',
    flexDirection: direction === 'column' ? 'column' : 'row',
    gap: space(gap, 'flush'),
    flexWrap: wrap === true || wrap === 'wrap' ? 'wrap' : 'nowrap',
    ...(justify ? { justifyContent: JUSTIFY[justify] } : {}),
    ...(align ? { alignItems: ALIGN[align] } : direction === 'column' ? { alignItems: 'stretch' } : {}),
    ...(alignSelf ? { alignSelf: ALIGN[alignSelf] } : {}),
  };
  return (
    <div className="pv-flex" style={style} {...testAttrs(testId)}>
      {children}
    </div>
  );
}

export function Box({ alignSelf, flex, testId, children }: Base & { alignSelf?: string; flex?: string | number }) {
  const style: CSSProperties = {
    ...(alignSelf ? { alignSelf: ALIGN[alignSelf] } : {}),
    ...(flex === undefined ? {} : { flex: typeof flex === 'number' ? `${flex} 1 0%` : flex }),
    minWidth: 0,
  };
  return (
    <div className="pv-box" style={style} {...testAttrs(testId)}>
      {children}
    </div>
  );
}

export function Inline({
  justify,
  align = 'center',
  gap = 'sm',
  testId,
  children,
}: Base & { justify?: string; align?: string; gap?: string }) {
  return (
    <Flex direction="row" wrap justify={justify ?? 'start'} align={align} gap={gap} {...(testId ? { testId } : {})}>
      {children}
    </Flex>
  );
}

export function Stack({
  direction = 'column',
  distance = 'sm',
  justify,
  align,
  testId,
  children,
}: Base & {
  direction?: 'row' | 'column';
  distance?: string;
  justify?: string;
  align?: string;
}) {
  return (
    <Flex
      direction={direction}
      gap={distance}
      {...(justify ? { justify } : {})}
      {...(align ? { align } : {})}
      {...(testId ? { testId } : {})}
    >
      {children}
    </Flex>
  );
}

export function AutoGrid({
  columnWidth,
  gap = 'sm',
  flexible,
  testId,
  children,
}: Base & { columnWidth?: number; gap?: string; flexible?: boolean }) {
  const width = typeof columnWidth === 'number' && columnWidth > 0 ? columnWidth : 200;
  const style: CSSProperties = {
    display: 'grid',
    gap: space(gap),
    gridTemplateColumns:
      flexible === false ? `repeat(auto-fill, ${width}px)` : `repeat(auto-fill, minmax(${width}px, 1fr))`,
  };
  return (
    <div style={style} {...testAttrs(testId)}>
      {children}
    </div>
  );
}

export function Tile({ compact, flush, testId, children }: Base & { compact?: boolean; flush?: boolean }) {
  return (
    <div className={cx('pv-tile', compact && 'pv-tile-compact', flush && 'pv-flush')} {...testAttrs(testId)}>
      {children}
    </div>
  );
}

export function Card({ testId, children }: Base) {
  return (
    <div className="pv-tile" {...testAttrs(testId)}>
      {children}
    </div>
  );
}

export function Divider({
  distance,
  size: dividerSize,
  testId,
}: {
  distance?: string;
  size?: string;
  testId?: string;
}) {
  const margin = space(distance ?? dividerSize, 'sm');
  return <hr className="pv-divider" style={{ margin: `${margin}px 0` }} {...testAttrs(testId)} />;
}

export function Spacer({ size: spacerSize, testId }: { size?: string; testId?: string }) {
  return <div aria-hidden="true" style={{ height: space(spacerSize, 'md') }} {...testAttrs(testId)} />;
}

export function Accordion({
  title,
  defaultOpen = false,
  open,
  disabled,
  onClick,
  testId,
  children,
}: Base & {
  title?: string;
  defaultOpen?: boolean;
  open?: boolean;
  disabled?: boolean;
  onClick?: Handler;
}) {
  const [isOpen, setOpen] = useState(open ?? defaultOpen);
  useEffect(() => {
    if (open !== undefined) setOpen(open);
  }, [open]);
  return (
    <div className={cx('pv-accordion', isOpen && 'pv-accordion-open')} {...testAttrs(testId)}>
      <button
        type="button"
        className="pv-accordion-toggle"
        aria-expanded={isOpen}
        disabled={disabled === true}
        onClick={() => {
          if (open === undefined) setOpen(!isOpen);
          call(onClick);
        }}
      >
        <span className="pv-accordion-caret" aria-hidden="true">
          {isOpen ? '▾' : '▸'}
        </span>
        {title}
      </button>
      {isOpen && <div className="pv-accordion-body">{children}</div>}
    </div>
  );
}

export function DescriptionList({ direction = 'column', testId, children }: Base & { direction?: 'row' | 'column' }) {
  return (
    <dl className={cx('pv-dl', direction === 'row' && 'pv-dl-row')} {...testAttrs(testId)}>
      {children}
    </dl>
  );
}

export function DescriptionListItem({ label, testId, children }: Base & { label?: string }) {
  return (
    <div className="pv-dl-item" {...testAttrs(testId)}>
      <dt>{label}</dt>
      <dd>{children}</dd>
    </div>
  );
}

export function List({ variant = 'unordered', testId, children }: Base & { variant?: string }) {
  const items = Array.isArray(children) ? children : [children];
  const className = cx('pv-list', `pv-list-${variant}`);
  const body = items
    .filter((item) => item !== null && item !== undefined && item !== false)
    .map((item, index) => <li key={index}>{item}</li>);
  return variant.startsWith('ordered') ? (
    <ol className={className} {...testAttrs(testId)}>
      {body}
    </ol>
  ) : (
    <ul className={className} {...testAttrs(testId)}>
      {body}
    </ul>
  );
}
