import 'server-only';
import type { BackupPoint, BackupSchedule } from '@prisma/client';
import { db } from '@/lib/db/client';
import type { BackupDiskCopy, BackupKind, BackupPointView, BackupScheduleView, BackupStatus, ScheduleScope } from './types';

// Backup points and schedules in the database. A point is written as 'running' before libvirt is asked for
// anything, so a restart in between leaves a row the start-up sweep can close.

export function pointView(row: BackupPoint): BackupPointView {
  return {
    id: row.id,
    vmUuid: row.vmUuid,
    vmName: row.vmName,
    kind: row.kind as BackupKind,
    chainId: row.chainId,
    parentId: row.parentId,
    checkpoint: row.checkpoint,
    pool: row.pool,
    disks: JSON.parse(row.disks) as BackupDiskCopy[],
    sizeBytes: Number(row.sizeBytes),
    status: row.status as BackupStatus,
    error: row.error,
    jobId: row.jobId,
    scheduleId: row.scheduleId,
    createdAt: row.createdAt.toISOString(),
    finishedAt: row.finishedAt?.toISOString() ?? null,
  };
}

export type NewPoint = Pick<BackupPointView, 'id' | 'vmUuid' | 'vmName' | 'kind' | 'chainId' | 'parentId' | 'checkpoint' | 'pool' | 'jobId' | 'scheduleId'> & {
  hostId: string;
  domainXml: string;
  createdAt: Date;
};

export async function insertPoint(p: NewPoint): Promise<void> {
  await db().backupPoint.create({ data: { ...p, disks: '[]', status: 'running' } });
}

export async function finishPoint(
  id: string,
  patch: { status: BackupStatus; disks?: BackupDiskCopy[]; error?: string | null; finishedAt: Date },
): Promise<void> {
  const sizeBytes = patch.disks ? BigInt(patch.disks.reduce((n, d) => n + d.sizeBytes, 0)) : undefined;
  await db().backupPoint.update({
    where: { id },
    data: {
      status: patch.status,
      error: patch.error ?? null,
      finishedAt: patch.finishedAt,
      ...(patch.disks ? { disks: JSON.stringify(patch.disks), sizeBytes } : {}),
    },
  });
}

/** A point that had to start a new chain after all (its base turned out broken when the backup began). */
export async function setPointChain(id: string, chain: { kind: BackupKind; chainId: string; parentId: string | null }): Promise<void> {
  await db().backupPoint.update({ where: { id }, data: chain });
}

export async function readPointRow(id: string): Promise<BackupPoint | null> {
  return db().backupPoint.findUnique({ where: { id } });
}

/** A VM's points, newest first; `status` narrows them. */
export async function vmPoints(hostId: string, vmUuid: string, status?: BackupStatus): Promise<BackupPoint[]> {
  return db().backupPoint.findMany({ where: { hostId, vmUuid, ...(status ? { status } : {}) }, orderBy: { createdAt: 'desc' } });
}

export async function deletePointRow(id: string): Promise<void> {
  await db().backupPoint.delete({ where: { id } });
}

/** Points still marked running that began before `before` (this process's start): nothing is writing them. */
export async function unfinishedPoints(before: Date): Promise<BackupPoint[]> {
  return db().backupPoint.findMany({ where: { status: 'running', createdAt: { lt: before } } });
}

export type ScheduleInput = Pick<
  BackupScheduleView,
  'scope' | 'vmUuid' | 'vmName' | 'tag' | 'cron' | 'pool' | 'keepLast' | 'keepDaily' | 'keepWeekly' | 'enabled'
>;

export function scheduleView(row: BackupSchedule, nextRunAt: Date | null): BackupScheduleView {
  return {
    id: row.id,
    scope: row.scope as ScheduleScope,
    vmUuid: row.vmUuid,
    vmName: row.vmName,
    tag: row.tag,
    cron: row.cron,
    pool: row.pool,
    keepLast: row.keepLast,
    keepDaily: row.keepDaily,
    keepWeekly: row.keepWeekly,
    enabled: row.enabled,
    lastRunAt: row.lastRunAt?.toISOString() ?? null,
    nextRunAt: nextRunAt?.toISOString() ?? null,
    createdAt: row.createdAt.toISOString(),
  };
}

export async function insertSchedule(hostId: string, s: ScheduleInput, createdAt: Date): Promise<BackupSchedule> {
  return db().backupSchedule.create({ data: { hostId, ...s, createdAt } });
}

export async function updateSchedule(id: string, s: Partial<ScheduleInput> & { lastRunAt?: Date }): Promise<BackupSchedule> {
  return db().backupSchedule.update({ where: { id }, data: s });
}

export async function deleteScheduleRow(id: string): Promise<void> {
  await db().backupSchedule.delete({ where: { id } });
}

export async function readSchedule(id: string): Promise<BackupSchedule | null> {
  return db().backupSchedule.findUnique({ where: { id } });
}

export async function hostSchedules(hostId: string): Promise<BackupSchedule[]> {
  return db().backupSchedule.findMany({ where: { hostId }, orderBy: { createdAt: 'asc' } });
}
