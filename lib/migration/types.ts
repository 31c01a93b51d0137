// What the browser and the API see of a migration. Types and defaults only, so client components may import this.

/** live: the running guest moves without stopping. offline: a stopped VM's definition and disks move. */
export type MigrationMode = 'live' | 'offline';
/** shared: the disks are at the same path on both hosts (one pool on shared storage). copy: Vireo copies them. */
export type StorageMode = 'shared' | 'copy';

export interface MigrationOptions {
  mode: MigrationMode;
  storage: StorageMode;
  /** Keep the VM defined on the destination (else it exists there only while it runs). Default true. */
  persistent: boolean;
  /** Remove the VM's definition from the source once it runs on the destination. Default true. */
  undefineSource: boolean;
  /** MiB/s; 0 or absent: no limit. */
  bandwidthMiBs?: number;
  /** Slows the guest's vCPUs when its memory changes faster than it can be sent. */
  autoConverge?: boolean;
  /** Switches to post-copy when the guest does not converge: it runs on the destination while memory follows. */
  postcopy?: boolean;
  /** Compresses repeated memory pages (xbzrle). */
  compressed?: boolean;
  /**
   * Skips libvirt's check that shared disks really are on shared storage. For storage libvirt does not recognise
   * as shared (it knows NFS, GFS2, OCFS2, Ceph...): the same directory bind-mounted on both hosts, for instance.
   */
  unsafe?: boolean;
  /** Encrypts the migration stream with the hosts' TLS certificates (QEMU's migrate_tls set up on both). */
  tls?: boolean;
}

export const DEFAULT_OPTIONS: MigrationOptions = { mode: 'live', storage: 'shared', persistent: true, undefineSource: true };

export type CheckId = 'destination' | 'state' | 'identity' | 'cpu' | 'memory' | 'networks' | 'storage' | 'placement';

export interface PrecheckItem {
  id: CheckId;
  label: string;
  ok: boolean;
  /** Plain words: what was found, and when refused, why and what to do. */
  detail: string;
}

export interface Precheck {
  ok: boolean;
  checks: PrecheckItem[];
  /** Bytes Vireo copies (copy storage), for the dialog. */
  copyBytes: number;
}

export interface MigrationDestination {
  id: string;
  name: string;
  uri: string;
}
