// Vireo's own errors. Recognised by a brand on the prototype chain, never by `instanceof`: Next may load a module
// once per bundle layer, so an error made by one copy of this file is not an instance of the other copy's class.

const BRAND = Symbol.for('vireo.error');

/** Per-field messages of a refused request, keyed by the field's dotted path in the request body. */
export type FieldErrors = Record<string, string>;

export interface ErrorOptions {
  status?: number;
  fields?: FieldErrors;
  /** A symbolic code for API clients and the audit log (libvirt's, such as ERR_OPERATION_INVALID, or ours). */
  code?: string;
  /** More members of the problem body (e.g. the VMs that still use a network). */
  details?: Record<string, unknown>;
  cause?: unknown;
}

/** Something the user can act on: its message is shown as is, with its HTTP status. */
export class VireoError extends Error {
  override name = 'VireoError';
  readonly status: number;
  readonly fields: FieldErrors;
  readonly code: string | undefined;
  readonly details: Record<string, unknown>;

  constructor(message: string, opts: ErrorOptions = {}, defaultStatus = 500) {
    super(message, opts.cause === undefined ? undefined : { cause: opts.cause });
    this.status = opts.status ?? defaultStatus;
    this.fields = opts.fields ?? {};
    this.code = opts.code;
    this.details = opts.details ?? {};
  }
}
Object.defineProperty(VireoError.prototype, BRAND, { value: true });

export function isVireoError(err: unknown): err is VireoError {
  return typeof err === 'object' && err !== null && (err as Record<symbol, unknown>)[BRAND] === true;
}

/** A kind of VireoError: its name (what describe.ts matches) and the HTTP status it answers with unless told. */
function errorKind(name: string, status: number) {
  return class extends VireoError {
    override name = name;
    constructor(message: string, opts: ErrorOptions = {}) {
      super(message, opts, status);
    }
  };
}

/** The request was refused before anything changed (422 unless told otherwise). */
export class InputError extends errorKind('InputError', 422) {
  /** A refusal made of per-field messages; the first one is the headline. */
  static of(fields: FieldErrors, fallback = 'The request is not valid.', opts: Omit<ErrorOptions, 'fields'> = {}): InputError {
    return new InputError(Object.values(fields)[0] ?? fallback, { ...opts, fields });
  }
}

export class NotFoundError extends errorKind('NotFoundError', 404) {}

/** Not possible in the object's current state (running, in use, already exists). */
export class ConflictError extends errorKind('ConflictError', 409) {}

export class ForbiddenError extends errorKind('ForbiddenError', 403) {}

export class TooLargeError extends errorKind('TooLargeError', 413) {}

export class RateLimitedError extends errorKind('RateLimitedError', 429) {}

/** Something Vireo depends on (a download server, libvirtd) failed; nothing is wrong with the request. */
export class UpstreamError extends errorKind('UpstreamError', 502) {}
