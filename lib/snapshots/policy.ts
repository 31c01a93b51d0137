import type { Domain } from '@/lib/domain-xml/domain';
import type { Disk } from '@/lib/domain-xml/disk';

// Which kinds of snapshot a VM can take on this host, which one Vireo offers first, and why — in words a user
// reads in the Snapshots tab and in API errors. Pure: it sees the VM's definition and libvirt's version only.
//
// The rule (the one cockpit-machines follows): external snapshots only where every disk allows them AND the host's
// libvirt can revert them; otherwise internal ones where every disk allows those; an external snapshot that cannot
// be reverted is offered only when it is the one kind the VM can take at all (a UEFI guest on libvirt < 9.9).

export type SnapshotKind = 'internal' | 'external';

/** libvirt reverts external snapshots from 9.9.0 on; 9.0 creates and deletes them but refuses to revert. */
export const EXTERNAL_REVERT_SINCE = 9_009_000;

export interface SnapshotDiskPlan {
  target: string;
  /** Left out of every snapshot: CD-ROMs, read-only and shared disks (libvirt cannot snapshot those consistently). */
  included: boolean;
  internal: string | null;
  external: string | null;
}

export interface KindSupport {
  ok: boolean;
  /** Why not, when not. */
  reason: string | null;
}

export interface SnapshotPolicy {
  internal: KindSupport;
  external: KindSupport & { revertable: boolean };
  /** What the create form offers first; null when the VM can take no snapshot at all. */
  preferred: SnapshotKind | null;
  /** One sentence: why that default. */
  why: string;
  disks: SnapshotDiskPlan[];
}

/** libvirt's version number (major * 1_000_000 + minor * 1000 + micro) in words. */
export function versionText(v: number): string {
  return `${Math.floor(v / 1_000_000)}.${Math.floor((v % 1_000_000) / 1000)}.${v % 1000}`;
}

function usesUefiVars(d: Domain): boolean {
  return d.os.loaderType === 'pflash' || d.os.firmware === 'efi' || !!d.os.nvram;
}

function diskPlan(disk: Disk): SnapshotDiskPlan {
  const target = disk.target ?? '?';
  const device = disk.device ?? 'disk';
  if (device !== 'disk' || disk.readonly || disk.shareable || !disk.source) return { target, included: false, internal: null, external: null };
  const format = disk.format ?? 'raw';
  const internal = format === 'qcow2' ? null : `disk ${target} is ${format}; only qcow2 images hold internal snapshots`;
  const local = disk.type === 'file' || disk.type === 'volume' || disk.type === 'block';
  const external = local ? null : `disk ${target} is a ${disk.type} disk; external snapshots need a file on this host`;
  return { target, included: true, internal, external };
}

export function snapshotPolicy(def: Domain, libvirtVersion: number): SnapshotPolicy {
  const disks = def.disks.map(diskPlan);
  const included = disks.filter((d) => d.included);
  const internalReasons = included.flatMap((d) => (d.internal ? [d.internal] : []));
  if (usesUefiVars(def))
    internalReasons.unshift('UEFI guests keep their firmware variables outside the disks, so libvirt cannot take internal snapshots of them');
  const externalReasons = included.flatMap((d) => (d.external ? [d.external] : []));
  const revertable = libvirtVersion >= EXTERNAL_REVERT_SINCE;
  const internal: KindSupport = { ok: internalReasons.length === 0, reason: internalReasons.length ? sentence(internalReasons) : null };
  const external = { ok: externalReasons.length === 0, reason: externalReasons.length ? sentence(externalReasons) : null, revertable };
  const noRevert = `libvirt ${versionText(libvirtVersion)} on this host can create and delete external snapshots but not revert to them (that needs 9.9)`;
  if (included.length === 0) {
    return { internal, external, preferred: null, why: 'This VM has no writable disk to snapshot.', disks };
  }
  if (external.ok && revertable)
    return { internal, external, preferred: 'external', why: 'Every disk allows external snapshots, and this libvirt can revert them.', disks };
  if (internal.ok) {
    const why = external.ok ? `Internal, because ${noRevert}.` : `Internal, because ${external.reason}.`;
    return { internal, external, preferred: 'internal', why, disks };
  }
  if (external.ok) return { internal, external, preferred: 'external', why: `External only, because ${internal.reason}. Note: ${noRevert}.`, disks };
  return { internal, external, preferred: null, why: `No snapshot is possible: ${internal.reason}; and ${external.reason}.`, disks };
}

function sentence(parts: string[]): string {
  return parts.join('; ');
}
