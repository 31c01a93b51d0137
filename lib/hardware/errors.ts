import { ConflictError, InputError } from '@/lib/errors';
import type { ChangeOutcome } from './types';

/** Every half that was asked for was refused by libvirt: nothing took effect (409, with the per-half outcome). */
export class ChangeRefusedError extends ConflictError {
  override name = 'ChangeRefusedError';
  constructor(
    message: string,
    readonly outcome: ChangeOutcome,
    code?: string,
  ) {
    super(message, { code, details: { outcome } });
  }
}

/** A refusal tied to one request field, before libvirt was asked: 422, nothing changed. */
export function refuse(field: string, message: string): never {
  throw InputError.of({ [field]: message });
}
