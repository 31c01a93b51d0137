import type { WizardOptions } from '@/lib/provisioning/options';
import type { WizardState } from './wizard-state';

export interface StepProps {
  s: WizardState;
  set: (patch: Partial<WizardState>) => void;
  options: WizardOptions;
  /** Server field errors by dotted path. */
  errors: Record<string, string>;
}

/** The first error under a path prefix, e.g. err(errors, 'source.image'). */
export function err(errors: Record<string, string>, ...prefixes: string[]): string | undefined {
  for (const p of prefixes) {
    const hit = Object.entries(errors).find(([k]) => k === p || k.startsWith(`${p}.`));
    if (hit) return hit[1];
  }
  return undefined;
}
