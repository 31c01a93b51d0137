import { describe, expect, it } from 'vitest';
import { postgresUnderTest } from '@/test/support/test-postgres';
import { recoverInterruptedJobs } from './recovery';
import { claimJob, insertJob, patchJob, readJob, renewLeases, requestCancel } from './store';
import { db } from '@/lib/db/client';
import { serverInstance } from '@/lib/process/instance';
import { withTestDatabase } from '@/test/support/with-test-database';
import type { LibvirtClient } from '@/lib/libvirt';

// Jobs' owners and leases: the sweep fails and rolls back only jobs nothing runs any more. Rows stand for the jobs
// of other servers on the same database (PostgreSQL: the integration-pg tier) or of earlier runs.

// The jobs here made nothing, so their rollback never reaches libvirt.
const noLibvirt = {} as LibvirtClient;
withTestDatabase({ env: { VIREO_SERVER_ID: 'lease-test' } });
const MINUTE = 60_000;

const job = (objectName: string, owner: { owner: string; ownerRun: string; leaseUntil: Date }) =>
  db().job.create({ data: { kind: 'vm.create', objectName, status: 'running', username: 't', steps: '[]', ...owner } });
const status = async (id: string) => (await readJob(id))!.status;

describe('job leases', () => {
  it('a new job belongs to this run, and the heartbeat renews its lease', async () => {
    const id = await insertJob({ kind: 'vm.create', objectName: 'mine', steps: [], userId: null, username: 't', host: 'local' });
    const row = await db().job.findUniqueOrThrow({ where: { id } });
    expect(row).toMatchObject({ owner: 'lease-test', ownerRun: serverInstance().runId });
    await db().job.update({ where: { id }, data: { leaseUntil: new Date(Date.now() - MINUTE) } });
    expect(await renewLeases()).toEqual([]);
    expect((await db().job.findUniqueOrThrow({ where: { id } })).leaseUntil!.getTime()).toBeGreaterThan(Date.now());
    // A cancel asked of another server reaches the owner through the heartbeat.
    expect(await requestCancel(id)).toBe(true);
    expect(await renewLeases()).toEqual([id]);
    // This run's own jobs are never swept, even with a lapsed lease (it is alive).
    await db().job.update({ where: { id }, data: { leaseUntil: new Date(Date.now() - MINUTE), status: 'running' } });
    await recoverInterruptedJobs(noLibvirt, new Date(), 'local');
    expect(await status(id)).toBe('running');
    await patchJob(id, { status: 'cancelled', finished: true });
  });

  it('fails the jobs of a dead server (lease ran out) and of an earlier run of this one, never a live server’s', async () => {
    const later = new Date(Date.now() + MINUTE);
    const dead = await job('dead', { owner: 'gone', ownerRun: 'run-gone', leaseUntil: new Date(Date.now() - 1000) });
    const earlier = await job('earlier', { owner: 'lease-test', ownerRun: 'run-before-restart', leaseUntil: later });
    const live = await job('live', { owner: 'other', ownerRun: 'run-other', leaseUntil: later });
    const n = await recoverInterruptedJobs(noLibvirt, new Date(), 'local');
    expect(await status(dead.id)).toBe('failed');
    expect(await status(earlier.id)).toBe('failed');
    expect((await readJob(dead.id))!.error).toContain('stopped while this job was running');
    if (postgresUnderTest()) {
      expect(n).toBe(2);
      expect(await status(live.id)).toBe('running');
    } else {
      // SQLite is one server's file: no other server can be running anything.
      expect(n).toBe(3);
    }
  });

  it('lets only one of several sweeping servers claim an abandoned job', async () => {
    const seenRow = await job('contested', { owner: 'gone', ownerRun: 'run-gone-2', leaseUntil: new Date(Date.now() - 1000) });
    const seen = { id: seenRow.id, ownerRun: seenRow.ownerRun, leaseUntil: seenRow.leaseUntil };
    const claims = await Promise.all([claimJob(seen), claimJob(seen), claimJob(seen)]);
    expect(claims.filter(Boolean)).toHaveLength(1);
    const row = await db().job.findUniqueOrThrow({ where: { id: seen.id } });
    expect(row.ownerRun).toBe(serverInstance().runId);
    expect(row.leaseUntil!.getTime()).toBeGreaterThan(Date.now());
  });
});
