import type { Domain } from '@/lib/domain-xml/domain';

// Pure choices of a backup run: which disks are copied, what the copies and the checkpoint are called.

export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

/** The disks a backup copies: real disks with a source (not CD-ROMs or floppies, not network disks). */
export function backupDisks(d: Domain): { target: string; format: string }[] {
  return d.disks
    .filter((disk) => (disk.device ?? 'disk') === 'disk' && disk.target && disk.sourceRef)
    .map((disk) => ({ target: disk.target!, format: disk.format ?? 'raw' }));
}

/** 20261201-124501: sorts by time and is safe in volume and checkpoint names. */
export function stamp(at: Date): string {
  return at.toISOString().replace(/[-:]/g, '').replace('T', '-').slice(0, 15);
}

/** Unique per point: two backups can now start within one second (a small incremental takes ~0.1 s). */
export function copyVolumeName(vm: string, target: string, at: Date, pointId: string, kind: string): string {
  return `${vm}.${target}.${stamp(at)}-${pointId.slice(0, 8)}.${kind}.qcow2`;
}

export function checkpointName(at: Date, pointId: string): string {
  return `vireo-${stamp(at)}-${pointId.slice(0, 8)}`;
}

/** Checkpoints Vireo made (others are left alone). */
export function isVireoCheckpoint(name: string): boolean {
  return name.startsWith('vireo-');
}
