import 'server-only';
import { z } from 'zod';
import type { Job } from '@prisma/client';
import { loadSettings } from '@/lib/config/settings';
import { db } from '@/lib/db/client';
import { serverInstance } from '@/lib/process/instance';
import type { CreatedResource, JobStatus, JobStep, JobView, RollbackRecord } from './types';

// Jobs live in the database so their steps survive a page reload and a server restart (which fails them).

export interface NewJob {
  kind: string;
  objectName: string;
  steps: { id: string; label: string }[];
  userId: string | null;
  username: string;
  /** The host the job works on (Host.id). */
  host: string;
}

export interface JobPatch {
  status?: JobStatus;
  steps?: JobStep[];
  progress?: number;
  error?: string | null;
  created?: CreatedResource[];
  /** Rollback records go under result.rollback. */
  result?: Record<string, unknown>;
  finished?: boolean;
}

export async function insertJob(job: NewJob): Promise<string> {
  const me = serverInstance();
  const row = await db().job.create({
    data: {
      // This server runs it, and keeps the lease alive while it does (lease.ts).
      owner: me.serverId,
      ownerRun: me.runId,
      leaseUntil: new Date(Date.now() + loadSettings().jobLeaseMs),
      kind: job.kind,
      objectName: job.objectName,
      status: 'running',
      steps: JSON.stringify(job.steps.map((s) => ({ ...s, status: 'pending' }))),
      userId: job.userId,
      username: job.username,
      host: job.host,
    },
  });
  return row.id;
}

export async function patchJob(id: string, patch: JobPatch): Promise<void> {
  await db().job.update({
    where: { id },
    data: {
      ...(patch.status ? { status: patch.status } : {}),
      ...(patch.steps ? { steps: JSON.stringify(patch.steps) } : {}),
      ...(patch.progress !== undefined ? { progress: patch.progress } : {}),
      ...(patch.error !== undefined ? { error: patch.error } : {}),
      ...(patch.created ? { created: JSON.stringify(patch.created) } : {}),
      ...(patch.result ? { result: JSON.stringify(patch.result) } : {}),
      ...(patch.finished ? { finishedAt: new Date() } : {}),
    },
  });
}

export function toView(row: Job): JobView {
  const result = row.result ? (JSON.parse(row.result) as Record<string, unknown>) : null;
  const rollback = (result?.rollback as RollbackRecord[] | undefined) ?? null;
  const kept = (result?.kept as CreatedResource[] | undefined) ?? null;
  return {
    id: row.id,
    kind: row.kind,
    objectName: row.objectName,
    status: row.status as JobStatus,
    steps: JSON.parse(row.steps) as JobStep[],
    progress: row.progress,
    error: row.error,
    rollback,
    kept,
    result,
    username: row.username,
    host: row.host,
    createdAt: row.createdAt.toISOString(),
    finishedAt: row.finishedAt?.toISOString() ?? null,
  };
}

export async function readJob(id: string): Promise<JobView | null> {
  const row = await db().job.findUnique({ where: { id } });
  return row ? toView(row) : null;
}

export async function listJobs(limit = 50): Promise<JobView[]> {
  return (await db().job.findMany({ orderBy: { createdAt: 'desc' }, take: limit })).map(toView);
}

export interface InterruptedJob {
  id: string;
  kind: string;
  objectName: string;
  created: CreatedResource[];
  steps: JobStep[];
}

/**
 * Running jobs nothing runs any more: those of an earlier run of this very server (a restart), those whose owner's
 * lease ran out (that server died or lost the database), and those from before leases existed that began before
 * `before` (this process's start). A job another live server runs is never among them. Per host, because what a job
 * made is rolled back on the host it made it on.
 */
export async function abandonedJobs(before: Date, host: string): Promise<{ id: string; ownerRun: string | null; leaseUntil: Date | null }[]> {
  const me = serverInstance();
  // Jobs from before leases existed have no owner: those begun before this process are over.
  const legacy = { ownerRun: null, createdAt: { lt: before } };
  // SQLite is one server's file: every run but this one is over.
  if (loadSettings().databaseProvider === 'sqlite') {
    return db().job.findMany({
      where: { status: 'running', host, OR: [{ ownerRun: { not: me.runId } }, legacy] },
      select: { id: true, ownerRun: true, leaseUntil: true },
    });
  }
  return db().job.findMany({
    where: {
      status: 'running',
      host,
      OR: [{ owner: me.serverId, ownerRun: { not: me.runId } }, { leaseUntil: { lt: new Date() }, ownerRun: { not: me.runId } }, legacy],
    },
    select: { id: true, ownerRun: true, leaseUntil: true },
  });
}

/**
 * Takes an abandoned job over for its rollback, if it is still as it was read: of several servers sweeping at
 * once, one gets it. The job is then this run's, its lease renewed by this server's heartbeat.
 */
export async function claimJob(seen: { id: string; ownerRun: string | null; leaseUntil: Date | null }): Promise<InterruptedJob | null> {
  const me = serverInstance();
  const { count } = await db().job.updateMany({
    where: { id: seen.id, status: 'running', ownerRun: seen.ownerRun, leaseUntil: seen.leaseUntil },
    data: { owner: me.serverId, ownerRun: me.runId, leaseUntil: new Date(Date.now() + loadSettings().jobLeaseMs) },
  });
  if (count !== 1) return null;
  const r = await db().job.findUnique({ where: { id: seen.id } });
  if (!r) return null;
  return {
    id: r.id,
    kind: r.kind,
    objectName: r.objectName,
    created: JSON.parse(r.created) as CreatedResource[],
    steps: JSON.parse(r.steps) as JobStep[],
  };
}

/** The heartbeat: this run's running jobs stay its own for another lease; returns those a user asked to cancel. */
export async function renewLeases(): Promise<string[]> {
  const me = serverInstance();
  await db().job.updateMany({
    where: { ownerRun: me.runId, status: 'running' },
    data: { leaseUntil: new Date(Date.now() + loadSettings().jobLeaseMs) },
  });
  const cancels = await db().job.findMany({ where: { ownerRun: me.runId, status: 'running', cancelRequested: true }, select: { id: true } });
  return cancels.map((c) => c.id);
}

/** A cancel that reached a server other than the job's: the owner's heartbeat sees it. */
export async function requestCancel(id: string): Promise<boolean> {
  const { count } = await db().job.updateMany({ where: { id, status: 'running' }, data: { cancelRequested: true } });
  return count === 1;
}

/** The `{id}` of /api/jobs/{id}: job ids are UUIDs; anything else names no job. */
export const jobParams = z.object({ id: z.uuid({ error: 'There is no such job.' }) });
