import { ErrorDomain, ErrorNumber } from './protocol/constants.gen';

const codeNames = invert(ErrorNumber);
const domainNames = invert(ErrorDomain);

function invert(o: Record<string, number>): Map<number, string> {
  return new Map(Object.entries(o).map(([k, v]) => [v, k]));
}

/**
 * The fields of libvirt's remote_error (protocol/remote.gen's RemoteError) an error is made from. Written out here
 * rather than imported, so that errors.ts, which the packet layer uses, does not depend on the generated protocol.
 */
export interface LibvirtErrorFields {
  code: number;
  domain: number;
  message: string | null;
  level: number;
}

/** An error reported by libvirt itself, with its numeric code and domain (see virterror.h). */
export class LibvirtError extends Error {
  override name = 'LibvirtError';
  /** virErrorNumber, e.g. 42 for VIR_ERR_NO_DOMAIN. */
  readonly code: number;
  /** virErrorDomain: which part of libvirt raised it, e.g. 10 for VIR_FROM_QEMU. */
  readonly domain: number;
  readonly level: number;
  /** Symbolic code, e.g. "ERR_NO_DOMAIN". */
  readonly codeName: string;
  readonly domainName: string;

  constructor(e: LibvirtErrorFields) {
    super(e.message ?? `libvirt error ${e.code}`);
    this.code = e.code;
    this.domain = e.domain;
    this.level = e.level;
    this.codeName = codeNames.get(e.code) ?? `ERR_${e.code}`;
    this.domainName = domainNames.get(e.domain) ?? `FROM_${e.domain}`;
  }
}

export type ConnectionErrorReason =
  | 'not-connected' // no connection at the moment (connecting or reconnecting)
  | 'closed' // closed by the caller
  | 'interrupted' // the connection dropped while the call was in flight
  | 'keepalive-timeout' // the peer stopped answering
  | 'dial-failed' // could not reach the daemon
  | 'protocol'; // the peer sent something that is not libvirt's protocol

/** The call did not complete because the connection to libvirtd is not there (any more). */
export class ConnectionError extends Error {
  override name = 'ConnectionError';
  constructor(
    readonly reason: ConnectionErrorReason,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

/** The peer broke the framing or the layout of a message. */
export class ProtocolError extends Error {
  override name = 'ProtocolError';
}

export class TimeoutError extends Error {
  override name = 'TimeoutError';
}

export class AbortError extends Error {
  override name = 'AbortError';
}
