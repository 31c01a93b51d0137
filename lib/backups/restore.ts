import 'server-only';
import { randomUUID } from 'node:crypto';
import { DomainState, type LibvirtClient, type PoolRef, type VolumeRef } from '@/lib/libvirt';
import { Domain } from '@/lib/domain-xml/domain';
import { diskVolume } from '@/lib/domain-xml/volume';
import { ConflictError, InputError, NotFoundError, isLibvirtError } from '@/lib/errors';
import type { HostContext } from '@/lib/hosts';
import { startJob, type JobActor, type JobContext } from '@/lib/jobs/runner';
import { buildVolumeXml, parseVolumeXml, type VolumeFormat } from '@/lib/storage/volume-model';
import { checkVmName } from '@/lib/vms/names';
import { dropVireoCheckpoints } from './health';
import { chainOf, copyVolume, readPoint } from './points';
import type { BackupPointView } from './types';

// Restoring a point: each disk's copy is turned back into one whole image by libvirt's volume clone
// (virStorageVolCreateXMLFrom), which reads the copy through its backing chain, i.e. the full and every
// incremental up to the point, and writes a standalone image. So restore needs no file access and no qemu-img of
// ours, and works on a remote host. Either into a new VM (the definition recorded with the point, new name, UUID
// and MACs) or over the VM's own disks while it is stopped.

export type RestoreRequest = { pointId: string; mode: 'new-vm'; name: string; pool?: string; start?: boolean } | { pointId: string; mode: 'in-place' };

const LONG = { timeoutMs: 6 * 3_600_000 };

/** A standalone image of `from` (and its backing chain) as a new volume. */
export async function flatten(
  client: LibvirtClient,
  pool: PoolRef,
  name: string,
  capacity: number,
  format: VolumeFormat,
  from: VolumeRef,
  signal?: AbortSignal,
) {
  return client.volumes.createXmlFrom(pool, buildVolumeXml({ name, capacity, format }), from, 0, { ...LONG, signal });
}

async function nameIsFree(client: LibvirtClient, name: string): Promise<boolean> {
  try {
    await client.domains.lookupByName(name);
    return false;
  } catch (err) {
    if (isLibvirtError(err)) return true;
    throw err;
  }
}

/** The recorded definition made into a new VM's: its name, a new UUID, MACs and NVRAM left for libvirt to make. */
export function newVmDefinition(recorded: string, name: string, uuid: string, disks: Map<string, { pool: string; volume: string }>): string {
  const d = Domain.parse(recorded);
  d.name = name;
  d.uuid = uuid;
  d.title = null;
  for (const nic of d.interfaces) nic.mac = null;
  if (d.os) d.os.nvram = null;
  for (const disk of d.disks) {
    const restored = disk.target ? disks.get(disk.target) : undefined;
    if (!restored) continue;
    disk.setSource(restored);
    disk.format = 'qcow2';
  }
  return d.toXml();
}

async function restoreNewVm(
  ctx: JobContext,
  client: LibvirtClient,
  point: BackupPointView & { domainXml: string },
  req: Extract<RestoreRequest, { mode: 'new-vm' }>,
) {
  const poolName = req.pool ?? point.pool;
  const pool = await client.pools.lookupByName(poolName);
  const placed = new Map<string, { pool: string; volume: string }>();
  await ctx.step('disks', async () => {
    for (const [i, copy] of point.disks.entries()) {
      ctx.progress(i / point.disks.length, `disk ${copy.target}`);
      const name = `${req.name}-${copy.target}.qcow2`;
      const from = await copyVolume(client, point.pool, copy);
      await ctx.willCreate({ type: 'volume', pool: poolName, name });
      await flatten(client, pool, name, copy.capacity, 'qcow2', from, ctx.signal);
      placed.set(copy.target, { pool: poolName, volume: name });
    }
  });
  const uuid = randomUUID();
  await ctx.step('define', async () => {
    await ctx.willCreate({ type: 'domain', name: req.name, uuid });
    const dom = await client.domains.defineXml(newVmDefinition(point.domainXml, req.name, uuid, placed));
    if (req.start) await client.domains.create(dom);
  });
  return { vm: req.name, uuid, disks: Object.fromEntries(placed) };
}

async function restoreInPlace(ctx: JobContext, client: LibvirtClient, point: BackupPointView) {
  const dom = await client.domains.lookupByUuid(point.vmUuid);
  const current = Domain.parse(await client.domains.xml(dom));
  const plan: { copy: (typeof point.disks)[number]; vol: VolumeRef; format: VolumeFormat }[] = [];
  await ctx.step('disks', async () => {
    for (const copy of point.disks) {
      const disk = current.diskByTarget(copy.target);
      const vol = disk ? await diskVolume(client, disk) : null;
      if (!vol) throw new ConflictError(`Disk ${copy.target} of the VM is not a volume of a storage pool any more; restore to a new VM instead.`);
      const format = parseVolumeXml(await client.volumes.xml(vol)).format === 'raw' ? 'raw' : 'qcow2';
      plan.push({ copy, vol, format });
    }
    for (const [i, { copy, vol, format }] of plan.entries()) {
      ctx.progress(i / plan.length, `disk ${copy.target}`);
      const pool = await client.pools.lookupByName(vol.pool);
      const temp = `${vol.name}.restoring`;
      await ctx.willCreate({ type: 'volume', pool: vol.pool, name: temp });
      const staged = await flatten(client, pool, temp, copy.capacity, format, await copyVolume(client, point.pool, copy), ctx.signal);
      // From here the staged image is the only whole copy until the disk is written again: it outlives a failure.
      await ctx.keep({ type: 'volume', pool: vol.pool, name: temp });
      await client.volumes.delete(vol);
      await flatten(client, pool, vol.name, copy.capacity, format, staged, ctx.signal);
      await client.volumes.delete(staged);
    }
  });
  await ctx.step('define', async () => {
    // The disks' bitmaps went with the images they replaced: the checkpoints describe nothing any more.
    await dropVireoCheckpoints(client, dom);
  });
  return { vm: dom.name, uuid: dom.uuid };
}

export async function startRestore(host: HostContext, actor: JobActor, req: RestoreRequest): Promise<{ jobId: string }> {
  const client = await host.libvirt();
  const point = await readPoint(req.pointId);
  if (point.hostId !== host.id) throw new NotFoundError('There is no such backup point on this host.');
  await chainOf(host.id, point);
  if (req.mode === 'new-vm') {
    const problem = checkVmName(req.name);
    if (problem) throw InputError.of({ name: problem });
    if (!(await nameIsFree(client, req.name))) throw InputError.of({ name: `A VM named "${req.name}" exists already.` });
  } else {
    const dom = await client.domains.lookupByUuid(point.vmUuid).catch(() => null);
    if (!dom) throw new ConflictError(`The VM "${point.vmName}" no longer exists; restore to a new VM instead.`);
    if ((await client.domains.state(dom)).state !== DomainState.SHUTOFF) throw new ConflictError(`Shut "${dom.name}" down first: its disks are replaced.`);
  }
  const jobId = await startJob({
    kind: 'vm.restore',
    objectName: req.mode === 'new-vm' ? req.name : point.vmName,
    actor,
    host,
    auditAction: 'vm.restore',
    auditObjectType: 'vm',
    steps: [
      { id: 'disks', label: req.mode === 'new-vm' ? 'Rebuild the disks from the backup chain' : "Rebuild the disks and replace the VM's own" },
      { id: 'define', label: req.mode === 'new-vm' ? 'Define the new VM' : 'Reset change tracking' },
    ],
    run: async (ctx) => ({
      pointId: point.id,
      ...(req.mode === 'new-vm' ? await restoreNewVm(ctx, client, point, req) : await restoreInPlace(ctx, client, point)),
    }),
  });
  return { jobId };
}
