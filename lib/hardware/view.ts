import type { Document } from '@xmldom/xmldom';
import { NIC_MODELS } from '@/lib/domain-xml/constants';
import type { Disk } from '@/lib/domain-xml/disk';
import { Domain } from '@/lib/domain-xml/domain';
import { hotplugSlots } from '@/lib/domain-xml/pci-slots';
import { diskVolume } from '@/lib/domain-xml/volume';
import { capsFor, loadVm, type VmContext } from './context';
import type { BootView, DiskView, HardwareView, MemoryView, NicView, VcpuView } from './types';
import type { HostContext } from '@/lib/hosts';
import { markPendingRemovals } from './pending-removals';
import { readHostMemory } from '@/lib/host/memory';

// The Hardware tab's picture of a VM: the live and persistent definitions merged device by device (so the user
// sees what differs between the running guest and the next boot), plus what the host offers.

export async function readHardware(host: HostContext, name: string): Promise<HardwareView> {
  return hardwareOf(await loadVm(host, name));
}

export async function hardwareOf(ctx: VmContext): Promise<HardwareView> {
  const { client, dom } = ctx;
  const [caps, autostart, hostMem, info] = await Promise.all([
    capsFor(ctx).catch(() => null),
    client.domains.autostart(dom).catch(() => false),
    readHostMemory(client).catch(() => null),
    ctx.running ? client.domains.info(dom).catch(() => null) : Promise.resolve(null),
  ]);
  const disks = await diskViews(ctx);
  const nics = nicViews(ctx);
  markPendingRemovals(ctx, disks, nics);
  return {
    name: dom.name,
    running: ctx.running,
    vcpus: vcpuView(ctx, caps?.maxVcpus ?? null, caps?.cpuModels ?? [], caps?.cpuModelsUnusable ?? []),
    memory: memoryView(ctx, info?.memoryKiB ?? null, hostMem ? hostMem.totalBytes / 1024 : null),
    disks,
    nics,
    boot: bootView(ctx, autostart, caps?.efi ?? false),
    hotplug: hotplugSlots(Domain.of(ctx.live ?? ctx.inactive)),
    diskBuses: caps?.diskBuses ?? ['virtio', 'scsi', 'sata'],
    nicModels: [...NIC_MODELS],
  };
}

function vcpuView(ctx: VmContext, hostMaximum: number | null, namedModels: string[], unusableModels: string[]): VcpuView {
  const p = Domain.of(ctx.inactive).cpu;
  const live = ctx.live ? Domain.of(ctx.live).cpu : null;
  const mode = p.effectiveMode;
  return {
    current: p.current,
    maximum: p.maximum,
    liveCurrent: live ? live.current : null,
    topology: p.topology,
    mode: mode === 'host-passthrough' || mode === 'host-model' || mode === 'custom' || mode === 'maximum' ? mode : null,
    model: p.model || null,
    hostMaximum,
    namedModels,
    unusableModels,
  };
}

function memoryView(ctx: VmContext, balloonKiB: number | null, hostTotalKiB: number | null): MemoryView {
  const p = Domain.of(ctx.inactive);
  const l = ctx.live ? Domain.of(ctx.live) : null;
  // DIMMs have no stable name in the persistent definition; pair them by order and size.
  const dimms: MemoryView['dimms'] = p.memoryModules.map((d) => ({ sizeKiB: d.sizeKiB ?? 0, node: d.node, inLive: false, inPersistent: true }));
  for (const d of l?.memoryModules ?? []) {
    const match = dimms.find((x) => !x.inLive && x.sizeKiB === (d.sizeKiB ?? 0) && x.node === d.node);
    if (match) match.inLive = true;
    else dimms.push({ sizeKiB: d.sizeKiB ?? 0, node: d.node, inLive: true, inPersistent: false });
  }
  const maximumKiB = p.memory.maximumKiB ?? 0;
  return {
    currentKiB: p.memory.currentKiB ?? maximumKiB,
    maximumKiB,
    liveCurrentKiB: ctx.running ? (balloonKiB ?? l?.memory.currentKiB ?? l?.memory.maximumKiB ?? null) : null,
    hotplug: p.memory.hotplug,
    dimms,
    hostTotalKiB,
  };
}

async function capacityOf(ctx: VmContext, d: Disk, inLive: boolean): Promise<number | null> {
  const { client, dom } = ctx;
  if (d.device === 'cdrom' && !d.sourceRef) return null;
  try {
    if (inLive) return (await client.domains.blockInfo(dom, d.target!)).capacity;
  } catch {
    // fall through to the volume's capacity
  }
  try {
    const vol = await diskVolume(client, d);
    if (vol) return (await client.volumes.info(vol)).capacity;
  } catch {
    // the volume went away or the connection failed: size unknown
  }
  return null;
}

/** The persistent values that differ from the live ones, for "at next boot" notes; absent when they agree. */
function nextBootDiff<T extends object>(live: T | undefined, persistent: T | undefined, keys: (keyof T & string)[]): Record<string, string> | undefined {
  if (!live || !persistent) return undefined;
  const out: Record<string, string> = {};
  for (const k of keys) if (live[k] !== persistent[k]) out[k] = String(persistent[k] ?? 'default');
  return Object.keys(out).length ? out : undefined;
}

/** The disks Vireo can name (by target), as the rows of the Hardware tab see them. */
export function disksOf(doc: Document | null): Disk[] {
  return doc ? Domain.of(doc).disks.filter((d) => d.target !== null) : [];
}

const DEVICES = new Set(['disk', 'cdrom', 'floppy', 'lun']);

function diskFacts(d: Disk) {
  const device = d.device ?? 'disk';
  return {
    device: DEVICES.has(device) ? device : 'disk',
    bus: d.bus,
    format: d.format,
    cache: d.cache,
    discard: d.discard,
    io: d.io,
    readonly: d.readonly,
    shareable: d.shareable,
  };
}

async function diskViews(ctx: VmContext): Promise<DiskView[]> {
  const persistent = disksOf(ctx.inactive);
  const live = disksOf(ctx.live);
  const targets = [...new Set([...live.map((d) => d.target!), ...persistent.map((d) => d.target!)])];
  return Promise.all(
    targets.map(async (target) => {
      const l = live.find((d) => d.target === target);
      const p = persistent.find((d) => d.target === target);
      // The running guest's view of a disk wins for what it is now; the persistent one for boot order.
      const d = (l ?? p)!;
      return {
        target,
        ...diskFacts(d),
        source: d.source,
        pool: d.pool,
        volume: d.volume,
        file: d.file ?? d.dev,
        capacityBytes: await capacityOf(ctx, d, l !== undefined),
        bootOrder: (p ?? d).bootOrder,
        inLive: l !== undefined,
        inPersistent: p !== undefined,
        nextBoot: nextBootDiff(l && diskFacts(l), p && diskFacts(p), ['cache', 'discard', 'io', 'readonly', 'shareable', 'bus', 'format']),
      };
    }),
  );
}

/** The NICs Vireo can name (by MAC, lower case), with what the Hardware tab shows of each. */
export function nicsOf(doc: Document | null) {
  return (doc ? Domain.of(doc).interfaces : [])
    .filter((n) => n.mac !== null)
    .map((n) => ({
      nic: n,
      mac: n.mac!.toLowerCase(),
      type: n.type ?? 'unknown',
      source: n.source,
      model: n.model,
      linkState: n.linkState === 'down' ? ('down' as const) : ('up' as const),
      bootOrder: n.bootOrder,
    }));
}

function nicViews(ctx: VmContext): NicView[] {
  const persistent = nicsOf(ctx.inactive);
  const live = nicsOf(ctx.live);
  const macs = [...new Set([...live.map((n) => n.mac), ...persistent.map((n) => n.mac)])];
  return macs.map((mac) => {
    const l = live.find((n) => n.mac === mac);
    const p = persistent.find((n) => n.mac === mac);
    const n = (l ?? p)!;
    return {
      mac,
      type: n.type,
      source: n.source,
      model: n.model,
      linkState: n.linkState,
      bootOrder: (p ?? n).bootOrder,
      inLive: l !== undefined,
      inPersistent: p !== undefined,
      nextBoot: nextBootDiff(l, p, ['type', 'source', 'model', 'linkState']),
    };
  });
}

const LEGACY_BOOT: Record<string, BootView['order'][number]['kind']> = { hd: 'hd', cdrom: 'cdrom', network: 'network', fd: 'fd' };

function bootView(ctx: VmContext, autostart: boolean, efiOffered: boolean): BootView {
  const d = Domain.of(ctx.inactive);
  const os = d.os;
  const current = Domain.of(ctx.live ?? ctx.inactive);
  const order: BootView['order'] = [];
  const perDevice: { n: number; entry: BootView['order'][number] }[] = [];
  for (const k of disksOf(ctx.inactive)) {
    if (k.bootOrder === null) continue;
    const device = k.device ?? 'disk';
    const label = `${k.target} (${k.bus ?? '?'} ${device}${k.source ? `, ${k.source}` : ''})`;
    perDevice.push({ n: k.bootOrder, entry: { kind: device === 'cdrom' ? 'cdrom' : 'disk', id: k.target!, label } });
  }
  for (const n of nicsOf(ctx.inactive)) {
    if (n.bootOrder === null) continue;
    perDevice.push({ n: n.bootOrder, entry: { kind: 'nic', id: n.mac, label: `Network ${n.mac}${n.source ? ` (${n.source})` : ''}` } });
  }
  order.push(...perDevice.sort((a, b) => a.n - b.n).map((x) => x.entry));
  for (const b of os.bootDevices) {
    const dev = b.dev ?? '';
    const kind = LEGACY_BOOT[dev];
    if (kind)
      order.push({ kind, id: dev, label: { hd: 'First hard disk', cdrom: 'First CD-ROM', network: 'Network (PXE)', fd: 'Floppy' }[kind as 'hd'] ?? dev });
  }
  const efi = os.isEfi;
  return {
    order,
    menu: os.bootMenu === true,
    firmware: efi ? 'efi' : 'bios',
    // The running guest shows the NVRAM libvirt resolved at start; the definition may only say firmware='efi'.
    nvram: (ctx.live ? Domain.of(ctx.live).os.nvramPath : null) ?? os.nvramPath,
    directKernel: os.directKernel,
    machine: os.machine,
    arch: os.arch,
    autostart,
    onCrash: d.onCrash || 'destroy',
    onReboot: d.onReboot || 'restart',
    onPoweroff: d.onPoweroff || 'destroy',
    title: current.title ?? '',
    description: current.description ?? '',
    firmwareChoices: efiOffered || efi ? ['bios', 'efi'] : ['bios'],
  };
}
