import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bootToShell, type ConsoleReader } from '@/test/support/console-reader';
import { ensureFixtures, tcgGuestXml } from '@/test/support/fixtures';
import { imageHolds, writeGuestBlock, type Block } from '@/test/support/guest-blocks';
import { vmBackups } from './list';
import { chainOf, readPoint } from './points';
import { INTERRUPTED_BACKUP, recoverInterruptedBackups } from './recovery';
import { startRestore } from './restore';
import { startBackup } from './run';
import { createSchedule, runDueSchedules } from './schedules';
import { startVerify } from './verify';
import { db } from '@/lib/db/client';
import { buildCheckpointXml } from '@/lib/domain-xml/checkpoint';
import { recoverInterruptedJobs } from '@/lib/jobs/recovery';
import { readJob } from '@/lib/jobs/store';
import { settledJob } from '@/test/support/settled-job';
import { withTestDatabase } from '@/test/support/with-test-database';
import { testHost } from '@/test/support/test-host';
import { createTestPool, type TestPool } from '@/test/support/test-pool';
import { virsh, virshDefine } from '@/test/support/virsh';

// Backups of a running TCG guest end to end against the test libvirtd: the guest writes block A, a full backup,
// block B, an incremental (much smaller); each point restored into a new VM holds exactly what the guest had
// written then (read back from the restored images with qemu-img as an independent witness). Then verify, a
// broken chain (checkpoint metadata lost) detected and healed by a full backup, a schedule firing at injected
// times, and retention pruning the old chain while the new one stays restorable.

const run = promisify(execFile);
const host = testHost();
const vm = 'vireo-bk-src';
const actor = { id: null, username: 'tester', ip: '127.0.0.1' };
const MiB = 1024 * 1024;
// Block A: 8 MiB of "A" at 1 MiB; block B: 64 KiB of "B" at 32 MiB. The disk is 64 MiB.
const A: Block = { offset: 1 * MiB, length: 8 * MiB, byte: 0x41 };
const B: Block = { offset: 32 * MiB, length: 64 * 1024, byte: 0x42 };

let disks: TestPool;
let target: TestPool;
let reader: ConsoleReader | null = null;
withTestDatabase();

const guestWrite = (b: Block) => writeGuestBlock(reader!, b);
const holds = imageHolds;

async function backup(opts: { full?: boolean } = {}) {
  const started = await startBackup(host, actor, { vm, pool: target.name, ...opts });
  const job = await settledJob(started.jobId);
  expect(job.error).toBeNull();
  expect(job.status).toBe('succeeded');
  return readPoint(started.pointId);
}

async function restoreNew(pointId: string, name: string) {
  const { jobId } = await startRestore(host, actor, { pointId, mode: 'new-vm', name, pool: disks.name });
  const job = await settledJob(jobId);
  expect(job.error).toBeNull();
  return job;
}

async function cleanup(name: string) {
  await virsh(['destroy', name]).catch(() => undefined);
  await virsh(['undefine', name, '--checkpoints-metadata', '--nvram']).catch(() => undefined);
}

beforeAll(async () => {
  await ensureFixtures();
  for (const n of [vm, 'vireo-bk-r1', 'vireo-bk-r2']) await cleanup(n);
  disks = await createTestPool('vireo-test-bk-disks');
  target = await createTestPool('vireo-test-bk-target');
  // qcow2 version 3 (compat 1.1): only it can hold the dirty bitmaps incrementals need.
  await run('qemu-img', ['create', '-q', '-f', 'qcow2', '-o', 'compat=1.1', `${disks.path}/data.qcow2`, '64M']);
  await virsh(['pool-refresh', disks.name]);
  await virshDefine(tcgGuestXml({ name: vm, withDisk: `${disks.path}/data.qcow2` }));
  reader = await bootToShell(vm, 120_000);
}, 180_000);

afterAll(async () => {
  reader?.close();
  for (const n of [vm, 'vireo-bk-r1', 'vireo-bk-r2']) await cleanup(n);
  await disks?.dispose();
  await target?.dispose();
  await host.close();
});

describe('backups of a running guest', () => {
  let full: Awaited<ReturnType<typeof backup>>;
  let inc: Awaited<ReturnType<typeof backup>>;

  it('takes a full backup, then an incremental holding only the changed blocks', async () => {
    await guestWrite(A);
    full = await backup();
    expect(full).toMatchObject({ kind: 'full', status: 'ok', parentId: null, chainId: full.id });
    expect(full.checkpoint).toMatch(/^vireo-/);
    expect(full.disks).toHaveLength(1);
    expect(full.disks[0]!.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(await virsh(['checkpoint-list', vm, '--name'])).toContain(full.checkpoint);
    expect((await vmBackups(host, vm)).chain).toMatchObject({ state: 'ok', base: full.checkpoint });

    await guestWrite(B);
    inc = await backup();
    expect(inc).toMatchObject({ kind: 'incremental', status: 'ok', parentId: full.id, chainId: full.id });
    expect(full.sizeBytes).toBeGreaterThan(A.length);
    expect(inc.sizeBytes).toBeLessThan(full.sizeBytes / 10);
    console.log(`full ${full.sizeBytes} bytes, incremental ${inc.sizeBytes} bytes`);
  }, 240_000);

  it('restores each point into a new VM: the first holds only A, the second A and B', async () => {
    await restoreNew(full.id, 'vireo-bk-r1');
    await restoreNew(inc.id, 'vireo-bk-r2');
    const r1 = `${disks.path}/vireo-bk-r1-vda.qcow2`;
    const r2 = `${disks.path}/vireo-bk-r2-vda.qcow2`;
    expect(await holds(r1, A)).toBe(true);
    expect(await holds(r1, B)).toBe(false);
    expect(await holds(r2, A)).toBe(true);
    expect(await holds(r2, B)).toBe(true);
    const xml = await virsh(['dumpxml', '--inactive', 'vireo-bk-r2']);
    expect(xml).toContain(`pool='${disks.name}' volume='vireo-bk-r2-vda.qcow2'`);
    expect(xml).not.toContain((await virsh(['domuuid', vm])).trim());
    // The restored image stands alone: no backing file pointing into the backup pool.
    expect((await run('qemu-img', ['info', r2])).stdout).not.toContain('backing file');
  }, 240_000);

  it('verifies a point: checksums read back and qemu-img check', async () => {
    const { jobId } = await startVerify(host, actor, { pointId: inc.id });
    const job = await settledJob(jobId);
    expect(job.error).toBeNull();
    expect(job.steps.map((s) => s.status)).toEqual(['done', 'done', 'skipped']);
  }, 120_000);

  it('detects a chain whose checkpoint metadata is gone, says why, and heals it with a full backup', async () => {
    await virsh(['checkpoint-delete', vm, inc.checkpoint!, '--metadata']);
    const health = (await vmBackups(host, vm)).chain;
    expect(health.state).toBe('broken');
    expect(health.problem).toContain('gone from libvirt');
    expect(health.problem).toContain('full one');
    const healed = await backup();
    expect(healed).toMatchObject({ kind: 'full', chainId: healed.id, parentId: null });
    expect((await vmBackups(host, vm)).chain.state).toBe('ok');
  }, 240_000);

  it('meets a lost dirty bitmap (as after a crash) when the backup begins, says why, and makes that backup full', async () => {
    const last = (await vmBackups(host, vm)).points[0]!;
    const nodes = JSON.parse(await virsh(['qemu-monitor-command', vm, '{"execute":"query-named-block-nodes","arguments":{"flat":true}}'])) as {
      return: { 'node-name': string; 'dirty-bitmaps'?: { name: string }[] }[];
    };
    const node = nodes.return.find((n) => n['dirty-bitmaps']?.some((b) => b.name === last.checkpoint))!;
    await virsh([
      'qemu-monitor-command',
      vm,
      JSON.stringify({ execute: 'block-dirty-bitmap-remove', arguments: { node: node['node-name'], name: last.checkpoint } }),
    ]);
    await guestWrite(B);
    const started = await startBackup(host, actor, { vm, pool: target.name });
    const job = await settledJob(started.jobId);
    expect(job.error).toBeNull();
    expect(job.result?.chainNote).toMatch(/bitmap of checkpoint .* is missing or damaged.*full one instead/);
    const healed = await readPoint(started.pointId);
    expect(healed).toMatchObject({ kind: 'full', chainId: healed.id, parentId: null, status: 'ok' });
    expect(await holds(`${target.path}/${healed.disks[0]!.volume}`, A)).toBe(true);
    expect((await vmBackups(host, vm)).chain).toMatchObject({ state: 'ok', base: healed.checkpoint });
  }, 240_000);

  it('fires a schedule at injected times and prunes by retention without breaking the chain', async () => {
    const t0 = new Date(Date.now() + 24 * 3_600_000);
    t0.setUTCHours(0, 0, 0, 0);
    const at = (h: number) => new Date(t0.getTime() + h * 3_600_000);
    await expect(createSchedule(host, { scope: 'vm', vm, cron: 'every night', pool: target.name }, { now: () => t0 })).rejects.toThrow(/cron expression/);
    const s = await createSchedule(host, { scope: 'vm', vm, cron: '0 3 * * *', pool: target.name, keepLast: 2 }, { now: () => t0 });
    expect(s.nextRunAt).toBe(at(3).toISOString());
    expect(await runDueSchedules(host, at(2))).toEqual([]);
    const first = await runDueSchedules(host, at(3));
    expect(first).toHaveLength(1);
    expect(first[0]!.error).toBeNull();
    await guestWrite({ ...B, byte: 0x43 });
    const second = await runDueSchedules(host, at(27));
    expect(second[0]!.error).toBeNull();
    expect(await runDueSchedules(host, at(28))).toEqual([]);

    const { points } = await vmBackups(host, vm);
    const ok = points.filter((p) => p.status === 'ok');
    // keepLast 2: the two scheduled points and the full they build on; the earlier chains are gone with their volumes.
    expect(ok[0]!.kind).toBe('incremental');
    const chain = await chainOf(host.id, ok[0]!);
    expect(new Set(ok.map((p) => p.id))).toEqual(new Set(chain.map((p) => p.id)));
    expect(ok.some((p) => p.id === full.id || p.id === inc.id)).toBe(false);
    const volumes = await target.volumes();
    expect(volumes.some((v) => v === full.disks[0]!.volume || v === inc.disks[0]!.volume)).toBe(false);
    for (const p of ok) expect(volumes).toContain(p.disks[0]!.volume);
    expect(await holds(`${target.path}/${ok[0]!.disks[0]!.volume}`, { ...B, byte: 0x43 })).toBe(true);
  }, 400_000);
});

describe('a backup cut off by a restart', () => {
  it('is failed at start: its checkpoint deleted, its target volume removed by the job sweep', async () => {
    const client = await host.libvirt();
    const dom = await client.domains.lookupByName(vm);
    const started = new Date();
    const before = new Date(started.getTime() - 60_000);
    const checkpoint = 'vireo-interrupted-1';
    await client.checkpoints.createXml(dom, buildCheckpointXml({ name: checkpoint, disks: [{ name: 'vda', bitmap: true }] }));
    await virsh(['vol-create-as', target.name, 'cut-off.qcow2', '1M', '--format', 'qcow2']);
    const job = await db().job.create({
      data: {
        kind: 'vm.backup',
        objectName: vm,
        status: 'running',
        username: 'tester',
        host: host.id,
        createdAt: before,
        steps: JSON.stringify([{ id: 'copy', label: 'Copy the disks', status: 'running' }]),
        created: JSON.stringify([{ type: 'volume', pool: target.name, name: 'cut-off.qcow2' }]),
      },
    });
    const point = await db().backupPoint.create({
      data: {
        hostId: host.id,
        vmUuid: dom.uuid,
        vmName: vm,
        kind: 'incremental',
        chainId: 'x',
        checkpoint,
        pool: target.name,
        disks: '[]',
        domainXml: '<domain/>',
        status: 'running',
        jobId: job.id,
        createdAt: before,
      },
    });
    expect(await recoverInterruptedBackups(host.id, client, started)).toBe(1);
    expect(await recoverInterruptedJobs(client, started, host.id)).toBe(1);
    const after = await readPoint(point.id);
    expect(after).toMatchObject({ status: 'failed', error: INTERRUPTED_BACKUP });
    expect(await virsh(['checkpoint-list', vm, '--name'])).not.toContain(checkpoint);
    expect(await target.volumes()).not.toContain('cut-off.qcow2');
    expect((await readJob(job.id))!.status).toBe('failed');
    // The chain of the last good point is untouched: the next backup is still incremental.
    expect((await vmBackups(host, vm)).chain.state).toBe('ok');
  }, 60_000);
});
