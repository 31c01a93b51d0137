import type { ReactNode } from 'react';

/** What frames every labelled control of the input kit. */
export interface Chrome {
  label: string;
  /** Help under the control. */
  hint?: ReactNode;
  /** The field's message, e.g. fieldError(problem.fields, 'name'). */
  error?: string;
  testId?: string;
}

/** Splits a field's props into the frame's (label, help, error, test id) and the control's own. */
export function splitChrome<P extends Chrome>({ label, hint, error, testId, ...control }: P): [Chrome, Omit<P, keyof Chrome>] {
  return [{ label, hint, error, testId }, control];
}
