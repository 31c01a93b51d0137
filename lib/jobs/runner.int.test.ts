import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recoverInterruptedJobs } from './recovery';
import { cancelJob, jobSettled, startJob, type JobContext, type JobDefinition } from './runner';
import { readJob } from './store';
import { db } from '@/lib/db/client';
import { createVolume } from '@/lib/storage/volumes';
import { withTestDatabase } from '@/test/support/with-test-database';
import { createTestPool, type TestPool } from '@/test/support/test-pool';
import { testHost } from '@/test/support/test-host';

// The job runner against the real libvirtd: volumes it recorded are removed on failure, on cancel, and by the
// restart sweep; the steps, the error and the audit entry are in the database.

let pool: TestPool;
const host = testHost();
withTestDatabase();

const actor = { id: null, username: 'tester', ip: '127.0.0.1' };

beforeAll(async () => {
  pool = await createTestPool('vireo-test-jobs');
});

afterAll(async () => {
  await pool?.dispose();
  await host.close();
});

async function makeVolume(name: string) {
  await createVolume(host, pool.name, { name, capacity: 1024 * 1024, format: 'qcow2' });
}

/** Makes a volume the job has recorded first, as real steps do, so that its rollback knows to remove it. */
async function makeRecordedVolume(ctx: JobContext, name: string) {
  await ctx.willCreate({ type: 'volume', pool: pool.name, name });
  await makeVolume(name);
}

/** Starts a job as the create flow does (kind and audit action vm.create, on the test host); the test gives the rest. */
function startCreateJob(def: Pick<JobDefinition, 'objectName' | 'steps' | 'run'>): Promise<string> {
  return startJob({ kind: 'vm.create', actor, host, auditAction: 'vm.create', auditObjectType: 'vm', ...def });
}

describe('job runner', () => {
  it('rolls back every volume the job made when a later step fails, and records why', async () => {
    const id = await startCreateJob({
      objectName: 'rollback-me',
      steps: [
        { id: 'a', label: 'first volume' },
        { id: 'b', label: 'second volume' },
        { id: 'c', label: 'fails' },
      ],
      async run(ctx) {
        await ctx.step('a', () => makeRecordedVolume(ctx, 'one.qcow2'));
        await ctx.step('b', () => makeRecordedVolume(ctx, 'two.qcow2'));
        expect(await pool.volumes()).toEqual(['one.qcow2', 'two.qcow2']);
        await ctx.step('c', async () => {
          throw new Error('injected failure after two volumes');
        });
        return {};
      },
    });
    await jobSettled(id);
    expect(await pool.volumes()).toEqual([]);
    const job = (await readJob(id))!;
    expect(job.status).toBe('failed');
    expect(job.error).toContain('injected failure after two volumes');
    expect(job.steps.map((s) => s.status)).toEqual(['done', 'done', 'failed']);
    expect(job.rollback?.map((r) => [r.resource.type === 'volume' ? r.resource.name : '', r.outcome])).toEqual([
      ['two.qcow2', 'removed'],
      ['one.qcow2', 'removed'],
    ]);
    const audit = await db().auditEntry.findFirst({ where: { action: 'vm.create', objectName: 'rollback-me' } });
    expect(audit?.outcome).toBe('error');
    expect(audit?.detail).toContain(id);
  });

  it('cancels a running step and removes what was made', async () => {
    let reached!: () => void;
    const atWait = new Promise<void>((r) => (reached = r));
    const id = await startCreateJob({
      objectName: 'cancel-me',
      steps: [
        { id: 'a', label: 'volume' },
        { id: 'b', label: 'long wait' },
      ],
      async run(ctx) {
        await ctx.step('a', () => makeRecordedVolume(ctx, 'c.qcow2'));
        await ctx.step(
          'b',
          () =>
            new Promise((_, reject) => {
              reached();
              ctx.signal.addEventListener('abort', () => reject(ctx.signal.reason as Error));
            }),
        );
        return {};
      },
    });
    await atWait;
    expect(cancelJob(id)).toBe(true);
    await jobSettled(id);
    const job = (await readJob(id))!;
    expect(job.status).toBe('cancelled');
    expect(job.steps.map((s) => s.status)).toEqual(['done', 'failed']);
    expect(await pool.volumes()).toEqual([]);
  });

  it('at start, fails a job a previous process left running and removes what it recorded (even if it never got made)', async () => {
    await makeVolume('orphan.qcow2');
    const before = new Date();
    const row = await db().job.create({
      data: {
        kind: 'vm.create',
        objectName: 'interrupted',
        status: 'running',
        username: 'tester',
        createdAt: new Date(before.getTime() - 60_000),
        steps: JSON.stringify([
          { id: 'disk', label: 'disk', status: 'done' },
          { id: 'seed', label: 'seed', status: 'running' },
        ]),
        created: JSON.stringify([
          { type: 'volume', pool: pool.name, name: 'orphan.qcow2' },
          { type: 'volume', pool: pool.name, name: 'never-made.iso' },
        ]),
      },
    });
    // A job started after this process began is left alone.
    const fresh = await db().job.create({
      data: { kind: 'vm.create', objectName: 'fresh', status: 'running', username: 'tester', steps: '[]', createdAt: new Date(before.getTime() + 60_000) },
    });
    // So is one on another host: its rollback belongs to that host's sweep.
    const elsewhere = await db().job.create({
      data: { kind: 'vm.create', objectName: 'elsewhere', status: 'running', username: 'tester', steps: '[]', createdAt: row.createdAt, host: 'other' },
    });
    expect(await recoverInterruptedJobs(await host.libvirt(), before, 'local')).toBe(1);
    expect((await readJob(elsewhere.id))!.status).toBe('running');
    expect(await pool.volumes()).toEqual([]);
    const job = (await readJob(row.id))!;
    expect(job.status).toBe('failed');
    expect(job.error).toContain('stopped while this job was running');
    expect(job.steps.find((s) => s.id === 'seed')?.status).toBe('failed');
    expect(job.rollback?.map((r) => r.outcome)).toEqual(['already-gone', 'removed']);
    expect((await readJob(fresh.id))!.status).toBe('running');
  });
});
