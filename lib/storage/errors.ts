import { InputError } from '@/lib/vms/errors';

/** Input refused before libvirt is asked, with a message per form field. */
export class StorageInputError extends InputError {
  constructor(readonly fields: Record<string, string>, status = 422) {
    super(Object.values(fields)[0] ?? 'The storage settings are not valid.', status);
  }
}
