// What the browser sees of backups. Types only, so client components may import this file.

export type BackupKind = 'full' | 'incremental' | 'copy';
export type BackupStatus = 'running' | 'ok' | 'failed';

/** One disk's copy in a backup point. */
export interface BackupDiskCopy {
  /** The disk's target in the VM ("vda"). */
  target: string;
  /** The pool volume holding the copy (an incremental: a qcow2 whose backing file is the previous point's). */
  volume: string;
  path: string;
  /** Guest-visible size of the disk. */
  capacity: number;
  /** What the copy occupies in the pool. */
  sizeBytes: number;
  /** sha256 of the volume's bytes as written; verify reads them again. */
  sha256: string | null;
}

export interface BackupPointView {
  id: string;
  vmUuid: string;
  vmName: string;
  kind: BackupKind;
  chainId: string;
  parentId: string | null;
  checkpoint: string | null;
  pool: string;
  disks: BackupDiskCopy[];
  sizeBytes: number;
  status: BackupStatus;
  error: string | null;
  jobId: string | null;
  scheduleId: string | null;
  createdAt: string;
  finishedAt: string | null;
}

export type ScheduleScope = 'vm' | 'tag';

export interface Retention {
  /** The newest N points. */
  keepLast: number;
  /** The newest point of each of the last D days that have one. */
  keepDaily: number;
  /** The newest point of each of the last W ISO weeks that have one. */
  keepWeekly: number;
}

export interface BackupScheduleView extends Retention {
  id: string;
  scope: ScheduleScope;
  vmUuid: string | null;
  vmName: string | null;
  tag: string | null;
  cron: string;
  pool: string;
  enabled: boolean;
  lastRunAt: string | null;
  /** When it fires next (from its cron expression), or null when disabled. */
  nextRunAt: string | null;
  createdAt: string;
}

/** The state of a VM's backup chain, in plain words. */
export interface ChainHealth {
  /** 'ok': the next backup is incremental. 'none': no usable base, the next is full. 'broken': see `problem`. */
  state: 'ok' | 'none' | 'broken';
  /** Why the chain cannot go on, for people: what happened and what Vireo does about it. */
  problem: string | null;
  /** The checkpoint the next incremental builds on. */
  base: string | null;
}

/** GET /api/vms/{name}/backups */
export interface VmBackups {
  points: BackupPointView[];
  chain: ChainHealth;
  running: boolean;
}
