import { InputError } from '@/lib/vms/errors';

/** The wizard's input refused before anything is created, with a message per form field (dotted paths). */
export class ProvisionInputError extends InputError {
  constructor(readonly fields: Record<string, string>, status = 422) {
    super(Object.values(fields)[0] ?? 'The new virtual machine settings are not valid.', status);
  }
}
