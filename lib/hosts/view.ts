// What the browser sees of a host: never a private key, only whether one is there. Types only (client-safe).
import type { HostTransport } from './input';
import type { HostStatus } from './status';

export interface HostView {
  id: string;
  name: string;
  uri: string;
  transport: HostTransport;
  /** The local host: its connection follows LIBVIRT_URI and it cannot be removed. */
  local: boolean;
  ssh: {
    keySource: 'generated' | 'uploaded' | null;
    /** To copy into the host's ~/.ssh/authorized_keys. */
    publicKey: string | null;
    /** The pinned host key fingerprint; null until the first contact. */
    hostKey: string | null;
  } | null;
  tls: { ca: boolean; cert: boolean; key: boolean } | null;
  status: HostStatus;
}
