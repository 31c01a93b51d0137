// The wizard's form state and how it becomes the request body (lib/provisioning/spec.ts checks it server-side).

import type { NewVmDiskBus, NicModel } from '@/lib/domain-xml/constants';
import type { OsVariant } from '@/lib/osinfo/types';
import type { CreateVmSpec } from '@/lib/provisioning/spec';

export type SourceKind = 'cloud-image' | 'iso' | 'import' | 'kernel';
export type ImageFrom = 'catalog' | 'url' | 'volume';

export interface WizardState {
  name: string;
  title: string;
  /** Tags, separated by spaces or commas (lib/tags rules; anti-affine ones steer placement). */
  tags: string;
  source: SourceKind;
  imageFrom: ImageFrom;
  catalogId: string;
  imageUrl: string;
  checksumAlgorithm: 'sha256' | 'sha512';
  checksumHex: string;
  /** "pool/volume" for an uploaded image, an ISO or an imported disk. */
  volume: string;
  fullCopy: boolean;
  kernel: string;
  initrd: string;
  cmdline: string;
  /** The guest OS picked (or preselected by a catalog image), whose defaults were applied. */
  osVariant: OsVariant | null;
  machine: 'q35' | 'pc';
  firmware: 'bios' | 'efi';
  vcpus: string;
  memoryMiB: string;
  pool: string;
  sizeGiB: string;
  format: 'qcow2' | 'raw';
  bus: NewVmDiskBus;
  netType: 'network' | 'bridge' | 'none';
  network: string;
  bridge: string;
  nicModel: NicModel;
  hostname: string;
  userName: string;
  sshKeys: string;
  password: string;
  sudo: boolean;
  packages: string;
  runcmd: string;
  staticAddress: string;
  gateway: string;
  dns: string;
  rawUserData: string;
  rawNetworkConfig: string;
  start: boolean;
  openConsole: boolean;
  /** Where the VM goes: the host picked by placement, or the one chosen here. */
  hostChoice: 'auto' | 'manual';
  /** The host chosen by hand (the wizard's own host to begin with). */
  targetHost: string;
}

export const initialState: WizardState = {
  name: '',
  title: '',
  tags: '',
  source: 'cloud-image',
  imageFrom: 'catalog',
  catalogId: '',
  imageUrl: '',
  checksumAlgorithm: 'sha256',
  checksumHex: '',
  volume: '',
  fullCopy: false,
  kernel: '',
  initrd: '',
  cmdline: 'console=ttyS0',
  osVariant: null,
  machine: 'q35',
  firmware: 'bios',
  vcpus: '1',
  memoryMiB: '1024',
  pool: 'default',
  sizeGiB: '10',
  format: 'qcow2',
  bus: 'virtio',
  netType: 'network',
  network: 'default',
  bridge: '',
  nicModel: 'virtio',
  hostname: '',
  userName: '',
  sshKeys: '',
  password: '',
  sudo: true,
  packages: '',
  runcmd: '',
  staticAddress: '',
  gateway: '',
  dns: '',
  rawUserData: '',
  rawNetworkConfig: '',
  start: true,
  openConsole: true,
  hostChoice: 'manual',
  targetHost: '',
};

const num = (s: string) => (s.trim() === '' ? Number.NaN : Number(s));
const list = (s: string, sep: RegExp) =>
  s
    .split(sep)
    .map((x) => x.trim())
    .filter(Boolean);

function volumeRef(v: string): { pool: string; volume: string } {
  const i = v.indexOf('/');
  return i < 0 ? { pool: '', volume: v } : { pool: v.slice(0, i), volume: v.slice(i + 1) };
}

function source(s: WizardState): Record<string, unknown> {
  switch (s.source) {
    case 'cloud-image': {
      const image =
        s.imageFrom === 'catalog'
          ? { from: 'catalog', id: s.catalogId }
          : s.imageFrom === 'url'
            ? { from: 'url', url: s.imageUrl, checksum: { algorithm: s.checksumAlgorithm, hex: s.checksumHex } }
            : { from: 'volume', ...volumeRef(s.volume) };
      return { kind: 'cloud-image', image, fullCopy: s.fullCopy };
    }
    case 'iso':
      return { kind: 'iso', iso: volumeRef(s.volume) };
    case 'import':
      return { kind: 'import', disk: volumeRef(s.volume) };
    case 'kernel':
      return { kind: 'kernel', kernel: s.kernel, ...(s.initrd ? { initrd: s.initrd } : {}), cmdline: s.cmdline };
  }
}

export function toSpec(s: WizardState): Record<string, unknown> {
  const spec: Record<string, unknown> = {
    name: s.name.trim(),
    ...(s.title.trim() ? { title: s.title.trim() } : {}),
    tags: list(s.tags, /[\s,]+/),
    source: source(s),
    os: { machine: s.machine, firmware: s.firmware, ...(s.osVariant ? { variant: s.osVariant.id } : {}) },
    resources: { vcpus: num(s.vcpus), memoryMiB: num(s.memoryMiB) },
    storage: { pool: s.pool, sizeGiB: num(s.sizeGiB), format: s.format, bus: s.bus },
    network:
      s.netType === 'none'
        ? { type: 'none' }
        : s.netType === 'network'
          ? { type: 'network', network: s.network, model: s.nicModel }
          : { type: 'bridge', bridge: s.bridge, model: s.nicModel },
    start: s.start,
  };
  if (s.source === 'cloud-image') {
    spec.cloudInit = {
      hostname: s.hostname.trim() || s.name.trim(),
      ...(s.userName.trim()
        ? { user: { name: s.userName.trim(), sshKeys: list(s.sshKeys, /\n/), ...(s.password ? { password: s.password } : {}), sudo: s.sudo } }
        : {}),
      packages: list(s.packages, /[\s,]+/),
      runcmd: list(s.runcmd, /\n/),
      ...(s.staticAddress.trim()
        ? { network: { address: s.staticAddress.trim(), ...(s.gateway.trim() ? { gateway: s.gateway.trim() } : {}), dns: list(s.dns, /[\s,]+/) } }
        : {}),
      ...(s.rawUserData.trim() ? { rawUserData: s.rawUserData } : {}),
      ...(s.rawNetworkConfig.trim() ? { rawNetworkConfig: s.rawNetworkConfig } : {}),
    };
  }
  return spec;
}

/** Whether the VM gets a new disk in the storage pool (the planner's rule, lib/provisioning/plan.ts). */
function wantsDisk(s: WizardState): boolean {
  return s.source === 'cloud-image' || ((s.source === 'iso' || s.source === 'kernel') && num(s.sizeGiB) > 0);
}

/** What the VM needs of a host, as POST /api/placement takes it (lib/placement/request.ts). */
export function placementBody(s: WizardState): Record<string, unknown> {
  const picked = s.source === 'iso' || s.source === 'import' || (s.source === 'cloud-image' && s.imageFrom === 'volume') ? volumeRef(s.volume).pool : '';
  return {
    vcpus: num(s.vcpus),
    memoryMiB: num(s.memoryMiB),
    pools: [...(picked ? [picked] : []), ...(s.source === 'cloud-image' ? [s.pool] : [])],
    disk: wantsDisk(s) ? { pool: s.pool, sizeGiB: num(s.sizeGiB) } : null,
    networks: s.netType === 'network' && s.network ? [s.network] : [],
    tags: list(s.tags, /[\s,]+/),
  };
}

export { stepOfField, type StepId } from '@/lib/provisioning/steps';
export { WIZARD_STEPS as STEPS } from '@/lib/provisioning/steps';

/**
 * The form filled in from the settings a job started from (back to the wizard after a failure). The password is
 * not among them: it never goes back to the browser, so it has to be typed again.
 */
export function stateFromSpec(spec: CreateVmSpec, osVariant: OsVariant | null = null): WizardState {
  const s: WizardState = { ...initialState, name: spec.name, title: spec.title ?? '', tags: spec.tags.join(' '), start: spec.start, osVariant };
  const src = spec.source;
  const ref = (v: { pool: string; volume: string }) => `${v.pool}/${v.volume}`;
  if (src.kind === 'cloud-image') {
    s.source = 'cloud-image';
    s.fullCopy = src.fullCopy;
    s.imageFrom = src.image.from;
    if (src.image.from === 'catalog') s.catalogId = src.image.id;
    if (src.image.from === 'url') {
      s.imageUrl = src.image.url;
      s.checksumAlgorithm = src.image.checksum.algorithm;
      s.checksumHex = src.image.checksum.hex;
    }
    if (src.image.from === 'volume') s.volume = ref(src.image);
  } else if (src.kind === 'iso') {
    s.source = 'iso';
    s.volume = ref(src.iso);
  } else if (src.kind === 'import') {
    s.source = 'import';
    s.volume = ref(src.disk);
  } else {
    s.source = 'kernel';
    s.kernel = src.kernel;
    s.initrd = src.initrd ?? '';
    s.cmdline = src.cmdline;
  }
  s.machine = spec.os.machine;
  s.firmware = spec.os.firmware;
  s.vcpus = String(spec.resources.vcpus);
  s.memoryMiB = String(spec.resources.memoryMiB);
  s.pool = spec.storage.pool;
  s.sizeGiB = String(spec.storage.sizeGiB);
  s.format = spec.storage.format;
  s.bus = spec.storage.bus;
  const net = spec.network;
  s.netType = net.type;
  if (net.type === 'network') s.network = net.network;
  if (net.type === 'bridge') s.bridge = net.bridge;
  if (net.type !== 'none') s.nicModel = net.model;
  const ci = spec.cloudInit;
  if (ci) {
    s.hostname = ci.hostname === spec.name ? '' : ci.hostname;
    s.userName = ci.user?.name ?? '';
    s.sshKeys = ci.user?.sshKeys.join('\n') ?? '';
    s.sudo = ci.user?.sudo ?? initialState.sudo;
    s.packages = ci.packages.join(' ');
    s.runcmd = ci.runcmd.join('\n');
    s.staticAddress = ci.network?.address ?? '';
    s.gateway = ci.network?.gateway ?? '';
    s.dns = ci.network?.dns.join(' ') ?? '';
    s.rawUserData = ci.rawUserData ?? '';
    s.rawNetworkConfig = ci.rawNetworkConfig ?? '';
  }
  return s;
}

/**
 * What picking an OS changes in the form: memory and disk to its recommended sizes (not below its minimum, not
 * above half the host, not below a catalog image's own disk), virtio only when it has the drivers, UEFI when it
 * cannot boot with BIOS, enough vCPUs. With the sentences that say so on the OS step.
 */
export function osDefaults(
  v: OsVariant,
  s: WizardState,
  limits: { hostMemoryMiB: number; imageMinDiskGiB?: number },
): { patch: Partial<WizardState>; notes: string[] } {
  const patch: Partial<WizardState> = { osVariant: v };
  const notes: string[] = [];
  const mem = v.memory.recommendedMiB ?? v.memory.minimumMiB;
  if (mem) {
    const capped = Math.max(v.memory.minimumMiB ?? 0, Math.min(mem, Math.floor(limits.hostMemoryMiB / 2 / 64) * 64));
    patch.memoryMiB = String(capped);
    notes.push(`${capped} MiB of memory${v.memory.minimumMiB ? ` (it needs at least ${v.memory.minimumMiB})` : ''}`);
  }
  const disk = v.disk.recommendedGiB ?? v.disk.minimumGiB;
  if (disk && s.source !== 'import') {
    const size = Math.max(Math.ceil(disk), limits.imageMinDiskGiB ?? 0);
    patch.sizeGiB = String(size);
    notes.push(`a ${size} GiB disk`);
  }
  patch.bus = v.virtio.disk ? 'virtio' : 'sata';
  patch.nicModel = v.virtio.net ? 'virtio' : 'e1000e';
  notes.push(v.virtio.disk ? 'virtio disk' : 'SATA disk (it has no virtio driver)', v.virtio.net ? 'virtio network' : 'e1000e network (no virtio driver)');
  if (!v.firmware.bios) {
    patch.firmware = 'efi';
    notes.push('UEFI (it does not boot with BIOS)');
  }
  const vcpus = Number(s.vcpus);
  if (v.minimumCpus && (!Number.isFinite(vcpus) || vcpus < v.minimumCpus)) {
    patch.vcpus = String(v.minimumCpus);
    notes.push(`${v.minimumCpus} vCPUs`);
  }
  return { patch, notes };
}
