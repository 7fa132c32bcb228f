/**
 * Status and data display: Alert, EmptyState, ErrorState, LoadingSpinner, ProgressBar, Statistics,
 * StepIndicator, ScoreCircle, and the charts (drawn as a data table: the preview shows the numbers).
 */
import type { ReactNode } from 'react';
import { call, cx, type Handler, size, testAttrs } from './support.tsx';

interface Base {
  testId?: string;
  children?: ReactNode;
}

export function Alert({ title, variant = 'info', testId, children }: Base & { title?: string; variant?: string }) {
  const kind = variant === 'error' ? 'danger' : variant;
  return (
    <div
      className={cx('pv-alert', `pv-alert-${kind}`)}
      role={kind === 'danger' || kind === 'warning' ? 'alert' : 'status'}
      {...testAttrs(testId)}
    >
      {title && <p className="pv-alert-title">{title}</p>}
      {children !== undefined && <div className="pv-alert-body">{children}</div>}
    </div>
  );
}

export function EmptyState({
  title,
  layout = 'horizontal',
  imageName,
  reverseOrder,
  flush,
  testId,
  children,
}: Base & {
  title?: string;
  layout?: 'horizontal' | 'vertical';
  imageName?: string;
  reverseOrder?: boolean;
  flush?: boolean;
}) {
  return (
    <div
      className={cx('pv-empty', `pv-empty-${layout}`, reverseOrder && 'pv-empty-reverse', flush && 'pv-flush')}
      {...testAttrs(testId)}
    >
      <div className="pv-illustration pv-empty-image" role="img" aria-label={imageName ?? 'empty'}>
        <span>{imageName ?? 'empty'}</span>
      </div>
      <div className="pv-empty-content">
        {title && <h3 className="pv-empty-title">{title}</h3>}
        {children}
      </div>
    </div>
  );
}

export function ErrorState({ title, type = 'error', testId, children }: Base & { title?: string; type?: string }) {
  return (
    <div
      className={cx('pv-empty', 'pv-empty-vertical', 'pv-error-state', `pv-error-${type}`)}
      role="alert"
      {...testAttrs(testId)}
    >
      <div className="pv-error-mark" aria-hidden="true">
        {type === 'lock' ? '🔒' : '!'}
      </div>
      <div className="pv-empty-content">
        {title && <h3 className="pv-empty-title">{title}</h3>}
        {children}
      </div>
    </div>
  );
}

export function LoadingSpinner({
  label,
  showLabel,
  size: spinnerSize,
  layout = 'inline',
  testId,
}: {
  label?: string;
  showLabel?: boolean;
  size?: string;
  layout?: 'inline' | 'centered';
  testId?: string;
}) {
  return (
    <div
      className={cx('pv-loading', layout === 'centered' && 'pv-loading-centered')}
      role="status"
      aria-label={label}
      {...testAttrs(testId)}
    >
      <span className={cx('pv-spinner', `pv-spinner-${size(spinnerSize, 'sm')}`)} aria-hidden="true" />
      {showLabel && <span className="pv-loading-label">{label}</span>}
    </div>
  );
}

export function ProgressBar({
  title,
  value = 0,
  maxValue,
  valueMax,
  showPercentage,
  valueDescription,
  variant,
  testId,
  ...rest
}: {
  title?: string;
  value?: number;
  maxValue?: number;
  valueMax?: number;
  showPercentage?: boolean;
  valueDescription?: string;
  variant?: string;
  testId?: string;
  'aria-label'?: string;
}) {
  const max = maxValue ?? valueMax ?? 100;
  const ratio = max > 0 ? Math.min(Math.max(value / max, 0), 1) : 0;
  const percent = Math.round(ratio * 100);
  return (
    <div className="pv-progress" {...testAttrs(testId)}>
      {(title || showPercentage || valueDescription) && (
        <div className="pv-progress-head">
          <span className="pv-progress-title">{title}</span>
          <span className="pv-progress-value">
            {valueDescription}
            {valueDescription && showPercentage ? ' · ' : ''}
            {showPercentage ? `${percent}%` : ''}
          </span>
        </div>
      )}
      <div
        className="pv-progress-track"
        role="progressbar"
        aria-label={rest['aria-label'] ?? title ?? 'Progress'}
        aria-valuemin={0}
        aria-valuemax={max}
        aria-valuenow={value}
      >
        <div
          className={cx('pv-progress-fill', variant && `pv-progress-${variant}`)}
          style={{ width: `${ratio * 100}%` }}
        />
      </div>
    </div>
  );
}

export function Statistics({ testId, children }: Base) {
  return (
    <div className="pv-stats" {...testAttrs(testId)}>
      {children}
    </div>
  );
}

export function StatisticsItem({
  label,
  number,
  testId,
  children,
}: Base & { label?: string; number?: string | number; id?: string }) {
  return (
    <div className="pv-stat" {...testAttrs(testId)}>
      <div className="pv-stat-label">{label}</div>
      <div className="pv-stat-number">{typeof number === 'number' ? number.toLocaleString() : number}</div>
      {children}
    </div>
  );
}

export function StatisticsTrend({
  value,
  direction,
  color,
  testId,
}: {
  value?: string;
  direction?: string;
  color?: string;
  testId?: string;
}) {
  const up = direction === 'increase';
  const tone = color ?? (up ? 'green' : 'red');
  return (
    <div className={cx('pv-trend', `pv-trend-${tone}`)} {...testAttrs(testId)}>
      <span aria-hidden="true">{up ? '▲' : '▼'}</span> {value}
    </div>
  );
}

export function StepIndicator({
  stepNames = [],
  currentStep = 0,
  direction = 'horizontal',
  onClick,
  testId,
}: {
  stepNames?: string[];
  currentStep?: number;
  direction?: string;
  onClick?: Handler;
  testId?: string;
}) {
  return (
    <ol className={cx('pv-steps', direction === 'vertical' && 'pv-steps-vertical')} {...testAttrs(testId)}>
      {stepNames.map((name, index) => {
        const state = index < currentStep ? 'done' : index === currentStep ? 'current' : 'todo';
        return (
          <li
            key={index}
            className={cx('pv-step', `pv-step-${state}`)}
            aria-current={state === 'current' ? 'step' : undefined}
          >
            <button
              type="button"
              className="pv-plain-button"
              disabled={typeof onClick !== 'function'}
              onClick={() => call(onClick, index)}
            >
              <span className="pv-step-circle">{state === 'done' ? '✓' : index + 1}</span>
              <span className="pv-step-name">{name}</span>
            </button>
          </li>
        );
      })}
    </ol>
  );
}

export function ScoreCircle({ score = 0, testId }: { score?: number; testId?: string }) {
  const tone = score >= 67 ? 'success' : score >= 34 ? 'warning' : 'danger';
  return (
    <div className={cx('pv-score', `pv-score-${tone}`)} role="img" aria-label={`Score ${score}`} {...testAttrs(testId)}>
      {score}
    </div>
  );
}

type ChartRow = Record<string, string | number>;
interface ChartProps {
  data?: ChartRow[] | { data: ChartRow[] };
  axes?: {
    x: { field: string; label?: string };
    y: { field: string; label?: string };
    options?: { groupFieldByColor?: string };
  };
  options?: { title?: string };
  testId?: string;
}

function Chart({ kind, data, axes, options, testId }: ChartProps & { kind: string }) {
  const rows = Array.isArray(data) ? data : (data?.data ?? []);
  const fields = axes
    ? [axes.x.field, axes.y.field, ...(axes.options?.groupFieldByColor ? [axes.options.groupFieldByColor] : [])]
    : Object.keys(rows[0] ?? {});
  const label = (field: string) =>
    (axes?.x.field === field ? axes.x.label : axes?.y.field === field ? axes.y.label : undefined) ?? field;
  return (
    <figure className="pv-chart" {...testAttrs(testId)}>
      <figcaption>
        {options?.title ?? kind} <span className="pv-microcopy">({kind}, shown as a table in the preview)</span>
      </figcaption>
      <table className="pv-table pv-table-condensed">
        <thead>
          <tr>
            {fields.map((field) => (
              <th key={field}>{label(field)}</th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row, index) => (
            <tr key={index}>
              {fields.map((field) => (
                <td key={field}>{row[field]}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </figure>
  );
}

export const BarChart = (props: ChartProps) => <Chart kind="Bar chart" {...props} />;
export const LineChart = (props: ChartProps) => <Chart kind="Line chart" {...props} />;
