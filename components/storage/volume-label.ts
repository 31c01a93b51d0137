import { formatBytes } from '@/components/format';
import { describeUser, userLabel, type VolumeUser } from '@/lib/storage/volume-user-names';

// How a volume reads in a picker and in the pool's table: its size in a unit that fits (an ISO of a few hundred
// MiB is not "0.0 GiB"), what a sparse or thin image really occupies, who uses it, and whether it is a base image.

export interface VolumeFacts {
  name: string;
  format: string | null;
  capacity: number;
  allocation: number | null;
  type?: string | null;
  usedBy?: VolumeUser[];
  base?: boolean;
}

/** "364 MiB", or "20 GiB, 1.2 GiB on disk" for a thin image. */
export function volumeSize(v: VolumeFacts): string {
  const size = formatBytes(v.capacity);
  if (v.allocation === null || v.allocation >= v.capacity * 0.95) return size;
  return `${size}, ${formatBytes(v.allocation)} on disk`;
}

/** "in use by web1, default/web1.qcow2", or null. */
export function usersText(v: VolumeFacts): string | null {
  return v.usedBy?.length ? `in use by ${v.usedBy.map(userLabel).join(', ')}` : null;
}

/** A picker's option: "debian.qcow2 (qcow2, 20 GiB, 1.2 GiB on disk) — base image — in use by web1". */
export function volumeOptionLabel(v: VolumeFacts, prefix = ''): string {
  const facts = [v.format, volumeSize(v)].filter(Boolean).join(', ');
  const marks = [v.base ? 'base image' : null, usersText(v)].filter(Boolean);
  return `${prefix}${v.name} (${facts})${marks.length ? ` — ${marks.join(' — ')}` : ''}`;
}

/** Directories inside a pool are listed by libvirt as volumes; they are never a disk or CD-ROM image. */
export function isImage(v: VolumeFacts): boolean {
  return v.type !== 'dir';
}

/** One line per user, for a confirmation dialog. */
export function userLines(v: VolumeFacts): string[] {
  return (v.usedBy ?? []).map(describeUser);
}
