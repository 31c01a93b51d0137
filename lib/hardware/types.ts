// The contract between the hardware API (app/api/vms/[name]/hardware/**) and the Hardware tab. Types only, so
// client components may import this file.

import type { CdromBus, DiskBus, DiskCache, DiskDiscard, DiskIo } from '@/lib/domain-xml/constants';

/** Where a change goes: the running guest (live), the definition used at next boot (persistent), or both. */
export interface ChangeScope {
  live: boolean;
  persistent: boolean;
}

/** What happened to one half of a change. A refused live half never prevents the persistent half. */
export type HalfOutcome =
  | { status: 'applied' }
  | { status: 'not-requested' }
  | { status: 'refused'; reason: string; code?: string }
  /** Asked of the running guest, which has not done it yet (a hot-unplug the guest has not released). */
  | { status: 'pending'; reason: string };

export interface ChangeOutcome {
  live: HalfOutcome;
  persistent: HalfOutcome;
  /** One sentence for the user, e.g. "Memory set to 512 MiB live and for next boot." */
  summary: string;
}

/** Which scopes libvirt allows for a setting on this VM right now (e.g. no live when the VM is shut off). */
export interface ScopeSupport {
  live: boolean;
  persistent: boolean;
  /** Why live (or persistent) is not offered, when it is not. */
  note?: string;
}

export type { DiskBus, DiskCache, DiskDiscard, DiskIo } from '@/lib/domain-xml/constants';

export interface DiskView {
  target: string;
  device: 'disk' | 'cdrom' | 'floppy' | 'lun';
  bus: string | null;
  format: string | null;
  /** Human-readable source: file path, pool/volume, block device; null for an empty CD-ROM. */
  source: string | null;
  pool: string | null;
  volume: string | null;
  file: string | null;
  cache: string | null;
  discard: string | null;
  io: string | null;
  readonly: boolean;
  shareable: boolean;
  /** Guest-visible size in bytes when known (block info of a running guest or the volume's capacity). */
  capacityBytes: number | null;
  bootOrder: number | null;
  /** Present in the live definition / the persistent one. */
  inLive: boolean;
  inPersistent: boolean;
  /** Settings saved for next boot that differ from the running guest's (e.g. { cache: 'writeback' }). */
  nextBoot?: Record<string, string>;
  /** The running guest was asked to release it (hot-unplug) and has not done so yet. */
  removalRequested?: boolean;
}

export interface NicView {
  mac: string;
  type: 'network' | 'bridge' | (string & {});
  /** Network name or bridge name. */
  source: string | null;
  model: string | null;
  linkState: 'up' | 'down';
  bootOrder: number | null;
  inLive: boolean;
  inPersistent: boolean;
  /** Settings saved for next boot that differ from the running guest's (e.g. { source: 'br0' }). */
  nextBoot?: Record<string, string>;
  /** The running guest was asked to release it (hot-unplug) and has not done so yet. */
  removalRequested?: boolean;
}

export interface VcpuView {
  /** Persistent definition. */
  current: number;
  maximum: number;
  /** Online vCPUs of the running guest; null when shut off. */
  liveCurrent: number | null;
  topology: { sockets: number; dies?: number; cores: number; threads: number } | null;
  mode: 'host-passthrough' | 'host-model' | 'custom' | 'maximum' | null;
  model: string | null;
  /** Largest vCPU count the hypervisor allows for this machine type. */
  hostMaximum: number | null;
  /** CPU model names the host's hypervisor can run (from domain capabilities), for the "named model" choice. */
  namedModels: string[];
  /** Models the hypervisor knows but this host cannot run: listed after the usable ones, not choosable. */
  unusableModels: string[];
}

export interface MemoryView {
  /** Persistent values, KiB. */
  currentKiB: number;
  maximumKiB: number;
  /** Balloon target of the running guest, KiB; null when shut off. */
  liveCurrentKiB: number | null;
  /** <maxMemory slots=.. >: the ceiling for hotplugged DIMMs; null when not set. */
  hotplug: { slots: number; maxKiB: number } | null;
  dimms: { sizeKiB: number; node: number | null; inLive: boolean; inPersistent: boolean }[];
  hostTotalKiB: number | null;
}

export interface BootView {
  /** Device boot order as shown to the user: entries like {kind:'disk', id:'vda'} / {kind:'nic', id: mac}. */
  order: { kind: 'disk' | 'cdrom' | 'nic' | 'hd' | 'network' | 'fd'; id: string; label: string }[];
  menu: boolean;
  firmware: 'bios' | 'efi';
  nvram: string | null;
  directKernel: boolean;
  machine: string | null;
  arch: string | null;
  autostart: boolean;
  onCrash: string;
  onReboot: string;
  onPoweroff: string;
  title: string;
  description: string;
  /** Firmware choices the host offers (efi only when OVMF is installed). */
  firmwareChoices: ('bios' | 'efi')[];
}

export interface HardwareView {
  name: string;
  running: boolean;
  vcpus: VcpuView;
  memory: MemoryView;
  disks: DiskView[];
  nics: NicView[];
  boot: BootView;
  /** Slots left for hot-added disks and NICs (the running guest's, else the definition's); null when unknown. */
  hotplug: { kind: 'pcie-root-port' | 'pci-slot'; free: number; total: number } | null;
  /** Disk buses the machine type offers (from domain capabilities), for the "add disk" form. */
  diskBuses: DiskBus[];
  /** NIC models worth offering. */
  nicModels: string[];
}

// ---- Requests (JSON bodies; each mutating request carries a ChangeScope) ----

export interface VcpuChange extends ChangeScope {
  /** Current vCPU count (live hotplug/unplug or persistent). */
  current?: number;
  /** Maximum vCPUs (persistent only). */
  maximum?: number;
  topology?: { sockets: number; cores: number; threads: number } | null;
  mode?: 'host-passthrough' | 'host-model' | 'custom';
  /** Named model when mode is custom. */
  model?: string;
}

export interface MemoryChange extends ChangeScope {
  currentMiB?: number;
  /** Persistent only. */
  maximumMiB?: number;
  /** Persistent only; null removes <maxMemory>. */
  hotplug?: { slots: number; maxMiB: number } | null;
}

export interface DimmAdd extends ChangeScope {
  sizeMiB: number;
}

export type DiskSource =
  | { kind: 'new-volume'; pool: string; name: string; sizeGiB: number; format: 'qcow2' | 'raw' }
  | { kind: 'volume'; pool: string; volume: string }
  | { kind: 'file'; path: string };

export interface DiskAdd extends ChangeScope {
  source: DiskSource;
  /** Target name such as vdb; chosen automatically for the bus when absent. */
  target?: string;
  bus: DiskBus;
  cache?: DiskCache;
  discard?: DiskDiscard;
  io?: DiskIo;
  readonly?: boolean;
  shareable?: boolean;
}

export interface DiskUpdate extends ChangeScope {
  /** Grow to this size: block resize when live, volume resize in the pool when persistent. */
  sizeGiB?: number;
  cache?: DiskCache;
  discard?: DiskDiscard;
  io?: DiskIo;
  readonly?: boolean;
  shareable?: boolean;
}

export interface NicAdd extends ChangeScope {
  source: { type: 'network'; network: string } | { type: 'bridge'; bridge: string };
  model: string;
  /** Generated (locally administered, unique on the host) when absent. */
  mac?: string;
}

export interface NicUpdate extends ChangeScope {
  source?: { type: 'network'; network: string } | { type: 'bridge'; bridge: string };
  linkState?: 'up' | 'down';
}

export interface CdromMedia extends ChangeScope {
  /** null ejects. */
  media: { pool: string; volume: string } | { path: string } | null;
}

export interface CdromAdd extends ChangeScope {
  bus: CdromBus;
  /**
   * Media to load in the new drive (optional; empty when absent). libvirt 9.0 cannot hot-add an EMPTY drive to a
   * running guest (its live half is refused), so a live add should carry media; eject it afterwards if wanted.
   */
  media?: CdromMedia['media'];
}

export interface BootChange {
  /** Entries by disk target or NIC MAC, first boots first; persistent only. */
  order?: { kind: 'disk' | 'nic'; id: string }[];
  menu?: boolean;
  firmware?: 'bios' | 'efi';
  autostart?: boolean;
  onCrash?: 'destroy' | 'restart' | 'preserve' | 'rename-restart' | 'coredump-destroy' | 'coredump-restart';
  onReboot?: 'destroy' | 'restart';
  onPoweroff?: 'destroy' | 'restart';
  /** Title and description may be changed live and persistently (libvirt's metadata API). */
  title?: string;
  description?: string;
  live?: boolean;
  persistent?: boolean;
}
