import { StatusTag } from '@hubspot/ui-extensions';

/** How one value shows as a status tag: its words and its colour. */
export interface StatusTagStyle {
  label: string;
  variant: 'default' | 'info' | 'success' | 'warning' | 'danger';
  hollow?: boolean;
}

interface MappedStatusTagProps<K extends string> {
  /** Every value's words and colour, so no value can go without them. */
  styles: Readonly<Record<K, StatusTagStyle>>;
  value: K;
  testId?: string;
}

/** A status (of a step, a job, a connection) as a tag, by a table of how each value shows. */
export function MappedStatusTag<K extends string>({ styles, value, testId }: MappedStatusTagProps<K>) {
  const style = styles[value];
  return (
    <StatusTag variant={style.variant} hollow={style.hollow ?? false} testId={testId}>
      {style.label}
    </StatusTag>
  );
}
