import type { Element } from '@xmldom/xmldom';
import type { LibvirtClient } from '@/lib/libvirt';
import { attr, child, children, path, text } from '@/lib/xml/parse';
import { capsFor, loadVm, root, type VmContext } from './context';
import { diskSourceLabel, readDisks, readMemory, readNics, readVcpus, type DiskEl } from './read-model';
import type { BootView, DiskView, HardwareView, MemoryView, NicView, VcpuView } from './types';
import type { HostContext } from '@/lib/hosts';

// The Hardware tab's picture of a VM: the live and persistent definitions merged device by device (so the user
// sees what differs between the running guest and the next boot), plus what the host offers.

export const NIC_MODELS = ['virtio', 'e1000e', 'e1000', 'rtl8139'];

export async function readHardware(host: HostContext, name: string, client?: LibvirtClient): Promise<HardwareView> {
  return hardwareOf(await loadVm(host, name));
}

export async function hardwareOf(ctx: VmContext): Promise<HardwareView> {
  const { client, dom } = ctx;
  const [caps, autostart, node, info] = await Promise.all([
    capsFor(ctx).catch(() => null),
    client.domains.autostart(dom).catch(() => false),
    client.host.nodeInfo().catch(() => null),
    ctx.running ? client.domains.info(dom).catch(() => null) : Promise.resolve(null),
  ]);
  const disks = await diskViews(ctx);
  return {
    name: dom.name,
    running: ctx.running,
    vcpus: vcpuView(ctx, caps?.maxVcpus ?? null, caps?.cpuModels ?? []),
    memory: memoryView(ctx, info?.memoryKiB ?? null, node?.memoryKiB ?? null),
    disks,
    nics: nicViews(ctx),
    boot: bootView(ctx, autostart, caps?.efi ?? false),
    diskBuses: caps?.diskBuses ?? ['virtio', 'scsi', 'sata'],
    nicModels: NIC_MODELS,
  };
}

function vcpuView(ctx: VmContext, hostMaximum: number | null, namedModels: string[]): VcpuView {
  const p = readVcpus(ctx.inactive);
  const live = ctx.live ? readVcpus(ctx.live) : null;
  const mode = p.mode === 'host-passthrough' || p.mode === 'host-model' || p.mode === 'custom' || p.mode === 'maximum' ? p.mode : null;
  return {
    current: p.current,
    maximum: p.maximum,
    liveCurrent: live ? live.current : null,
    topology: p.topology,
    mode,
    model: p.model,
    hostMaximum,
    namedModels,
  };
}

function memoryView(ctx: VmContext, balloonKiB: number | null, hostTotalKiB: number | null): MemoryView {
  const p = readMemory(ctx.inactive);
  const l = ctx.live ? readMemory(ctx.live) : null;
  // DIMMs have no stable name in the persistent definition; pair them by order and size.
  const dimms: MemoryView['dimms'] = p.dimms.map((d) => ({ sizeKiB: d.sizeKiB, node: d.node, inLive: false, inPersistent: true }));
  for (const d of l?.dimms ?? []) {
    const match = dimms.find((x) => !x.inLive && x.sizeKiB === d.sizeKiB && x.node === d.node);
    if (match) match.inLive = true;
    else dimms.push({ sizeKiB: d.sizeKiB, node: d.node, inLive: true, inPersistent: false });
  }
  return {
    currentKiB: p.currentKiB,
    maximumKiB: p.maximumKiB,
    liveCurrentKiB: ctx.running ? (balloonKiB ?? l?.currentKiB ?? null) : null,
    hotplug: p.hotplug,
    dimms,
    hostTotalKiB,
  };
}

async function capacityOf(ctx: VmContext, d: DiskEl, inLive: boolean): Promise<number | null> {
  const { client, dom } = ctx;
  if (d.device === 'cdrom' && !d.file && !d.volume && !d.dev) return null;
  try {
    if (inLive) return (await client.domains.blockInfo(dom, d.target)).capacity;
  } catch {
    // fall through to the volume's capacity
  }
  try {
    if (d.pool && d.volume) {
      const pool = await client.pools.lookupByName(d.pool);
      return (await client.volumes.info(await client.volumes.lookupByName(pool, d.volume))).capacity;
    }
    const p = d.file ?? d.dev;
    if (p) return (await client.volumes.info(await client.volumes.lookupByPath(p))).capacity;
  } catch {
    // not in any pool libvirt knows: size unknown
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

async function diskViews(ctx: VmContext): Promise<DiskView[]> {
  const persistent = readDisks(ctx.inactive);
  const live = ctx.live ? readDisks(ctx.live) : [];
  const targets = [...new Set([...live.map((d) => d.target), ...persistent.map((d) => d.target)])];
  return Promise.all(
    targets.map(async (target) => {
      const l = live.find((d) => d.target === target);
      const p = persistent.find((d) => d.target === target);
      // The running guest's view of a disk wins for what it is now; the persistent one for boot order.
      const d = (l ?? p)!;
      return {
        target,
        device: d.device,
        bus: d.bus,
        format: d.format,
        source: diskSourceLabel(d),
        pool: d.pool,
        volume: d.volume,
        file: d.file ?? d.dev,
        cache: d.cache,
        discard: d.discard,
        io: d.io,
        readonly: d.readonly,
        shareable: d.shareable,
        capacityBytes: await capacityOf(ctx, d, l !== undefined),
        bootOrder: (p ?? d).bootOrder,
        inLive: l !== undefined,
        inPersistent: p !== undefined,
        nextBoot: nextBootDiff(l, p, ['cache', 'discard', 'io', 'readonly', 'shareable', 'bus', 'format']),
      };
    }),
  );
}

function nicViews(ctx: VmContext): NicView[] {
  const persistent = readNics(ctx.inactive);
  const live = ctx.live ? readNics(ctx.live) : [];
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

function nvramOf(os: Element | null): string | null {
  const nv = child(os, 'nvram');
  return text(nv) || attr(nv, 'template') || null;
}

const LEGACY_BOOT: Record<string, BootView['order'][number]['kind']> = { hd: 'hd', cdrom: 'cdrom', network: 'network', fd: 'fd' };

function bootView(ctx: VmContext, autostart: boolean, efiOffered: boolean): BootView {
  const r = root(ctx.inactive);
  const os = child(r, 'os');
  const order: BootView['order'] = [];
  const perDevice: { n: number; entry: BootView['order'][number] }[] = [];
  for (const d of readDisks(ctx.inactive)) {
    if (d.bootOrder === null) continue;
    const kind = d.device === 'cdrom' ? 'cdrom' : 'disk';
    perDevice.push({ n: d.bootOrder, entry: { kind, id: d.target, label: `${d.target} (${d.bus ?? '?'} ${d.device}${diskSourceLabel(d) ? `, ${diskSourceLabel(d)}` : ''})` } });
  }
  for (const n of readNics(ctx.inactive)) {
    if (n.bootOrder === null) continue;
    perDevice.push({ n: n.bootOrder, entry: { kind: 'nic', id: n.mac, label: `Network ${n.mac}${n.source ? ` (${n.source})` : ''}` } });
  }
  order.push(...perDevice.sort((a, b) => a.n - b.n).map((x) => x.entry));
  for (const b of children(os, 'boot')) {
    const dev = attr(b, 'dev') ?? '';
    const kind = LEGACY_BOOT[dev];
    if (kind) order.push({ kind, id: dev, label: { hd: 'First hard disk', cdrom: 'First CD-ROM', network: 'Network (PXE)', fd: 'Floppy' }[kind as 'hd'] ?? dev });
  }
  const loader = child(os, 'loader');
  const efi = attr(os, 'firmware') === 'efi' || attr(path(os, 'firmware', 'feature'), 'name') === 'efi' || (attr(loader, 'type') === 'pflash') || /OVMF|edk2|AAVMF/i.test(text(loader) ?? '');
  const osType = child(os, 'type');
  return {
    order,
    menu: attr(child(os, 'bootmenu'), 'enable') === 'yes',
    firmware: efi ? 'efi' : 'bios',
    // The running guest shows the NVRAM libvirt resolved at start; the definition may only say firmware='efi'.
    nvram: nvramOf(ctx.live ? child(root(ctx.live), 'os') : null) ?? nvramOf(os),
    directKernel: child(os, 'kernel') !== null,
    machine: attr(osType, 'machine'),
    arch: attr(osType, 'arch'),
    autostart,
    onCrash: text(child(r, 'on_crash')) || 'destroy',
    onReboot: text(child(r, 'on_reboot')) || 'restart',
    onPoweroff: text(child(r, 'on_poweroff')) || 'destroy',
    title: text(child(root(ctx.live ?? ctx.inactive), 'title')) ?? '',
    description: text(child(root(ctx.live ?? ctx.inactive), 'description')) ?? '',
    firmwareChoices: efiOffered || efi ? ['bios', 'efi'] : ['bios'],
  };
}
