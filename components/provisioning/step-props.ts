import { fieldError } from '@/components/data/problem';
import type { WizardOptions } from '@/components/data/types';
import type { WizardState } from './wizard-state';

export interface StepProps {
  s: WizardState;
  set: (patch: Partial<WizardState>) => void;
  options: WizardOptions;
  /** Server field errors by dotted path (read them with fieldError from components/data/problem). */
  errors: Record<string, string>;
}

/** The keys of the wizard state that hold free text (not a choice from a list). */
export type TextKey = { [K in keyof WizardState]: string extends WizardState[K] ? (WizardState[K] extends string ? K : never) : never }[keyof WizardState];

/**
 * Binds text fields to the wizard state: `text('hostname', 'cloudInit.hostname')` gives a field its value, the
 * change that writes it back, and the server's message found under the given paths.
 */
export function textBinder({ s, set, errors }: Pick<StepProps, 's' | 'set' | 'errors'>) {
  return (key: TextKey, ...paths: string[]) => ({
    value: s[key],
    onChange: (v: string) => set({ [key]: v }),
    error: fieldError(errors, ...paths),
  });
}
