import { InputError } from '@/lib/vms/errors';
import type { ChangeOutcome } from './types';

/** A request refused before libvirt was asked: answered 422 with the offending field(s); nothing changed. */
export class HardwareInputError extends InputError {
  override name = 'HardwareInputError';
  constructor(message: string, readonly fields: Record<string, string> = {}, status = 422) {
    super(message, status);
  }
}

/** Every half that was asked for was refused by libvirt: nothing took effect (answered 409). */
export class ChangeRefusedError extends InputError {
  override name = 'ChangeRefusedError';
  constructor(message: string, readonly outcome: ChangeOutcome, readonly code?: string) {
    super(message, 409);
  }
}

/** Shorthand: a refusal tied to one request field. */
export function refuse(field: string, message: string): never {
  throw new HardwareInputError(message, { [field]: message });
}
