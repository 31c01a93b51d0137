import 'server-only';
import { execFile } from 'node:child_process';
import { setTimeout as sleep } from 'node:timers/promises';
import { promisify } from 'node:util';
import { DomainState, DomainUndefineFlagsValues, type LibvirtClient } from '@/lib/libvirt';
import { ConflictError, NotFoundError } from '@/lib/errors';
import type { HostContext } from '@/lib/hosts';
import { startJob, type JobActor, type JobContext } from '@/lib/jobs/runner';
import { volumeSha256 } from './checksum';
import { chainOf, copyVolume, readPoint } from './points';
import { flatten, newVmDefinition } from './restore';
import type { BackupPointView } from './types';

// Verifying a point: every copy of its chain still has the bytes recorded when it was written (sha256 read back
// through libvirt); the images are consistent (`qemu-img check` where the host is this machine; elsewhere a trial
// rebuild through libvirt, which reads every cluster of the chain); optionally a test boot of a throwaway VM made
// from the point, which must still be running after a while.

const run = promisify(execFile);
const BOOT_WATCH_MS = 8000;

export interface VerifyRequest {
  pointId: string;
  boot?: boolean;
}

async function checksums(ctx: JobContext, host: HostContext, client: LibvirtClient, chain: BackupPointView[]): Promise<string[]> {
  const bad: string[] = [];
  const copies = chain.flatMap((p) => p.disks.map((c) => ({ p, c })));
  for (const [i, { p, c }] of copies.entries()) {
    ctx.progress(i / copies.length, c.volume);
    const sum = await volumeSha256(host, await copyVolume(client, p.pool, c), ctx.signal);
    if (c.sha256 && sum !== c.sha256) bad.push(`${c.volume} changed since it was written (sha256 ${sum.slice(0, 12)}…, recorded ${c.sha256.slice(0, 12)}…)`);
  }
  return bad;
}

async function imageCheck(ctx: JobContext, host: HostContext, client: LibvirtClient, point: BackupPointView): Promise<string> {
  if (host.local) {
    for (const c of point.disks) {
      // qemu-img check follows the backing chain: one call per disk checks the whole chain's metadata.
      await run('qemu-img', ['check', '-f', 'qcow2', c.path], { signal: ctx.signal }).catch((err: Error & { stdout?: string }) => {
        throw new Error(`qemu-img check found problems in ${c.volume}: ${(err.stdout ?? err.message).trim()}`);
      });
    }
    return 'qemu-img check: no errors';
  }
  const pool = await client.pools.lookupByName(point.pool);
  for (const c of point.disks) {
    const trial = await flatten(client, pool, `${c.volume}.verify`, c.capacity, 'qcow2', await copyVolume(client, point.pool, c), ctx.signal);
    await client.volumes.delete(trial);
  }
  return 'a trial rebuild through libvirt read every block of the chain';
}

async function testBoot(ctx: JobContext, client: LibvirtClient, point: BackupPointView & { domainXml: string }): Promise<string> {
  const name = `${point.vmName}-verify-${point.id.slice(0, 8)}`.slice(0, 100);
  const pool = await client.pools.lookupByName(point.pool);
  const placed = new Map<string, { pool: string; volume: string }>();
  for (const c of point.disks) {
    const vol = `${name}-${c.target}.qcow2`;
    await ctx.willCreate({ type: 'volume', pool: point.pool, name: vol });
    await flatten(client, pool, vol, c.capacity, 'qcow2', await copyVolume(client, point.pool, c), ctx.signal);
    placed.set(c.target, { pool: point.pool, volume: vol });
  }
  const uuid = crypto.randomUUID();
  await ctx.willCreate({ type: 'domain', name, uuid });
  // No NICs: the test boot must not meet the real VM on its network.
  const xml = newVmDefinition(point.domainXml, name, uuid, placed).replace(/<interface[\s\S]*?<\/interface>/g, '');
  const dom = await client.domains.create(await client.domains.defineXml(xml));
  await sleep(BOOT_WATCH_MS, undefined, { signal: ctx.signal });
  const { state } = await client.domains.state(dom);
  await client.domains.destroy(dom).catch(() => undefined);
  await client.domains.undefine(dom, DomainUndefineFlagsValues.NVRAM).catch(() => undefined);
  for (const v of placed.values()) await client.volumes.delete(await client.volumes.lookupByName(pool, v.volume)).catch(() => undefined);
  if (state !== DomainState.RUNNING) throw new Error('The test VM made from this point stopped within seconds of starting.');
  return `test VM ran for ${BOOT_WATCH_MS / 1000} s`;
}

export async function startVerify(host: HostContext, actor: JobActor, req: VerifyRequest): Promise<{ jobId: string }> {
  const client = await host.libvirt();
  const point = await readPoint(req.pointId);
  if (point.hostId !== host.id) throw new NotFoundError('There is no such backup point on this host.');
  const chain = await chainOf(host.id, point);
  if (!point.disks.length) throw new ConflictError('This point holds no disk copies.');
  const jobId = await startJob({
    kind: 'backup.verify',
    objectName: point.vmName,
    actor,
    host,
    auditAction: 'backup.verify',
    auditObjectType: 'vm',
    steps: [
      { id: 'checksums', label: 'Read every copy back and compare checksums' },
      { id: 'check', label: 'Check the images' },
      { id: 'boot', label: 'Test boot' },
    ],
    async run(ctx) {
      const bad = await ctx.step('checksums', () => checksums(ctx, host, client, chain));
      if (bad.length) throw new Error(bad.join('; '));
      const check = await ctx.step('check', () => imageCheck(ctx, host, client, point));
      let boot: string | null = null;
      if (req.boot) boot = await ctx.step('boot', () => testBoot(ctx, client, point));
      else ctx.skip('boot', 'not asked for');
      return { pointId: point.id, ok: true, check, boot };
    },
  });
  return { jobId };
}
