import { createHash } from 'node:crypto';
import { ConnectionError } from '../errors';
import { CredentialError } from './dialer';

/** How an SSH host key is trusted: pinned, or decided at first contact (trust on first use). */
export interface HostKeyPolicy {
  /** The pinned fingerprint, `SHA256:<base64>` as `ssh-keygen -l` prints it. Any other key is refused. */
  expected?: string;
  /**
   * Called with the fingerprint when nothing is pinned: resolve true to trust the key (and pin it for next time),
   * false to refuse it. Without it (and without `expected`) an unknown key is refused.
   */
  onFirstContact?(fingerprint: string, host: string): boolean | Promise<boolean>;
}

/** The host key was refused before anything (user name, key, command) was sent to the host. */
export class HostKeyError extends ConnectionError {
  override name = 'HostKeyError';
  constructor(
    readonly kind: 'changed' | 'unknown' | 'rejected',
    readonly host: string,
    /** The fingerprint the host presented. */
    readonly fingerprint: string,
    readonly expected?: string,
  ) {
    super('dial-failed', hostKeyMessage(kind, host, fingerprint, expected));
  }
}

function hostKeyMessage(kind: HostKeyError['kind'], host: string, fingerprint: string, expected?: string): string {
  switch (kind) {
    case 'changed':
      return (
        `the SSH host key of ${host} has changed: it presented ${fingerprint}, pinned is ${expected}; ` +
        'refusing to connect (a reinstalled host, or someone in between)'
      );
    case 'unknown':
      return `the SSH host key of ${host} (${fingerprint}) is not pinned; pin it (hostKey.expected) or decide at first contact (hostKey.onFirstContact)`;
    case 'rejected':
      return `the SSH host key of ${host} (${fingerprint}) was not trusted at first contact`;
  }
}

/** OpenSSH's fingerprint of a public key blob (the key as sent in the key exchange): SHA256, base64 without padding. */
export function sshFingerprint(keyBlob: Buffer): string {
  return `SHA256:${createHash('sha256').update(keyBlob).digest('base64').replace(/=+$/, '')}`;
}

/** `SHA256:abc=` and `abc` name the same key; anything else is not a SHA256 fingerprint. */
export function normalizeFingerprint(fp: string): string {
  const m = /^(?:SHA256:)?([A-Za-z0-9+/]{43})=?$/.exec(fp.trim());
  if (!m) throw new CredentialError(`not an SSH SHA256 fingerprint: ${JSON.stringify(fp)} (expected SHA256:<43 base64 characters>)`);
  return `SHA256:${m[1]}`;
}

/**
 * Decides on a presented key: a pinned key must match exactly (no_verify does not override a pin); an unpinned one
 * is trusted only by `onFirstContact` or, as libvirt's no_verify=1 does, without asking. Rejects with HostKeyError.
 */
export async function checkHostKey(policy: HostKeyPolicy | undefined, host: string, fingerprint: string, noVerify: boolean): Promise<void> {
  if (policy?.expected !== undefined) {
    const expected = normalizeFingerprint(policy.expected);
    if (expected !== fingerprint) throw new HostKeyError('changed', host, fingerprint, expected);
    return;
  }
  if (policy?.onFirstContact) {
    if (await policy.onFirstContact(fingerprint, host)) return;
    throw new HostKeyError('rejected', host, fingerprint);
  }
  if (noVerify) return;
  throw new HostKeyError('unknown', host, fingerprint);
}
