import 'server-only';
import { z } from 'zod';
import type { Job } from '@prisma/client';
import { db } from '@/lib/db/client';
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
  const row = await db().job.create({
    data: {
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

/**
 * Jobs on one host marked running that began before `before` (this process's start): nothing is running them any
 * more. Per host, because what a job made is rolled back on the host it made it on.
 */
export async function unfinishedJobs(
  before: Date,
  host: string,
): Promise<{ id: string; kind: string; objectName: string; created: CreatedResource[]; steps: JobStep[] }[]> {
  const rows = await db().job.findMany({ where: { status: 'running', createdAt: { lt: before }, host } });
  return rows.map((r) => ({
    id: r.id,
    kind: r.kind,
    objectName: r.objectName,
    created: JSON.parse(r.created) as CreatedResource[],
    steps: JSON.parse(r.steps) as JobStep[],
  }));
}

/** The `{id}` of /api/jobs/{id}: job ids are UUIDs; anything else names no job. */
export const jobParams = z.object({ id: z.uuid({ error: 'There is no such job.' }) });
