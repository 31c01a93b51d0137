import { randomBytes, randomUUID } from 'node:crypto';

// A new VM's identity is fixed when the review step is shown, so the XML the user reviewed is the one defined.

/** QEMU's locally administered prefix 52:54:00 with three random bytes. */
export function randomMac(): string {
  return ['52', '54', '00', ...[...randomBytes(3)].map((b) => b.toString(16).padStart(2, '0'))].join(':');
}

export function newIdentity(): { uuid: string; mac: string } {
  return { uuid: randomUUID(), mac: randomMac() };
}
