import type { WizardOptions } from '@/components/data/types';
import type { WizardState } from './wizard-state';

export interface StepProps {
  s: WizardState;
  set: (patch: Partial<WizardState>) => void;
  options: WizardOptions;
  /** Server field errors by dotted path (read them with fieldError from components/data/problem). */
  errors: Record<string, string>;
}
