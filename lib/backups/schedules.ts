import 'server-only';
import { z } from 'zod';
import { InputError, NotFoundError, isLibvirtError, parseInput } from '@/lib/errors';
import type { HostContext } from '@/lib/hosts';
import { jobSettled, type JobActor } from '@/lib/jobs/runner';
import { log } from '@/lib/log';
import { normalizeTag } from '@/lib/tags/rules';
import { vmNameSchema } from '@/lib/vms/names';
import { cronProblem, isDue, nextRun } from './cron';
import { systemClock, type Clock } from './plan';
import { pruneVm } from './prune';
import { startBackup } from './run';
import { deleteScheduleRow, hostSchedules, insertSchedule, readPointRow, readSchedule, scheduleView, updateSchedule, type ScheduleInput } from './store';
import { vmsWithTag } from './tags';
import type { BackupScheduleView } from './types';

// Backup schedules: a cron expression, a pool, a retention policy, and either one VM or a tag (every VM carrying
// it when the schedule fires). Firing is driven by `runDueSchedules(host, now)`: the server calls it every half
// minute with the real time, tests with the time they choose.

const retention = {
  cron: z.string().trim().min(1, 'Say when, as a cron expression.').max(200),
  pool: z.string().trim().min(1, 'Choose the pool the backups go to.').max(200),
  keepLast: z.number().int().min(1, 'Keep at least the newest backup.').max(1000).default(7),
  keepDaily: z.number().int().min(0).max(1000).default(0),
  keepWeekly: z.number().int().min(0).max(1000).default(0),
  enabled: z.boolean().default(true),
};

/** One VM, or every VM carrying a tag when the schedule fires. The cron expression is checked by the service. */
export const scheduleSchema = z.discriminatedUnion('scope', [
  z.object({ scope: z.literal('vm'), vm: vmNameSchema, ...retention }),
  z.object({
    scope: z.literal('tag'),
    tag: z
      .string()
      .trim()
      .min(1, 'Name the tag whose VMs are backed up.')
      // Capitals are let through and lowercased, as the tag editor does.
      .regex(/^[A-Za-z0-9][A-Za-z0-9._-]{0,31}$/, 'A tag is up to 32 letters, digits, ".", "_" and "-", starting with a letter or a digit.')
      .transform(normalizeTag),
    ...retention,
  }),
]);
export type ScheduleBody = z.input<typeof scheduleSchema>;

const SCHEDULER: JobActor = { id: null, username: 'vireo (schedule)', ip: null };

async function toInput(host: HostContext, body: z.output<typeof scheduleSchema>): Promise<ScheduleInput> {
  const cronIssue = cronProblem(body.cron);
  if (cronIssue) throw InputError.of({ cron: cronIssue });
  const client = await host.libvirt();
  try {
    await client.pools.lookupByName(body.pool);
  } catch (err) {
    if (isLibvirtError(err)) throw InputError.of({ pool: `There is no storage pool named "${body.pool}".` });
    throw err;
  }
  let vmUuid: string | null = null;
  if (body.scope === 'vm') {
    try {
      vmUuid = (await client.domains.lookupByName(body.vm)).uuid;
    } catch (err) {
      if (isLibvirtError(err)) throw InputError.of({ vm: `There is no VM named "${body.vm}".` });
      throw err;
    }
  }
  return {
    scope: body.scope,
    vmUuid,
    vmName: body.scope === 'vm' ? body.vm : null,
    tag: body.scope === 'tag' ? body.tag : null,
    cron: body.cron,
    pool: body.pool,
    keepLast: body.keepLast,
    keepDaily: body.keepDaily,
    keepWeekly: body.keepWeekly,
    enabled: body.enabled,
  };
}

function view(row: Awaited<ReturnType<typeof readSchedule>> & object, now: Date): BackupScheduleView {
  return scheduleView(row, row.enabled ? nextRun(row.cron, now) : null);
}

export async function listSchedules(host: HostContext, clock: Clock = systemClock): Promise<BackupScheduleView[]> {
  const now = clock.now();
  return (await hostSchedules(host.id)).map((r) => view(r, now));
}

export async function createSchedule(host: HostContext, raw: unknown, clock: Clock = systemClock): Promise<BackupScheduleView> {
  const input = await toInput(host, parseInput(scheduleSchema, raw));
  return view(await insertSchedule(host.id, input, clock.now()), clock.now());
}

async function ownSchedule(host: HostContext, id: string) {
  const row = await readSchedule(id);
  if (!row || row.hostId !== host.id) throw new NotFoundError('There is no such backup schedule.');
  return row;
}

export async function changeSchedule(host: HostContext, id: string, raw: unknown, clock: Clock = systemClock): Promise<BackupScheduleView> {
  await ownSchedule(host, id);
  const input = await toInput(host, parseInput(scheduleSchema, raw));
  return view(await updateSchedule(id, input), clock.now());
}

export async function deleteSchedule(host: HostContext, id: string): Promise<void> {
  await ownSchedule(host, id);
  await deleteScheduleRow(id);
}

export interface ScheduleRun {
  scheduleId: string;
  vm: string;
  jobId: string | null;
  error: string | null;
  pruned: string[];
}

async function runOne(host: HostContext, s: { id: string; pool: string; keepLast: number; keepDaily: number; keepWeekly: number }, vm: string, now: Date) {
  const at: Clock = { now: () => now };
  try {
    const { jobId, pointId } = await startBackup(host, SCHEDULER, { vm, pool: s.pool, scheduleId: s.id }, at);
    await jobSettled(jobId);
    const point = await readPointRow(pointId);
    const pruned = point?.status === 'ok' ? await pruneVm(host, point.vmUuid, s) : [];
    return { scheduleId: s.id, vm, jobId, error: point?.status === 'ok' ? null : (point?.error ?? 'the backup did not complete'), pruned };
  } catch (err) {
    return { scheduleId: s.id, vm, jobId: null, error: (err as Error).message, pruned: [] };
  }
}

/** Runs every enabled schedule with a firing due at `now`, one VM after another; returns what each did. */
export async function runDueSchedules(host: HostContext, now: Date): Promise<ScheduleRun[]> {
  const out: ScheduleRun[] = [];
  for (const s of await hostSchedules(host.id)) {
    if (!s.enabled || !isDue(s.cron, s.lastRunAt ?? s.createdAt, now)) continue;
    await updateSchedule(s.id, { lastRunAt: now });
    const vms = s.scope === 'vm' ? [s.vmName!] : await vmsWithTag(host, s.tag!);
    for (const vm of vms) out.push(await runOne(host, s, vm, now));
  }
  for (const r of out) if (r.error) log().warn(`scheduled backup of ${r.vm} failed: ${r.error}`);
  return out;
}
