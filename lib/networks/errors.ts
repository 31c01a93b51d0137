import { InputError } from '@/lib/vms/errors';
import type { FieldErrors } from './validate';

/** Input that fails before libvirt is asked, with the message for each form field. */
export class NetworkInputError extends InputError {
  constructor(readonly fields: FieldErrors, status = 422) {
    super(Object.values(fields)[0] ?? 'The network settings are not valid.', status);
  }
}

/** Deleting (or stopping) a network guests still use: the list lets the page say which. */
export class NetworkInUseError extends InputError {
  constructor(readonly network: string, readonly vms: string[], verb: string) {
    super(`Network "${network}" is still used by ${vms.length === 1 ? 'virtual machine' : `${vms.length} virtual machines`}: ${vms.join(', ')}. ` +
      `Remove their network interfaces or move them to another network before you ${verb} it.`, 409);
  }
}
