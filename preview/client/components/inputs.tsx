/**
 * Form controls. HubSpot calls their handlers with values, not DOM events: `onInput(value)` on each
 * change, `onChange(value)` when the value is committed (blur, Enter, a click for choices),
 * `onBlur(value)` / `onFocus(value)`; Form's `onSubmit(event, reactions)` gets `event.targetValue`.
 */
import { type FormEvent, type ReactNode, useEffect, useId, useRef, useState } from 'react';
import { reactions } from '../host-state.ts';
import { call, cx, extensionEvent, type Handler, testAttrs } from './support.tsx';

/**
 * A controlled value whose owner is in the worker: what the user typed shows at once, and an update
 * from the extension replaces it unless it is only the echo of something the user typed earlier.
 */
function useRemoteValue<T>(propValue: T | undefined, fallback: T): [T, (next: T) => void] {
  const [value, setValue] = useState<T>(propValue ?? fallback);
  const pending = useRef<T[]>([]);
  useEffect(() => {
    if (propValue === undefined) return;
    const echo = pending.current.findIndex(
      (sent) => Object.is(sent, propValue) || JSON.stringify(sent) === JSON.stringify(propValue),
    );
    if (echo >= 0) {
      pending.current.splice(0, echo + 1);
      return;
    }
    pending.current = [];
    setValue(propValue);
  }, [propValue]);
  const update = (next: T) => {
    pending.current.push(next);
    setValue(next);
  };
  return [value, update];
}

interface FieldProps {
  testId?: string;
  label?: string;
  name?: string;
  required?: boolean;
  readOnly?: boolean;
  description?: string;
  tooltip?: string;
  placeholder?: string;
  error?: boolean;
  validationMessage?: string;
  onChange?: Handler;
  onInput?: Handler;
  onBlur?: Handler;
  onFocus?: Handler;
}

function Field({
  id,
  label,
  required,
  description,
  tooltip,
  error,
  validationMessage,
  children,
  testId,
}: FieldProps & { id: string; children: ReactNode }) {
  return (
    <div className={cx('pv-field', error && 'pv-field-error')} {...testAttrs(testId)}>
      {label && (
        <label className="pv-field-label" htmlFor={id} title={tooltip}>
          {label}
          {required && (
            <span className="pv-required" aria-hidden="true">
              {' '}
              *
            </span>
          )}
        </label>
      )}
      {description && <p className="pv-microcopy">{description}</p>}
      {children}
      {validationMessage && <p className={cx('pv-validation', error && 'pv-validation-error')}>{validationMessage}</p>}
    </div>
  );
}

function TextField(
  props: FieldProps & {
    value?: string;
    defaultValue?: string;
    kind: 'text' | 'password' | 'search' | 'textarea';
    rows?: number;
    cols?: number;
    maxLength?: number;
    clearable?: boolean;
  },
) {
  const id = useId();
  const [value, setValue] = useRemoteValue<string>(props.value, props.defaultValue ?? '');
  const commit = (next: string) => call(props.onChange, next);
  const common = {
    id,
    name: props.name,
    value,
    placeholder: props.placeholder,
    readOnly: props.readOnly === true,
    required: props.required === true,
    'aria-invalid': props.error === true ? true : undefined,
    className: 'pv-input',
    onFocus: () => call(props.onFocus, value),
    onBlur: () => {
      commit(value);
      call(props.onBlur, value);
    },
  };
  const onTyped = (next: string) => {
    setValue(next);
    call(props.onInput, next);
  };
  return (
    <Field {...props} id={id}>
      {props.kind === 'textarea' ? (
        <textarea
          {...common}
          rows={props.rows ?? 4}
          cols={props.cols}
          maxLength={props.maxLength}
          onChange={(event) => onTyped(event.target.value)}
        />
      ) : (
        <div className={cx('pv-input-wrap', props.kind === 'search' && 'pv-search')}>
          <input
            {...common}
            type={props.kind}
            onChange={(event) => onTyped(event.target.value)}
            onKeyDown={(event) => {
              if (event.key === 'Enter') commit(value);
            }}
          />
          {props.kind === 'search' && props.clearable !== false && value !== '' && (
            <button
              type="button"
              className="pv-input-clear"
              aria-label="Clear search"
              onClick={() => {
                onTyped('');
                commit('');
              }}
            >
              ×
            </button>
          )}
        </div>
      )}
    </Field>
  );
}

export const Input = (props: FieldProps & { value?: string; defaultValue?: string; type?: 'text' | 'password' }) => (
  <TextField {...props} kind={props.type === 'password' ? 'password' : 'text'} />
);
export const SearchInput = (props: FieldProps & { value?: string; defaultValue?: string; clearable?: boolean }) => (
  <TextField {...props} kind="search" />
);
export const TextArea = (
  props: FieldProps & { value?: string; defaultValue?: string; rows?: number; cols?: number; maxLength?: number },
) => <TextField {...props} kind="textarea" />;
export const Textarea = TextArea;

interface NumberProps extends FieldProps {
  value?: number;
  defaultValue?: number;
  min?: number;
  max?: number;
  precision?: number;
  stepSize?: number;
  currency?: string;
}

function NumberField(props: NumberProps & { stepper?: boolean }) {
  const id = useId();
  const [value, setValue] = useRemoteValue<number | undefined>(props.value, props.defaultValue);
  const [text, setText] = useState(value === undefined ? '' : String(value));
  useEffect(() => setText(value === undefined ? '' : String(value)), [value]);
  const clamp = (n: number) => Math.min(props.max ?? Infinity, Math.max(props.min ?? -Infinity, n));
  const commit = (next: number | undefined) => {
    if (next !== undefined) call(props.onChange, next);
  };
  const step = (delta: number) => {
    const next = clamp((value ?? 0) + delta);
    setValue(next);
    call(props.onInput, next);
    commit(next);
  };
  return (
    <Field {...props} id={id}>
      <div className="pv-input-wrap">
        {props.currency && <span className="pv-input-affix">{props.currency}</span>}
        <input
          id={id}
          className="pv-input"
          inputMode="decimal"
          name={props.name}
          value={text}
          placeholder={props.placeholder}
          readOnly={props.readOnly === true}
          aria-invalid={props.error === true ? true : undefined}
          onChange={(event) => {
            setText(event.target.value);
            const parsed = Number(event.target.value);
            if (event.target.value.trim() !== '' && Number.isFinite(parsed)) {
              setValue(parsed);
              call(props.onInput, parsed);
            }
          }}
          onFocus={() => call(props.onFocus, value)}
          onBlur={() => {
            commit(value);
            call(props.onBlur, value);
          }}
        />
        {props.stepper && (
          <>
            <button
              type="button"
              className="pv-stepper"
              aria-label="Decrease"
              onClick={() => step(-(props.stepSize ?? 1))}
            >
              −
            </button>
            <button
              type="button"
              className="pv-stepper"
              aria-label="Increase"
              onClick={() => step(props.stepSize ?? 1)}
            >
              +
            </button>
          </>
        )}
      </div>
    </Field>
  );
}

export const NumberInput = (props: NumberProps) => <NumberField {...props} />;
export const CurrencyInput = (props: NumberProps) => <NumberField {...props} currency={props.currency ?? 'USD'} />;
export const StepperInput = (props: NumberProps) => <NumberField {...props} stepper />;

interface BaseDate {
  year: number;
  month: number;
  date: number;
}

const pad = (n: number) => String(n).padStart(2, '0');

/** A native date or time input over a HubSpot value: `format` shows it, `parse` reads the browser's text back. */
function NativeValueInput<T>(
  props: FieldProps & {
    type: 'date' | 'time';
    value: T | null;
    format: (value: T) => string;
    parse: (text: string) => T | null;
    onValue: (value: T | null, text: string) => void;
  },
) {
  const id = useId();
  return (
    <Field {...props} id={id}>
      <input
        id={id}
        type={props.type}
        className="pv-input"
        name={props.name}
        value={props.value === null ? '' : props.format(props.value)}
        readOnly={props.readOnly === true}
        onChange={(event) => props.onValue(props.parse(event.target.value), event.target.value)}
      />
    </Field>
  );
}

export function DateInput(props: FieldProps & { value?: BaseDate | null; defaultValue?: BaseDate | null }) {
  const [value, setValue] = useRemoteValue<BaseDate | null>(props.value ?? undefined, props.defaultValue ?? null);
  return (
    <NativeValueInput<BaseDate>
      {...props}
      type="date"
      value={value}
      format={(date) => `${date.year}-${pad(date.month + 1)}-${pad(date.date)}`}
      parse={(text) => {
        const [year, month, date] = text.split('-').map(Number);
        return year && month && date ? { year, month: month - 1, date } : null;
      }}
      onValue={(next, text) => {
        setValue(next);
        call(props.onChange, next ? { ...next, formattedDate: text } : null);
      }}
    />
  );
}

type Time = { hours: number; minutes: number };

export function TimeInput(props: FieldProps & { value?: Time | null; defaultValue?: Time | null }) {
  const [value, setValue] = useRemoteValue<Time | null>(props.value ?? undefined, props.defaultValue ?? null);
  return (
    <NativeValueInput<Time>
      {...props}
      type="time"
      value={value}
      format={(time) => `${pad(time.hours)}:${pad(time.minutes)}`}
      parse={(text) => {
        const [hours, minutes] = text.split(':').map(Number);
        return hours !== undefined && minutes !== undefined && text !== '' ? { hours, minutes } : null;
      }}
      onValue={(next) => {
        setValue(next);
        call(props.onChange, next);
      }}
    />
  );
}

type OptionValue = string | number | boolean;
interface SelectProps extends FieldProps {
  options?: { label: string; value: OptionValue }[];
  variant?: string;
}

export function Select(props: SelectProps & { value?: OptionValue }) {
  const id = useId();
  const options = props.options ?? [];
  const [value, setValue] = useRemoteValue<OptionValue | undefined>(props.value, undefined);
  const index = options.findIndex((option) => option.value === value);
  return (
    <Field {...props} id={id}>
      <select
        id={id}
        className={cx('pv-input', 'pv-select', props.variant === 'transparent' && 'pv-select-transparent')}
        name={props.name}
        value={index >= 0 ? String(index) : ''}
        disabled={props.readOnly === true}
        aria-invalid={props.error === true ? true : undefined}
        onChange={(event) => {
          const option = options[Number(event.target.value)];
          if (!option) return;
          setValue(option.value);
          call(props.onChange, option.value);
        }}
      >
        {index < 0 && <option value="">{props.placeholder ?? 'Select an option'}</option>}
        {options.map((option, i) => (
          <option key={i} value={String(i)}>
            {option.label}
          </option>
        ))}
      </select>
    </Field>
  );
}

export function MultiSelect(props: SelectProps & { value?: OptionValue[] }) {
  const id = useId();
  const options = props.options ?? [];
  const [value, setValue] = useRemoteValue<OptionValue[]>(props.value, []);
  return (
    <Field {...props} id={id}>
      <div id={id} className="pv-multiselect" role="group" aria-label={props.label}>
        {options.map((option, i) => {
          const checked = value.includes(option.value);
          return (
            <label key={i} className="pv-choice">
              <input
                type="checkbox"
                checked={checked}
                disabled={props.readOnly === true}
                onChange={() => {
                  const next = checked ? value.filter((v) => v !== option.value) : [...value, option.value];
                  setValue(next);
                  call(props.onChange, next);
                }}
              />
              {option.label}
            </label>
          );
        })}
      </div>
    </Field>
  );
}

interface ChoiceProps {
  testId?: string;
  children?: ReactNode;
  checked?: boolean;
  initialIsChecked?: boolean;
  readOnly?: boolean;
  readonly?: boolean;
  name?: string;
  value?: string;
  description?: string;
  inline?: boolean;
  onChange?: Handler;
}

function Choice({ kind, ...props }: ChoiceProps & { kind: 'checkbox' | 'radio' }) {
  const [checked, setChecked] = useRemoteValue<boolean>(props.checked, props.initialIsChecked ?? false);
  return (
    <label className={cx('pv-choice', props.inline && 'pv-inline')} {...testAttrs(props.testId)}>
      <input
        type={kind}
        name={props.name}
        value={props.value}
        checked={checked}
        disabled={props.readOnly === true || props.readonly === true}
        onChange={(event) => {
          setChecked(event.target.checked);
          call(props.onChange, event.target.checked, props.value ?? '');
        }}
      />
      <span>
        {props.children}
        {props.description && <span className="pv-microcopy pv-choice-description">{props.description}</span>}
      </span>
    </label>
  );
}

export const Checkbox = (props: ChoiceProps) => <Choice {...props} kind="checkbox" />;
export const RadioButton = (props: ChoiceProps) => <Choice {...props} kind="radio" />;

export function Toggle(props: {
  testId?: string;
  label?: string;
  checked?: boolean;
  initialIsChecked?: boolean;
  readOnly?: boolean;
  readonly?: boolean;
  labelDisplay?: 'inline' | 'top' | 'hidden';
  textChecked?: string;
  textUnchecked?: string;
  onChange?: Handler;
}) {
  const [checked, setChecked] = useRemoteValue<boolean>(props.checked, props.initialIsChecked ?? false);
  const display = props.labelDisplay ?? 'inline';
  return (
    <label className={cx('pv-toggle', display === 'top' && 'pv-toggle-top')} {...testAttrs(props.testId)}>
      {display !== 'hidden' && <span className="pv-toggle-label">{props.label}</span>}
      <button
        type="button"
        role="switch"
        aria-checked={checked}
        aria-label={display === 'hidden' ? props.label : undefined}
        className={cx('pv-switch', checked && 'pv-switch-on')}
        disabled={props.readOnly === true || props.readonly === true}
        onClick={() => {
          setChecked(!checked);
          call(props.onChange, !checked);
        }}
      >
        <span className="pv-switch-knob" />
      </button>
      {(props.textChecked || props.textUnchecked) && (
        <span className="pv-microcopy">{checked ? props.textChecked : props.textUnchecked}</span>
      )}
    </label>
  );
}

export function ToggleGroup(
  props: FieldProps & {
    toggleType?: 'checkboxList' | 'radioButtonList';
    options?: { label: string; value: string; initialIsChecked?: boolean; description?: string; readOnly?: boolean }[];
    value?: string[] | string;
    inline?: boolean;
  },
) {
  const id = useId();
  const radio = props.toggleType === 'radioButtonList';
  const options = props.options ?? [];
  const initial = options.filter((option) => option.initialIsChecked).map((option) => option.value);
  const [value, setValue] = useRemoteValue<string[] | string>(props.value, radio ? (initial[0] ?? '') : initial);
  const selected = Array.isArray(value) ? value : value === '' ? [] : [value];
  return (
    <Field {...props} id={id}>
      <div
        id={id}
        role={radio ? 'radiogroup' : 'group'}
        aria-label={props.label}
        className={cx('pv-toggle-group', props.inline && 'pv-toggle-group-inline')}
      >
        {options.map((option) => (
          <label key={option.value} className="pv-choice">
            <input
              type={radio ? 'radio' : 'checkbox'}
              name={props.name}
              value={option.value}
              checked={selected.includes(option.value)}
              disabled={props.readOnly === true || option.readOnly === true}
              onChange={(event) => {
                const next = radio
                  ? option.value
                  : event.target.checked
                    ? [...selected, option.value]
                    : selected.filter((v) => v !== option.value);
                setValue(next);
                call(props.onChange, next);
              }}
            />
            <span>
              {option.label}
              {option.description && <span className="pv-microcopy pv-choice-description">{option.description}</span>}
            </span>
          </label>
        ))}
      </div>
    </Field>
  );
}

export function Form({
  testId,
  children,
  onSubmit,
  preventDefault,
  autoComplete,
}: {
  testId?: string;
  children?: ReactNode;
  onSubmit?: Handler;
  preventDefault?: boolean;
  autoComplete?: 'on' | 'off';
}) {
  const submit = (event: FormEvent<HTMLFormElement>) => {
    // The page never navigates away: a HubSpot form posts nowhere.
    event.preventDefault();
    void preventDefault;
    const targetValue: Record<string, string | number> = {};
    new FormData(event.currentTarget).forEach((value, key) => {
      if (typeof value === 'string') targetValue[key] = value;
    });
    call(onSubmit, { ...extensionEvent('submit', event.timeStamp), targetValue }, reactions);
  };
  return (
    <form className="pv-form" onSubmit={submit} autoComplete={autoComplete} {...testAttrs(testId)}>
      {children}
    </form>
  );
}
