'use client';

import { useId, type ChangeEvent, type InputHTMLAttributes, type ReactNode, type SelectHTMLAttributes, type TextareaHTMLAttributes } from 'react';
import { splitChrome, type Chrome } from './field-chrome';

// The one input kit every form uses. Each control has a label tied to it by id (so its accessible name is
// exactly the label), an optional help line and the field's error, both tied to the control with
// aria-describedby; an error also sets aria-invalid. Values go out as strings (booleans for checkboxes); a
// control without onChange is uncontrolled and read with FormData by its `name`.

const labelClass = 'mb-1 block font-medium text-slate-700';
const box = (error?: string) =>
  `block w-full rounded-md border bg-white px-2.5 py-1.5 shadow-sm outline-none focus:ring-2 focus:ring-sky-500 disabled:bg-slate-50 ${error ? 'border-red-500' : 'border-slate-300'}`;

function useDescribed(hint: ReactNode, error: string | undefined) {
  const id = useId();
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  return {
    id,
    aria: { 'aria-invalid': error ? true : undefined, 'aria-describedby': [hintId, errorId].filter(Boolean).join(' ') || undefined },
    after: (
      <>
        {hint ? (
          <span id={hintId} className="mt-1 block text-xs text-slate-500">
            {hint}
          </span>
        ) : null}
        {error ? (
          <span id={errorId} className="mt-1 block whitespace-pre-wrap text-xs text-red-700" role="alert">
            {error}
          </span>
        ) : null}
      </>
    ),
  };
}

/** What every labelled control gets from its frame: its id, test id, described-by and invalid state, its box. */
interface ControlAttrs {
  id: string;
  'data-testid'?: string;
  'aria-invalid'?: boolean;
  'aria-describedby'?: string;
  className: string;
}

/** A labelled control: the label tied to the control by id, the control, then its help and error. */
function Labeled({ label, hint, error, testId, control }: Chrome & { control: (attrs: ControlAttrs) => ReactNode }) {
  const d = useDescribed(hint, error);
  return (
    <div className="text-sm">
      <label htmlFor={d.id} className={labelClass}>
        {label}
      </label>
      {control({ id: d.id, 'data-testid': testId, ...d.aria, className: box(error) })}
      {d.after}
    </div>
  );
}

type InputProps = Omit<InputHTMLAttributes<HTMLInputElement>, 'onChange' | 'className' | 'id' | 'list'> &
  Chrome & {
    /** The typed value; the event too, for what a value does not carry (a file input's files). */
    onChange?: (value: string, event: ChangeEvent<HTMLInputElement>) => void;
    /** Values offered as the admin types (a datalist); any other value may still be typed. */
    suggestions?: readonly string[];
  };

export function TextField({ onChange, type = 'text', suggestions, ...props }: InputProps) {
  const [chrome, input] = splitChrome(props);
  const listId = `${useId()}-suggestions`;
  return (
    <Labeled
      {...chrome}
      control={(attrs) => (
        <>
          <input
            type={type}
            {...input}
            {...attrs}
            list={suggestions?.length ? listId : undefined}
            onChange={onChange ? (e) => onChange(e.target.value, e) : undefined}
          />
          {suggestions?.length ? (
            <datalist id={listId}>
              {suggestions.map((s) => (
                <option key={s} value={s} />
              ))}
            </datalist>
          ) : null}
        </>
      )}
    />
  );
}

/** A choice of unit beside a number, e.g. MiB / GiB; the select is named by `label` ("Unit"). */
export interface UnitChoice {
  value: string;
  options: readonly string[];
  onChange: (unit: string) => void;
  label?: string;
}

/** A number typed as text (kept as typed, so "1." is not lost); with `units`, a unit select beside it. */
export function NumberField({ units, step, inputMode, ...props }: Omit<InputProps, 'type'> & { units?: UnitChoice }) {
  const wholeSteps = step === undefined || (typeof step === 'number' && Number.isInteger(step));
  const field = <TextField type="number" inputMode={inputMode ?? (wholeSteps ? 'numeric' : 'decimal')} step={step ?? 1} {...props} />;
  if (!units) return field;
  return (
    <div className="flex items-start gap-2">
      <div className="flex-1">{field}</div>
      <div className="w-28 text-sm">
        <span aria-hidden className={`${labelClass} invisible`}>
          {units.label ?? 'Unit'}
        </span>
        <select
          aria-label={units.label ?? 'Unit'}
          value={units.value}
          onChange={(e) => units.onChange(e.target.value)}
          disabled={props.disabled}
          className={box()}
        >
          <Options values={units.options} />
        </select>
      </div>
    </div>
  );
}

/** One <option> per value, shown as `label` words it (the value itself by default). */
export function Options<V extends string>({ values, label = (v) => v }: { values: readonly V[]; label?: (value: V) => ReactNode }) {
  return values.map((v) => (
    <option key={v} value={v}>
      {label(v)}
    </option>
  ));
}

type SelectProps = Omit<SelectHTMLAttributes<HTMLSelectElement>, 'onChange' | 'className' | 'id'> &
  Chrome & { onChange?: (value: string) => void; children: ReactNode };

export function SelectField({ onChange, children, ...props }: SelectProps) {
  const [chrome, select] = splitChrome(props);
  return (
    <Labeled
      {...chrome}
      control={(attrs) => (
        <select {...select} {...attrs} onChange={onChange ? (e) => onChange(e.target.value) : undefined}>
          {children}
        </select>
      )}
    />
  );
}

type AreaProps = Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, 'onChange' | 'className' | 'id'> &
  Chrome & { onChange?: (value: string) => void; mono?: boolean };

export function TextAreaField({ onChange, mono = false, ...props }: AreaProps) {
  const [chrome, area] = splitChrome(props);
  return (
    <Labeled
      {...chrome}
      control={(attrs) => (
        <textarea
          {...area}
          {...attrs}
          className={`${attrs.className} ${mono ? 'font-mono text-xs' : ''}`}
          onChange={onChange ? (e) => onChange(e.target.value) : undefined}
        />
      )}
    />
  );
}

export function CheckboxField({
  label,
  hint,
  error,
  testId,
  checked,
  onChange,
  disabled,
}: Chrome & {
  checked: boolean;
  onChange: (checked: boolean) => void;
  disabled?: boolean;
}) {
  const d = useDescribed(hint, error);
  return (
    <div className="text-sm">
      <label className="flex items-center gap-2">
        <input type="checkbox" data-testid={testId} checked={checked} disabled={disabled} {...d.aria} onChange={(e) => onChange(e.target.checked)} />
        <span>{label}</span>
      </label>
      {d.after}
    </div>
  );
}

export interface RadioOption<V extends string> {
  value: V;
  label: string;
  /** A note after the label (described-by, so it is not part of the option's name). */
  hint?: ReactNode;
  disabled?: boolean;
}

/** A set of radio buttons under a legend; `note` explains disabled options and is tied to them. */
export function RadioGroup<V extends string>({
  legend,
  name,
  value,
  onChange,
  options,
  stacked = false,
  note,
  noteTestId,
  error,
  testId,
}: {
  legend: string;
  name?: string;
  value: V;
  onChange: (value: V) => void;
  options: readonly RadioOption<V>[];
  stacked?: boolean;
  note?: ReactNode;
  noteTestId?: string;
  error?: string;
  testId?: string;
}) {
  const id = useId();
  const noteId = note ? `${id}-note` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  return (
    <fieldset className="text-sm" data-testid={testId} aria-invalid={error ? true : undefined} aria-describedby={errorId}>
      <legend className={labelClass}>{legend}</legend>
      <div className={stacked ? 'space-y-1.5' : 'flex flex-wrap gap-x-4 gap-y-1'}>
        {options.map((o) => {
          const hintId = o.hint ? `${id}-${o.value}-hint` : undefined;
          const describedBy = [hintId, o.disabled ? noteId : undefined].filter(Boolean).join(' ') || undefined;
          return (
            <div key={o.value} className={`flex items-start gap-1 ${o.disabled ? 'text-slate-400' : ''}`}>
              <label className="inline-flex items-start gap-1.5">
                <input
                  type="radio"
                  name={name ?? id}
                  value={o.value}
                  checked={value === o.value}
                  disabled={o.disabled}
                  aria-describedby={describedBy}
                  onChange={() => onChange(o.value)}
                  className="mt-0.5"
                />
                <span className={stacked ? 'font-medium' : ''}>{o.label}</span>
              </label>
              {o.hint ? (
                <span id={hintId} className="text-slate-500">
                  — {o.hint}
                </span>
              ) : null}
            </div>
          );
        })}
      </div>
      {note ? (
        <p id={noteId} className="mt-1 text-xs text-slate-500" data-testid={noteTestId}>
          {note}
        </p>
      ) : null}
      {error ? (
        <p id={errorId} className="mt-1 text-xs text-red-700" role="alert">
          {error}
        </p>
      ) : null}
    </fieldset>
  );
}
