import { ErrorNumber, type LibvirtError } from '@/lib/libvirt';

// Turns what went wrong into an HTTP status and a sentence a person can act on, keeping libvirt's own reason.

export interface Described {
  status: number;
  message: string;
  /** libvirt's symbolic code, e.g. ERR_OPERATION_INVALID, for the audit log and API clients. */
  code?: string;
}

export class InputError extends Error {
  constructor(message: string, readonly status = 422) {
    super(message);
  }
}

const notFound = new Set<number>([ErrorNumber.ERR_NO_DOMAIN, ErrorNumber.ERR_NO_STORAGE_VOL, ErrorNumber.ERR_NO_STORAGE_POOL, ErrorNumber.ERR_NO_NETWORK]);
const badInput = new Set<number>([
  ErrorNumber.ERR_XML_ERROR, ErrorNumber.ERR_XML_DETAIL, ErrorNumber.ERR_INVALID_ARG, ErrorNumber.ERR_CONFIG_UNSUPPORTED,
  ErrorNumber.ERR_INVALID_DOMAIN, ErrorNumber.ERR_XML_INVALID_SCHEMA, ErrorNumber.ERR_INVALID_MAC,
]);
const conflict = new Set<number>([ErrorNumber.ERR_OPERATION_INVALID, ErrorNumber.ERR_OPERATION_FAILED, ErrorNumber.ERR_DOM_EXIST, ErrorNumber.ERR_OPERATION_UNSUPPORTED]);

// By name, not instanceof: Next may load lib/libvirt once per bundle layer (pages vs route handlers), and the
// shared connection's errors come from whichever copy created it.
function named(err: unknown, name: string): err is Error {
  return err instanceof Error && err.name === name;
}

export function isLibvirtError(err: unknown): err is LibvirtError {
  return named(err, 'LibvirtError') && typeof (err as LibvirtError).code === 'number';
}

export function describeError(err: unknown, what = 'the virtual machine'): Described {
  if (err instanceof InputError) return { status: err.status, message: err.message };
  if (isLibvirtError(err)) {
    const reason = `libvirt says: ${err.message}`;
    if (notFound.has(err.code)) return { status: 404, message: `${capitalize(what)} was not found (it may have been deleted elsewhere). ${reason}`, code: err.codeName };
    if (badInput.has(err.code)) return { status: 422, message: `libvirt rejected the definition. ${reason}`, code: err.codeName };
    if (conflict.has(err.code)) return { status: 409, message: `That is not possible right now. ${reason}`, code: err.codeName };
    if (err.code === ErrorNumber.ERR_AUTH_FAILED || err.code === ErrorNumber.ERR_ACCESS_DENIED) return { status: 502, message: `libvirt refused Vireo access. ${reason}`, code: err.codeName };
    return { status: 502, message: `The operation failed. ${reason}`, code: err.codeName };
  }
  if (named(err, 'ConnectionError')) return { status: 503, message: `libvirtd is not reachable, nothing was changed. ${err.message}` };
  if (named(err, 'TimeoutError')) return { status: 504, message: 'libvirtd did not answer in time. The operation may still complete; refresh to check.' };
  if (named(err, 'AbortError')) return { status: 499, message: 'The request was cancelled.' };
  return { status: 500, message: `Unexpected error: ${(err as Error)?.message ?? String(err)}` };
}

function capitalize(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}
