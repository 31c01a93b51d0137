import 'server-only';
import { randomUUID } from 'node:crypto';
import { DomainBackupBeginFlags, DomainState, DomainXMLFlags, type DomainRef, type LibvirtClient, type VolumeRef } from '@/lib/libvirt';
import { buildPushBackupXml } from '@/lib/domain-xml/backup';
import { buildCheckpointXml } from '@/lib/domain-xml/checkpoint';
import { Domain } from '@/lib/domain-xml/domain';
import { diskVolume } from '@/lib/domain-xml/volume';
import { ConflictError, InputError, NotFoundError, isLibvirtError } from '@/lib/errors';
import type { HostContext } from '@/lib/hosts';
import { startJob, type JobActor, type JobContext } from '@/lib/jobs/runner';
import { buildVolumeXml, parseVolumeXml } from '@/lib/storage/volume-model';
import { volumeSha256 } from './checksum';
import { followDomainJob } from './domain-job';
import { chainHealth, dropVireoCheckpoints } from './health';
import { backupDisks, checkpointName, copyVolumeName, systemClock, type Clock } from './plan';
import { finishPoint, insertPoint, pointView, setPointChain, vmPoints } from './store';
import type { BackupDiskCopy, BackupKind, BackupPointView } from './types';

// One backup run, as a job. A running VM is backed up by libvirt's push backup while it runs: the first point of a
// chain is full and creates a checkpoint (a dirty bitmap per qcow2 disk); each later point copies only the blocks
// changed since the previous checkpoint and creates the next one. A stopped VM's volumes are copied by libvirt's
// volume clone. Copies are volumes of the target pool; an incremental one is a qcow2 whose backing file is the
// previous point's copy, so every point reads as the whole disk at its instant.

export interface BackupRequest {
  vm: string;
  pool: string;
  /** Start a new chain even where an incremental would do. */
  full?: boolean;
  scheduleId?: string | null;
}

export interface BackupStarted {
  jobId: string;
  pointId: string;
}

const STEPS = [
  { id: 'plan', label: 'Check the VM and its backup chain' },
  { id: 'targets', label: 'Create the target volumes' },
  { id: 'copy', label: 'Copy the disks' },
  { id: 'record', label: 'Measure and checksum the copies' },
];

interface Target {
  target: string;
  format: string;
  bitmaps: boolean;
  capacity: number;
  vol: VolumeRef;
  path: string;
  source: VolumeRef | null;
}

async function lookupVm(client: LibvirtClient, name: string): Promise<DomainRef> {
  try {
    return await client.domains.lookupByName(name);
  } catch (err) {
    if (isLibvirtError(err)) throw new NotFoundError(`There is no VM named "${name}".`);
    throw err;
  }
}

async function lookupPool(client: LibvirtClient, name: string) {
  try {
    const pool = await client.pools.lookupByName(name);
    if (!(await client.pools.isActive(pool))) throw InputError.of({ pool: `The storage pool "${name}" is not running; start it first.` });
    return pool;
  } catch (err) {
    if (isLibvirtError(err)) throw InputError.of({ pool: `There is no storage pool named "${name}".` });
    throw err;
  }
}

/** Starts a backup of one VM; the job carries on in the background. */
export async function startBackup(host: HostContext, actor: JobActor, req: BackupRequest, clock: Clock = systemClock): Promise<BackupStarted> {
  const client = await host.libvirt();
  const dom = await lookupVm(client, req.vm);
  const targetPool = await lookupPool(client, req.pool);
  const running = (await client.domains.state(dom)).state !== DomainState.SHUTOFF;
  const domainXml = await client.domains.xml(dom, DomainXMLFlags.INACTIVE | DomainXMLFlags.SECURE);
  const disks = await withBitmapSupport(client, Domain.parse(domainXml), backupDisks(Domain.parse(domainXml)));
  if (!disks.length) throw new ConflictError(`The VM "${req.vm}" has no disk to back up.`);
  if (running && (await client.backups.jobStats(dom)).type !== 0)
    throw new ConflictError(`The VM "${req.vm}" is busy with another job (a backup or a migration).`);

  const at = clock.now();
  const pointId = randomUUID();
  let point!: { kind: BackupKind; chainId: string; parentId: string | null; checkpoint: string | null; base: string | null };
  const jobId = await startJob({
    kind: 'vm.backup',
    objectName: req.vm,
    actor,
    host,
    auditAction: 'vm.backup',
    auditObjectType: 'vm',
    steps: STEPS,
    run: (ctx) => runBackup(ctx),
  });

  async function runBackup(ctx: JobContext): Promise<Record<string, unknown>> {
    let checkpointMade = false;
    // Why this backup started a new chain, when it had to: kept in the job's result (step details move on).
    let chainNote: string | null = null;
    try {
      await ctx.step('plan', async () => {
        const last = (await vmPoints(host.id, dom.uuid, 'ok'))[0];
        const targets = disks.map((d) => d.target);
        const health = running && !req.full ? await chainHealth(client, dom, running, targets, last ? lastOf(pointView(last)) : null) : null;
        if (health?.problem) ctx.detail((chainNote = health.problem));
        const bitmaps = disks.some((d) => d.bitmaps);
        const whole = disks.filter((d) => !d.bitmaps).map((d) => d.target);
        if (running && whole.length) ctx.detail(wholeCopyNote(whole));
        if (running && health?.state === 'ok' && last) {
          point = { kind: 'incremental', chainId: last.chainId, parentId: last.id, checkpoint: checkpointName(at, pointId), base: health.base };
        } else {
          if (running) await dropVireoCheckpoints(client, dom);
          point = {
            kind: running ? 'full' : 'copy',
            chainId: pointId,
            parentId: null,
            checkpoint: running && bitmaps ? checkpointName(at, pointId) : null,
            base: null,
          };
        }
        await insertPoint({
          id: pointId,
          hostId: host.id,
          vmUuid: dom.uuid,
          vmName: dom.name,
          kind: point.kind,
          chainId: point.chainId,
          parentId: point.parentId,
          checkpoint: point.checkpoint,
          pool: req.pool,
          domainXml,
          jobId: ctx.id,
          scheduleId: req.scheduleId ?? null,
          createdAt: at,
        });
      });
      const parent = point.parentId ? pointView((await vmPoints(host.id, dom.uuid, 'ok')).find((p) => p.id === point.parentId)!) : null;
      const targets = await ctx.step('targets', async () => {
        const out: Target[] = [];
        for (const d of disks) {
          const name = copyVolumeName(dom.name, d.target, at, pointId, point.kind);
          const base = parent?.disks.find((c) => c.target === d.target);
          if (running) {
            const { capacity } = await client.domains.blockInfo(dom, d.target);
            await ctx.willCreate({ type: 'volume', pool: req.pool, name });
            const xml = buildVolumeXml({ name, capacity, format: 'qcow2', ...(base ? { backing: { path: base.path, format: 'qcow2' } } : {}) });
            const vol = await client.volumes.createXml(targetPool, xml);
            out.push({ ...d, capacity, vol, path: parseVolumeXml(await client.volumes.xml(vol)).path ?? '', source: null });
          } else {
            const disk = Domain.parse(domainXml).diskByTarget(d.target)!;
            const source = await diskVolume(client, disk);
            if (!source) throw new ConflictError(`Disk ${d.target} is not a volume of any storage pool, so libvirt cannot copy it while the VM is stopped.`);
            const { capacity } = await client.volumes.info(source);
            out.push({ ...d, capacity, vol: { pool: req.pool, name, key: '' }, path: '', source });
          }
        }
        return out;
      });
      await ctx.step('copy', async () => {
        if (running) {
          const backupXml = buildPushBackupXml({
            incremental: point.base,
            disks: planDisks(targets),
          });
          const checkpointXml = point.checkpoint
            ? buildCheckpointXml({
                name: point.checkpoint,
                description: `Vireo backup ${pointId}`,
                disks: targets.map((t) => ({ name: t.target, bitmap: t.bitmaps })),
              })
            : null;
          try {
            await client.backups.begin(dom, backupXml, checkpointXml, DomainBackupBeginFlags.EXTERNAL);
          } catch (err) {
            if (point.kind !== 'incremental' || !isBrokenBitmap(err)) throw err;
            // The health check could not see it (QEMU lost the bitmap, libvirt still lists the checkpoint): say so and
            // make this backup the full one that starts a new chain.
            ctx.detail((chainNote = brokenBitmapNote(point.base!, (err as Error).message)));
            await dropVireoCheckpoints(client, dom);
            point = { kind: 'full', chainId: pointId, parentId: null, checkpoint: point.checkpoint, base: null };
            await setPointChain(pointId, { kind: 'full', chainId: pointId, parentId: null });
            for (const t of targets) {
              await client.volumes.delete(t.vol);
              t.vol = await client.volumes.createXml(targetPool, buildVolumeXml({ name: t.vol.name, capacity: t.capacity, format: 'qcow2' }));
            }
            await client.backups.begin(
              dom,
              buildPushBackupXml({ incremental: null, disks: planDisks(targets) }),
              checkpointXml,
              DomainBackupBeginFlags.EXTERNAL,
            );
          }
          checkpointMade = point.checkpoint !== null;
          await followDomainJob(client, dom, ctx.signal, (f, detail) => ctx.progress(f, detail));
        } else {
          for (const [i, t] of targets.entries()) {
            ctx.progress(i / targets.length, `disk ${t.target}`);
            await ctx.willCreate({ type: 'volume', pool: req.pool, name: t.vol.name });
            const xml = buildVolumeXml({ name: t.vol.name, capacity: t.capacity, format: 'qcow2' });
            t.vol = await client.volumes.createXmlFrom(targetPool, xml, t.source!, 0, { signal: ctx.signal, timeoutMs: 6 * 3_600_000 });
            t.path = parseVolumeXml(await client.volumes.xml(t.vol)).path ?? '';
          }
        }
      });
      const copies = await ctx.step('record', async () => {
        const out: BackupDiskCopy[] = [];
        for (const t of targets) {
          const info = await client.volumes.info(t.vol);
          ctx.detail(`checksum of ${t.target}`);
          const sha256 = await volumeSha256(host, t.vol, ctx.signal);
          out.push({ target: t.target, volume: t.vol.name, path: t.path, capacity: t.capacity, sizeBytes: info.allocation, sha256 });
        }
        return out;
      });
      await finishPoint(pointId, { status: 'ok', disks: copies, finishedAt: clock.now() });
      for (const t of targets) await ctx.keep({ type: 'volume', pool: req.pool, name: t.vol.name });
      return { pointId, kind: point.kind, sizeBytes: copies.reduce((n, c) => n + c.sizeBytes, 0), chainNote };
    } catch (err) {
      // A checkpoint whose backup did not complete must not become the next incremental's base.
      if (checkpointMade && point.checkpoint) await client.checkpoints.delete({ name: point.checkpoint, dom }).catch(() => undefined);
      if (point) await finishPoint(pointId, { status: 'failed', error: (err as Error).message, finishedAt: clock.now() }).catch(() => undefined);
      throw err;
    }
  }

  return { jobId, pointId };
}

/**
 * Which disks can carry a dirty bitmap: qcow2 version 3 only. A raw disk or a qcow2 version 2 one (what libvirt makes
 * unless told otherwise) is copied whole in every backup. A disk outside every pool is taken to be able to.
 */
async function withBitmapSupport(client: LibvirtClient, d: Domain, disks: { target: string; format: string }[]) {
  const out: { target: string; format: string; bitmaps: boolean }[] = [];
  for (const disk of disks) {
    let bitmaps = disk.format === 'qcow2';
    const vol = bitmaps ? await diskVolume(client, d.diskByTarget(disk.target)!) : null;
    if (vol) bitmaps = parseVolumeXml(await client.volumes.xml(vol)).compat === '1.1';
    out.push({ ...disk, bitmaps });
  }
  return out;
}

function planDisks(targets: Target[]) {
  return targets.map((t) => ({ name: t.target, targetPath: t.path, format: 'qcow2' as const, mode: t.bitmaps ? undefined : ('full' as const) }));
}

function isBrokenBitmap(err: unknown): boolean {
  return isLibvirtError(err) && (err.codeName === 'ERR_CHECKPOINT_INCONSISTENT' || /bitmap/i.test(err.message));
}

function brokenBitmapNote(checkpoint: string, why: string): string {
  return (
    `The change-tracking bitmap of checkpoint "${checkpoint}" is missing or damaged in the VM's disk image (this happens when the VM ` +
    `crashed or was killed, or its disk was replaced). libvirt says: ${why}. This backup was made a full one instead, starting a new chain.`
  );
}

function wholeCopyNote(targets: string[]): string {
  return (
    `Disk ${targets.join(', ')} cannot track changed blocks (raw, or qcow2 version 2), so it is copied whole every time; ` +
    'converting it to qcow2 version 3 (qemu-img amend -o compat=1.1, VM stopped) makes its backups incremental.'
  );
}

function lastOf(p: BackupPointView) {
  return { checkpoint: p.checkpoint, targets: p.disks.map((d) => d.target) };
}
