import type { Document } from '@xmldom/xmldom';
import { DomainBlockResizeFlags, type LibvirtClient, type VolumeRef } from '@/lib/libvirt';
import { virtioScsiController } from '@/lib/domain-xml/controller';
import { Disk, ioProblem } from '@/lib/domain-xml/disk';
import { Domain } from '@/lib/domain-xml/domain';
import { cloneModel } from '@/lib/domain-xml/model';
import { pickTarget, targetProblem } from '@/lib/domain-xml/targets';
import type { DiskSourceRef } from '@/lib/domain-xml/types';
import { diskVolume } from '@/lib/domain-xml/volume';
import { nameProblem } from '@/lib/storage/names';
import { buildVolumeXml, parseVolumeXml } from '@/lib/storage/volume-model';
import { NotFoundError, isLibvirtError } from '@/lib/errors';
import { parseXml } from '@/lib/xml/parse';
import { capsFor, definePersistent, type VmContext } from './context';
import { editVm } from './edit';
import { refuse } from './errors';
import { filePathProblem, formatFromPath } from './paths';
import { applyHalves, summarize, type Changed, type Halves } from './scope';
import { removalRequested, type RemovableKind } from './pending-removals';
import { disksOf } from './view';
import type { ChangeOutcome, ChangeScope, DiskAdd, DiskUpdate } from './types';
import type { HostContext } from '@/lib/hosts';
import { everyDefinition } from '@/lib/vms/every-definition';

// Disks: add (a new volume in a pool, an existing volume, or a file), remove, grow, and driver options.
// Validation happens before anything is created; a new volume made for a change that then took effect nowhere
// is deleted again.

const GiB = 1024 ** 3;
const MAX_GIB = 64 * 1024;

export function usedTargets(ctx: VmContext): Set<string> {
  return new Set([...disksOf(ctx.inactive), ...disksOf(ctx.live)].map((d) => d.target!));
}

export async function checkBus(ctx: VmContext, bus: string, allowed?: readonly string[]): Promise<void> {
  if (allowed && !allowed.includes(bus)) refuse('bus', `A ${bus} bus is not offered here; choose ${allowed.join(', ')}.`);
  const caps = await capsFor(ctx);
  const machine = Domain.of(ctx.inactive).os.machine ?? caps.machine ?? 'this';
  if (!(caps.diskBuses as string[]).includes(bus)) {
    refuse('bus', `The ${machine} machine type has no ${bus} bus. It offers: ${caps.diskBuses.join(', ')}.`);
  }
}

export function chooseTarget(ctx: VmContext, bus: string, wanted: string | undefined): string {
  const used = usedTargets(ctx);
  if (wanted !== undefined) {
    const problem = targetProblem(wanted, bus, used);
    if (problem) refuse('target', problem);
    return wanted;
  }
  const t = pickTarget(bus, used);
  if (!t) refuse('bus', `No free ${bus} disk name is left on this VM.`);
  return t;
}

/** A SCSI disk needs a controller; libvirt would pick an LSI model most guests lack drivers for, so add virtio-scsi. */
export async function ensureScsiController(ctx: VmContext, half: 'config' | 'live'): Promise<void> {
  const doc = half === 'config' ? ctx.inactive : ctx.live;
  if (!doc || Domain.of(doc).controllers.some((c) => c.type === 'scsi')) return;
  await ctx.client.domains.attachDevice(ctx.dom, virtioScsiController(0).toXml(), half);
}

async function lookupVolume(client: LibvirtClient, poolName: string, volume: string): Promise<VolumeRef> {
  const pp = nameProblem('pool', poolName);
  if (pp) refuse('source.pool', pp);
  const vp = nameProblem('volume', volume);
  if (vp) refuse('source.volume', vp);
  let pool;
  try {
    pool = await client.pools.lookupByName(poolName);
  } catch (err) {
    if (isLibvirtError(err)) refuse('source.pool', `There is no storage pool "${poolName}".`);
    throw err;
  }
  try {
    return await client.volumes.lookupByName(pool, volume);
  } catch (err) {
    if (isLibvirtError(err)) refuse('source.volume', `Pool "${poolName}" has no volume "${volume}".`);
    throw err;
  }
}

async function volumeFormat(client: LibvirtClient, vol: VolumeRef): Promise<string> {
  const f = parseVolumeXml(await client.volumes.xml(vol)).format;
  return f === 'iso' || !f || f === 'none' ? 'raw' : f;
}

/** Disks already using the volume / file in other VMs or this one, so it is not attached twice by accident. */
async function inUseBy(client: LibvirtClient, match: (d: Disk) => boolean): Promise<string[]> {
  // Both definitions: a disk attached only for next boot still claims the image.
  const doms = await everyDefinition(client);
  return doms.filter((dom) => dom.definitions.some((def) => def.disks.some((d) => d.target !== null && match(d)))).map((dom) => dom.name);
}

interface PreparedSource {
  source: DiskSourceRef;
  format: string;
  /** Created by this request, removed again if the change took effect nowhere. */
  created: VolumeRef | null;
  label: string;
}

async function prepareSource(ctx: VmContext, req: DiskAdd): Promise<() => Promise<PreparedSource>> {
  const { client } = ctx;
  const s = req.source;
  if (s.kind === 'file') {
    const problem = filePathProblem(s.path);
    if (problem) refuse('source.path', problem);
    const vol = await client.volumes.lookupByPath(s.path).catch(() => null);
    const format = vol ? await volumeFormat(client, vol) : formatFromPath(s.path);
    await refuseShared(client, req, (d) => d.usesImage({ path: s.path }));
    return () => Promise.resolve({ source: { file: s.path }, format, created: null, label: s.path });
  }
  if (s.kind === 'volume') {
    const vol = await lookupVolume(client, s.pool, s.volume);
    const format = await volumeFormat(client, vol);
    const path = parseVolumeXml(await client.volumes.xml(vol)).path;
    await refuseShared(client, req, (d) => d.usesImage({ pool: s.pool, volume: s.volume, path }));
    return () => Promise.resolve({ source: { pool: s.pool, volume: s.volume }, format, created: null, label: `${s.pool}/${s.volume}` });
  }
  const pp = nameProblem('pool', s.pool);
  if (pp) refuse('source.pool', pp);
  const vp = nameProblem('volume', s.name);
  if (vp) refuse('source.name', vp);
  if (!(s.sizeGiB > 0) || s.sizeGiB > MAX_GIB) refuse('source.sizeGiB', `The size must be more than 0 and at most ${MAX_GIB} GiB.`);
  if (s.format !== 'qcow2' && s.format !== 'raw') refuse('source.format', 'The format must be qcow2 or raw.');
  let pool;
  try {
    pool = await client.pools.lookupByName(s.pool);
  } catch (err) {
    if (isLibvirtError(err)) refuse('source.pool', `There is no storage pool "${s.pool}".`);
    throw err;
  }
  if (await client.volumes.lookupByName(pool, s.name).catch(() => null)) refuse('source.name', `Pool "${s.pool}" already has a volume "${s.name}".`);
  const capacity = Math.round((s.sizeGiB * GiB) / 512) * 512;
  return async () => {
    const created = await client.volumes.createXml(pool, buildVolumeXml({ name: s.name, capacity, format: s.format }));
    return { source: { pool: s.pool, volume: s.name }, format: s.format, created, label: `new ${s.sizeGiB} GiB volume ${s.pool}/${s.name}` };
  };
}

async function refuseShared(client: LibvirtClient, req: DiskAdd, match: (d: Disk) => boolean): Promise<void> {
  if (req.shareable || req.readonly) return;
  const users = await inUseBy(client, match);
  if (users.length) refuse('source', `That image is already a disk of ${users.join(', ')}; attach it read-only or shareable, or pick another.`);
}

export async function addDisk(host: HostContext, name: string, req: DiskAdd): Promise<Changed> {
  return editVm(host, name, req, 'Adding a disk', async (ctx) => {
    await checkBus(ctx, req.bus);
    const target = chooseTarget(ctx, req.bus, req.target);
    const io = ioProblem(req);
    if (io) refuse('io', io);
    const make = await prepareSource(ctx, req);
    const src = await make();
    const disk = Disk.create({ device: 'disk', source: src.source, format: src.format, target, bus: req.bus });
    disk.applyOptions({ cache: req.cache, discard: req.discard, io: req.io, readonly: req.readonly, shareable: req.shareable });
    const xml = disk.toXml();
    try {
      const outcome = await applyHalves(req, attachHalves(ctx, xml, req.bus), `Disk ${target} (${req.bus}, ${src.label}) added`);
      return outcome;
    } catch (err) {
      if (src.created) await ctx.client.volumes.delete(src.created).catch(() => undefined);
      throw err;
    }
  });
}

function findDisk(doc: Document | null, target: string): Disk | null {
  return doc ? Domain.of(doc).diskByTarget(target) : null;
}

/** The disk in each half asked for; refuses when it is missing from one of them. */
export function disksFor(ctx: VmContext, scope: { live: boolean; persistent: boolean }, target: string): { p: Disk | null; l: Disk | null } {
  if (!/^[a-z]{2,3}[a-z0-9]{0,4}$/.test(target)) throw new NotFoundError(`"${target}" is not a disk name.`, { fields: { target: 'Not a disk name.' } });
  const p = findDisk(ctx.inactive, target);
  const l = findDisk(ctx.live, target);
  if (!p && !l) throw new NotFoundError(`"${ctx.dom.name}" has no disk ${target}.`, { fields: { target: 'No such disk.' } });
  if (scope.persistent && !p) refuse('persistent', `Disk ${target} exists only in the running guest, not in the definition for next boot.`);
  if (scope.live && !l) refuse('live', `Disk ${target} is not attached to the running guest (it is only in the definition for next boot).`);
  return { p: scope.persistent ? p : null, l: scope.live ? l : null };
}

/** Attaching a disk or drive: a half whose definition lacks a virtio-scsi controller gets one first. */
export function attachHalves(ctx: VmContext, xml: string, bus: string): Halves {
  const half = (h: 'config' | 'live') => async () => {
    if (bus === 'scsi') await ensureScsiController(ctx, h);
    await ctx.client.domains.attachDevice(ctx.dom, xml, h);
  };
  return { persistent: half('config'), live: half('live') };
}

type Device = { toXml(): string };

/**
 * Detaching a device found in each half asked for. The live half waits for the guest to release it; a guest that
 * has not done so in time leaves the live half pending ("removal requested"): the request stays with the guest,
 * and the Hardware tab marks the device until it is gone.
 */
export async function detachHalves(
  ctx: VmContext,
  scope: ChangeScope,
  found: { p: Device | null; l: Device | null },
  gone: (doc: Document) => boolean,
  what: string,
  device: { kind: RemovableKind; id: string },
): Promise<ChangeOutcome> {
  let pending = false;
  const outcome = await applyHalves(
    scope,
    {
      persistent: () => ctx.client.domains.detachDevice(ctx.dom, found.p!.toXml(), 'config'),
      live: async () => {
        await ctx.client.domains.detachDevice(ctx.dom, found.l!.toXml(), 'live');
        pending = !(await waitGone(ctx, gone));
      },
    },
    what,
  );
  if (pending && outcome.live.status === 'applied') {
    removalRequested(ctx, device.kind, device.id);
    outcome.live = {
      status: 'pending',
      reason:
        'the running guest has not released it yet. It stays attached until the guest lets go ' +
        '(a guest without hotplug support never does: shut it down to remove it).',
    };
    outcome.summary = summarize(what, outcome.live, outcome.persistent);
  }
  return outcome;
}

/** Polls the live definition until the guest has released a device (ACPI unplug is asynchronous). */
export async function waitGone(ctx: VmContext, gone: (doc: Document) => boolean, ms = 20_000): Promise<boolean> {
  const deadline = Date.now() + ms;
  for (;;) {
    const xml = await ctx.client.domains.xml(ctx.dom).catch(() => null);
    if (!xml || gone(parseXml(xml))) return true;
    if (Date.now() > deadline) return false;
    await new Promise((r) => setTimeout(r, 250));
  }
}

export async function removeDisk(host: HostContext, name: string, target: string, scope: { live: boolean; persistent: boolean }): Promise<Changed> {
  return editVm(host, name, scope, 'Removing a disk', async (ctx) => {
    const { p, l } = disksFor(ctx, scope, target);
    const outcome = await detachHalves(
      ctx,
      scope,
      { p, l },
      (doc) => !findDisk(doc, target),
      `${l?.device === 'cdrom' || p?.device === 'cdrom' ? 'CD-ROM drive' : 'Disk'} ${target} removed`,
      { kind: 'disk', id: target },
    );
    return outcome;
  });
}

export async function updateDisk(host: HostContext, name: string, target: string, req: DiskUpdate): Promise<Changed> {
  return editVm(host, name, req, 'The disk change', async (ctx) => {
    const { p, l } = disksFor(ctx, req, target);
    const d = (p ?? l)!;
    const optionsAsked =
      req.cache !== undefined || req.discard !== undefined || req.io !== undefined || req.readonly !== undefined || req.shareable !== undefined;
    if (req.sizeGiB === undefined && !optionsAsked) refuse('sizeGiB', 'Nothing to change: give a new size or driver options.');
    if (req.sizeGiB !== undefined && optionsAsked) refuse('sizeGiB', 'Change the size and the driver options in separate steps.');
    if (d.device === 'cdrom' && req.sizeGiB !== undefined) refuse('sizeGiB', 'A CD-ROM cannot be resized.');
    const io = ioProblem({ cache: req.cache ?? d.cache ?? undefined, io: req.io ?? d.io ?? undefined });
    if (io) refuse('io', io);
    const { client, dom } = ctx;

    if (req.sizeGiB !== undefined) {
      if (!(req.sizeGiB > 0) || req.sizeGiB > MAX_GIB) refuse('sizeGiB', `The size must be more than 0 and at most ${MAX_GIB} GiB.`);
      const bytes = Math.round((req.sizeGiB * GiB) / 512) * 512;
      const vol = p ? await diskVolume(client, p).catch(() => null) : null;
      if (req.persistent && !vol && !req.live)
        refuse('persistent', `Disk ${target} is not a volume of a storage pool, so it can only grow while the VM runs (live).`);
      const current = l ? (await client.domains.blockInfo(dom, target)).capacity : vol ? (await client.volumes.info(vol)).capacity : null;
      if (current !== null && bytes <= current)
        refuse('sizeGiB', `Disk ${target} is already ${(current / GiB).toFixed(2)} GiB; Vireo only grows disks (shrinking destroys data).`);
      const outcome = await applyHalves(
        req,
        {
          // The running guest's image is the pool's volume too: grown live, it needs no second resize.
          live: () => client.domains.blockResize(dom, target, bytes, DomainBlockResizeFlags.BYTES),
          persistent: async () => {
            if (!vol) {
              if (req.live) return; // a file outside pools: the live resize grew the image itself
              refuse('persistent', 'Not a pool volume.');
            }
            if ((await client.volumes.info(vol)).capacity >= bytes) return;
            await client.volumes.resize(vol, bytes);
          },
        },
        `Disk ${target} grown to ${req.sizeGiB} GiB`,
        'live-first',
      );
      return outcome;
    }

    const opts = { cache: req.cache, discard: req.discard, io: req.io, readonly: req.readonly, shareable: req.shareable };
    const outcome = await applyHalves(
      req,
      {
        persistent: async () => {
          p!.applyOptions(opts);
          await definePersistent(ctx, ctx.inactive);
        },
        live: async () => {
          const edited = cloneModel(l!);
          edited.applyOptions(opts);
          await client.domains.updateDevice(dom, edited.toXml(), 'live');
        },
      },
      `Disk ${target} options changed`,
    );
    return outcome;
  });
}
