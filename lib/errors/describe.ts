import { ErrorNumber, type LibvirtError } from '@/lib/libvirt';
import { isVireoError, type FieldErrors } from './vireo-error';

// One mapping from what went wrong to an HTTP status and a sentence a person can act on, keeping libvirt's own
// reason and code. Every route and page answers errors through here.

export interface Problem {
  status: number;
  message: string;
  /** libvirt's symbolic code (e.g. ERR_OPERATION_INVALID) or ours. */
  code?: string;
  fields?: FieldErrors;
  details?: Record<string, unknown>;
}

const notFound = new Set<number>([ErrorNumber.ERR_NO_DOMAIN, ErrorNumber.ERR_NO_STORAGE_VOL, ErrorNumber.ERR_NO_STORAGE_POOL, ErrorNumber.ERR_NO_NETWORK]);
const badInput = new Set<number>([
  ErrorNumber.ERR_XML_ERROR,
  ErrorNumber.ERR_XML_DETAIL,
  ErrorNumber.ERR_INVALID_ARG,
  ErrorNumber.ERR_CONFIG_UNSUPPORTED,
  ErrorNumber.ERR_INVALID_DOMAIN,
  ErrorNumber.ERR_XML_INVALID_SCHEMA,
  ErrorNumber.ERR_INVALID_MAC,
]);
/** The host's libvirt (its driver, or its version) cannot do it at all: asking again will not help, asking another host may. */
const unsupported = new Set<number>([ErrorNumber.ERR_NO_SUPPORT, ErrorNumber.ERR_ARGUMENT_UNSUPPORTED]);
const conflict = new Set<number>([
  ErrorNumber.ERR_OPERATION_INVALID,
  ErrorNumber.ERR_OPERATION_FAILED,
  ErrorNumber.ERR_DOM_EXIST,
  ErrorNumber.ERR_OPERATION_UNSUPPORTED,
]);

// By name: the libvirt client's errors may come from another bundle's copy of lib/libvirt.
function named(err: unknown, name: string): err is Error {
  return err instanceof Error && err.name === name;
}

export function isLibvirtError(err: unknown): err is LibvirtError {
  return named(err, 'LibvirtError') && typeof (err as LibvirtError).code === 'number';
}

/** True for a libvirt error with one of the given codes (e.g. ERR_NO_DOMAIN). */
export function isLibvirtCode(err: unknown, ...codes: number[]): boolean {
  return isLibvirtError(err) && codes.includes(err.code);
}

/** `what` names the object in plain words for not-found messages, e.g. `virtual machine "web-1"`. */
export function describeError(err: unknown, what = 'the object'): Problem {
  if (isVireoError(err)) {
    const p: Problem = { status: err.status, message: err.message };
    if (err.code) p.code = err.code;
    if (Object.keys(err.fields).length) p.fields = err.fields;
    if (Object.keys(err.details).length) p.details = err.details;
    return p;
  }
  if (isLibvirtError(err)) return describeLibvirt(err, what);
  if (named(err, 'ConnectionError')) return { status: 503, message: `libvirtd is not reachable, nothing was changed. ${err.message}` };
  if (named(err, 'TimeoutError')) return { status: 504, message: 'libvirtd did not answer in time. The operation may still complete; refresh to check.' };
  if (named(err, 'AbortError')) return { status: 499, message: 'The request was cancelled.' };
  if (named(err, 'XmlSyntaxError')) return { status: 422, message: err.message };
  return { status: 500, message: `Unexpected error: ${(err as Error)?.message ?? String(err)}` };
}

function describeLibvirt(err: LibvirtError, what: string): Problem {
  const reason = `libvirt says: ${err.message}`;
  const code = err.codeName;
  if (notFound.has(err.code)) return { status: 404, message: `${capitalize(what)} was not found (it may have been deleted elsewhere). ${reason}`, code };
  if (badInput.has(err.code)) return { status: 422, message: `libvirt rejected the definition. ${reason}`, code };
  if (conflict.has(err.code)) return { status: 409, message: `That is not possible right now. ${reason}`, code };
  if (unsupported.has(err.code)) return { status: 409, message: `This host cannot do that: its libvirt does not support it. ${reason}`, code };
  if (err.code === ErrorNumber.ERR_AUTH_FAILED || err.code === ErrorNumber.ERR_ACCESS_DENIED) {
    return { status: 502, message: `libvirt refused Vireo access. ${reason}`, code };
  }
  return { status: 502, message: `The operation failed. ${reason}`, code };
}

/** The message with its code in front, as the audit log keeps it. */
export function problemSummary(p: Problem): string {
  return p.code ? `${p.code}: ${p.message}` : p.message;
}

function capitalize(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}
