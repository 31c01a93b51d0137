// The wizard's form state and how it becomes the request body (lib/provisioning/spec.ts checks it server-side).

import type { NewVmDiskBus, NicModel } from '@/lib/domain-xml/constants';

export type SourceKind = 'cloud-image' | 'iso' | 'import' | 'kernel';
export type ImageFrom = 'catalog' | 'url' | 'volume';

export interface WizardState {
  name: string;
  title: string;
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
}

export const initialState: WizardState = {
  name: '',
  title: '',
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
    source: source(s),
    os: { machine: s.machine, firmware: s.firmware },
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

export const STEPS = [
  { id: 'source', label: 'Source', fields: ['name', 'title', 'source'] },
  { id: 'os', label: 'OS defaults', fields: ['os'] },
  { id: 'resources', label: 'CPU and memory', fields: ['resources'] },
  { id: 'storage', label: 'Storage', fields: ['storage'] },
  { id: 'network', label: 'Network', fields: ['network'] },
  { id: 'cloud-init', label: 'cloud-init', fields: ['cloudInit'] },
  { id: 'review', label: 'Review', fields: ['xml', 'identity', '_'] },
] as const;

export type StepId = (typeof STEPS)[number]['id'];

/** The step whose form holds a server field path like "resources.vcpus". */
export function stepOfField(path: string): StepId {
  const head = path.split('.')[0] ?? '';
  return STEPS.find((s) => (s.fields as readonly string[]).includes(head))?.id ?? 'review';
}
