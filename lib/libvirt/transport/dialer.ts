import type { Duplex } from 'node:stream';

/**
 * How bytes reach a libvirt daemon. Unix and TCP exist today; TLS (node:tls) and SSH (a tunnel process's stdio)
 * are further implementations of this one method.
 */
export interface Dialer {
  dial(signal?: AbortSignal): Promise<Duplex>;
  /** For messages: where this dialer goes. */
  readonly description: string;
}

/** The key material given for a transport is missing or unusable (a bad key, an unreadable file, a malformed pin). */
export class CredentialError extends Error {
  override name = 'CredentialError';
}
