import { BOOT_ORDER, DEVICE_PROPS } from './address';
import type { DiskCache, DiskDiscard, DiskIo } from './constants';
import { cloneModel, createModel, flag, str, xmlModel } from './model';
import { DEVICE_INFO_ORDER } from './order';
import type { DiskSourceRef } from './types';

// <disk>: a disk, CD-ROM or floppy drive. The source is a pool's volume, a host file or block device, or (for a
// drive) nothing.

const DISK_ORDER = [
  'driver',
  'auth',
  'source',
  'backingStore',
  'mirror',
  'target',
  'geometry',
  'blockio',
  'iotune',
  'readonly',
  'shareable',
  'transient',
  'serial',
  'wwn',
  'vendor',
  'product',
  'encryption',
  ...DEVICE_INFO_ORDER,
];

export type DiskDevice = 'disk' | 'cdrom' | 'floppy' | 'lun';

/** Driver options and flags as the Hardware tab sets them: 'default' removes a setting, undefined leaves it. */
export interface DiskOptions {
  cache?: DiskCache;
  discard?: DiskDiscard;
  io?: DiskIo;
  readonly?: boolean;
  shareable?: boolean;
}

/** QEMU opens an image for native (Linux AIO) I/O only without the host's page cache. */
export function ioProblem(o: Pick<DiskOptions, 'cache' | 'io'>): string | null {
  if (o.io === 'native' && o.cache !== undefined && o.cache !== 'none' && o.cache !== 'directsync') {
    return 'Native I/O needs the cache mode "none" or "directsync".';
  }
  return null;
}

const setting = <T extends string>(v: T): Exclude<T, 'default'> | null => (v === 'default' ? null : (v as Exclude<T, 'default'>));

export class Disk extends xmlModel(
  'Disk',
  'disk',
  {
    type: str<'file' | 'block' | 'volume' | 'network' | 'dir'>('@type'),
    device: str<DiskDevice>('@device'),
    driverName: str('driver/@name'),
    /** The image format (qcow2, raw). */
    format: str('driver/@type'),
    cache: str<DiskCache>('driver/@cache'),
    discard: str<DiskDiscard>('driver/@discard'),
    io: str<DiskIo>('driver/@io'),
    file: str('source/@file'),
    dev: str('source/@dev'),
    pool: str('source/@pool'),
    volume: str('source/@volume'),
    /** A network disk's export or image name (with its protocol: nbd, rbd, iscsi...). */
    sourceName: str('source/@name'),
    protocol: str('source/@protocol'),
    host: str('source/host/@name'),
    hostPort: str('source/host/@port'),
    target: str('target/@dev'),
    bus: str('target/@bus'),
    readonly: flag('readonly'),
    shareable: flag('shareable'),
    serial: str('serial'),
    ...BOOT_ORDER,
    ...DEVICE_PROPS,
  },
  { '': DISK_ORDER },
) {
  static create(init: { device: 'disk' | 'cdrom'; target: string; bus: string; format: string; source: DiskSourceRef }): Disk {
    const d = createModel(Disk);
    d.type = 'file';
    d.device = init.device;
    d.driverName = 'qemu';
    d.format = init.format;
    d.setSource(init.source);
    d.target = init.target;
    d.bus = init.bus;
    if (init.device === 'cdrom') d.readonly = true;
    return d;
  }

  /** Host path, block device, pool/volume or network name, whichever the disk reads from; null for an empty drive. */
  get source(): string | null {
    if (this.pool && this.volume) return `${this.pool}/${this.volume}`;
    return this.file ?? this.dev ?? this.sourceName ?? null;
  }

  get sourceRef(): DiskSourceRef {
    if (this.pool && this.volume) return { pool: this.pool, volume: this.volume };
    if (this.file) return { file: this.file };
    if (this.dev) return { dev: this.dev };
    return null;
  }

  /** Points the disk at other media (or none). What else the old source said (index, live details) goes with it. */
  setSource(ref: DiskSourceRef): void {
    this.drop('source');
    this.type = ref && 'pool' in ref ? 'volume' : ref && 'dev' in ref ? 'block' : 'file';
    if (!ref) return;
    if ('pool' in ref) {
      this.pool = ref.pool;
      this.volume = ref.volume;
    } else if ('file' in ref) this.file = ref.file;
    else this.dev = ref.dev;
  }

  applyOptions(o: DiskOptions): void {
    if (o.cache !== undefined) this.cache = setting(o.cache);
    if (o.discard !== undefined) this.discard = setting(o.discard);
    if (o.io !== undefined) this.io = setting(o.io);
    if (o.readonly !== undefined) this.readonly = o.readonly;
    if (o.shareable !== undefined) this.shareable = o.shareable;
  }

  /** A copy of this drive holding other media (or none): what libvirt's update-device wants for insert/eject. */
  withMedia(ref: DiskSourceRef): Disk {
    const copy = cloneModel(this);
    copy.setSource(ref);
    copy.driverName = 'qemu';
    copy.format = 'raw';
    return copy;
  }

  /** Whether the disk reads from that image, named by pool/volume or by a host path (a volume's path counts). */
  usesImage(image: { pool?: string; volume?: string; path?: string | null }): boolean {
    if (image.pool && image.volume && this.pool === image.pool && this.volume === image.volume) return true;
    return !!image.path && (this.file === image.path || this.dev === image.path);
  }
}
