'use client';

import type { ReactNode } from 'react';
import type { Method } from '@/components/data/mutation';
import { Button } from '@/components/ui/button';
import { NumberField } from '@/components/ui/inputs';
import { useDraft, useDraftFields } from '@/components/ui/use-draft';
import { whole } from '@/components/ui/whole-number';
import { useChange, type ChangeState } from './change';
import { useHardwareTab } from './context';
import { ChangeResult } from './outcome';
import { ScopePicker, toScope, useScope, type ScopeState } from './scope';
import { SubForm } from './section';

/** The round trip and the scope choice of one edit form; `persistentOnly` says why live is not offered. */
export function useScopedChange(persistentOnly?: string): { change: ChangeState; scope: ScopeState } {
  const { hw } = useHardwareTab();
  return { change: useChange(), scope: useScope(hw.running, persistentOnly) };
}

/** The keys of `T` whose values are `V`. */
type KeysOf<T, V> = { [K in keyof T]: T[K] extends V ? K : never }[keyof T];

/**
 * The draft of an edit form of several fields, and each control's wiring to it: `text('cores')` gives a text,
 * number or select control its value and its change, `check('topo')` a checkbox, both disabled for those who may
 * not edit.
 */
export function useEditFields<S, T extends object>(source: S, init: (source: S) => T) {
  const { canEdit } = useHardwareTab();
  const [f, set] = useDraftFields(source, init);
  const text = <K extends KeysOf<T, string>>(k: K) => ({ value: f[k] as string, onChange: (v: string) => set(k, v as T[K]), disabled: !canEdit });
  const check = <K extends KeysOf<T, boolean>>(k: K) => ({ checked: f[k] as boolean, onChange: (v: boolean) => set(k, v as T[K]), disabled: !canEdit });
  return { f, set, text, check };
}

/**
 * One edit form of a section: its fields, where the change applies (beside a single field, or under them all),
 * Save for those who may edit, and what the last save did.
 */
export function EditForm({
  title,
  testId,
  change,
  scope,
  scopeBeside = false,
  save,
  saving = 'Saving…',
  invalid = false,
  onSubmit,
  children,
}: {
  title: string;
  testId: string;
  change: ChangeState;
  scope: ScopeState;
  /** Put the scope choice in a two-column grid beside the fields (forms of one field). */
  scopeBeside?: boolean;
  save: string;
  saving?: string;
  /** Disables Save while the fields cannot be sent. */
  invalid?: boolean;
  onSubmit: () => void;
  children: ReactNode;
}) {
  const { canEdit } = useHardwareTab();
  const picker = <ScopePicker {...scope} />;
  return (
    <SubForm title={title} testId={testId} onSubmit={onSubmit}>
      {scopeBeside ? (
        <div className="grid gap-3 sm:grid-cols-2">
          {children}
          {picker}
        </div>
      ) : (
        <>
          {children}
          {picker}
        </>
      )}
      {canEdit ? (
        <Button type="submit" variant="primary" disabled={change.busy || invalid}>
          {change.busy ? saving : save}
        </Button>
      ) : null}
      <ChangeResult outcome={change.outcome} problem={change.problem} />
    </SubForm>
  );
}

/**
 * A form of one whole number (memory in MiB, a vCPU count, a DIMM's size), with the scope beside it. The draft
 * follows `initial` until the user types; `body` turns the number into the request's fields.
 */
export function WholeNumberForm({
  title,
  testId,
  initial,
  label,
  max,
  hint,
  fields,
  notWhole,
  save,
  saving,
  path,
  method,
  body,
}: {
  title: string;
  testId: string;
  initial: number;
  label: string;
  max?: number;
  hint?: ReactNode;
  /** The names the server may give the field's refusal under. */
  fields: string[];
  /** The message while the text is not a whole number. */
  notWhole: string;
  save: string;
  saving?: string;
  path: string;
  method: Method;
  body: (n: number) => object;
}) {
  const { canEdit } = useHardwareTab();
  const [value, setValue] = useDraft(initial, String);
  const { change, scope } = useScopedChange();
  const n = whole(value);
  return (
    <EditForm
      title={title}
      testId={testId}
      change={change}
      scope={scope}
      scopeBeside
      save={save}
      saving={saving}
      invalid={Number.isNaN(n)}
      onSubmit={() => void change.submit(path, method, { ...toScope(scope.value), ...body(n) })}
    >
      <NumberField
        label={label}
        value={value}
        onChange={setValue}
        min={1}
        max={max}
        disabled={!canEdit}
        hint={hint}
        error={change.field(...fields) ?? (value && Number.isNaN(n) ? notWhole : undefined)}
      />
    </EditForm>
  );
}
