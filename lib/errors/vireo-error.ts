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

/** The request was refused before anything changed (422 unless told otherwise). */
export class InputError extends VireoError {
  override name = 'InputError';
  constructor(message: string, opts: ErrorOptions = {}) {
    super(message, opts, 422);
  }

  /** A refusal made of per-field messages; the first one is the headline. */
  static of(fields: FieldErrors, fallback = 'The request is not valid.', opts: Omit<ErrorOptions, 'fields'> = {}): InputError {
    return new InputError(Object.values(fields)[0] ?? fallback, { ...opts, fields });
  }
}

export class NotFoundError extends VireoError {
  override name = 'NotFoundError';
  constructor(message: string, opts: ErrorOptions = {}) {
    super(message, opts, 404);
  }
}

/** Not possible in the object's current state (running, in use, already exists). */
export class ConflictError extends VireoError {
  override name = 'ConflictError';
  constructor(message: string, opts: ErrorOptions = {}) {
    super(message, opts, 409);
  }
}

export class ForbiddenError extends VireoError {
  override name = 'ForbiddenError';
  constructor(message: string, opts: ErrorOptions = {}) {
    super(message, opts, 403);
  }
}

export class TooLargeError extends VireoError {
  override name = 'TooLargeError';
  constructor(message: string, opts: ErrorOptions = {}) {
    super(message, opts, 413);
  }
}

export class RateLimitedError extends VireoError {
  override name = 'RateLimitedError';
  constructor(message: string, opts: ErrorOptions = {}) {
    super(message, opts, 429);
  }
}

/** Something Vireo depends on (a download server, libvirtd) failed; nothing is wrong with the request. */
export class UpstreamError extends VireoError {
  override name = 'UpstreamError';
  constructor(message: string, opts: ErrorOptions = {}) {
    super(message, opts, 502);
  }
}
