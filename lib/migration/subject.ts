import 'server-only';
import { DomainXMLFlags, type DomainRef, type LibvirtClient } from '@/lib/libvirt';
import { Domain } from '@/lib/domain-xml/domain';
import { diskVolume } from '@/lib/domain-xml/volume';
import { parsePoolXml } from '@/lib/storage/pool-model';
import { parseVolumeXml } from '@/lib/storage/volume-model';
import { child, parseXml, serializeXml } from '@/lib/xml/parse';
import { findVm } from '@/lib/vms/lifecycle';

// What a migration moves, read once from the source: the VM, its definitions and each disk with the volume and
// pool behind it (a disk's pool and path decide whether its storage is shared or must be copied).

export interface DiskVolume {
  pool: string;
  poolType: string;
  /** The pool's directory on the host; null for pools without one. */
  poolPath: string | null;
  name: string;
  format: string;
  capacity: number;
  /** Bytes the file takes (what a stream copy sends). */
  physical: number;
  backingPath: string | null;
}

export interface SubjectDisk {
  target: string;
  device: string;
  /** The file or device path on the source. */
  path: string;
  readonly: boolean;
  volume: DiskVolume | null;
}

export interface Subject {
  dom: DomainRef;
  running: boolean;
  /** Live definition when running, else the persistent one. */
  xml: string;
  inactiveXml: string;
  /** Whether the VM has a persistent definition on the source. */
  persistent: boolean;
  domain: Domain;
  /** The <cpu> element as libvirt wrote it, or null when the VM takes the hypervisor's default. */
  cpuXml: string | null;
  memoryKiB: number;
  disks: SubjectDisk[];
  networks: string[];
  bridges: string[];
}

async function volumeOf(client: LibvirtClient, path: string): Promise<DiskVolume | null> {
  const ref = await diskVolume(client, { pool: null, volume: null, file: path, dev: null });
  if (!ref) return null;
  const vol = parseVolumeXml(await client.volumes.xml(ref));
  const pool = parsePoolXml(await client.pools.xml(await client.pools.lookupByName(ref.pool)));
  return {
    pool: ref.pool,
    poolType: pool.type,
    poolPath: pool.targetPath,
    name: ref.name,
    format: vol.format ?? 'raw',
    capacity: vol.capacity,
    physical: vol.physical ?? vol.allocation ?? vol.capacity,
    backingPath: vol.backingPath,
  };
}

export async function readSubject(client: LibvirtClient, name: string): Promise<Subject> {
  const dom = await findVm(client, name);
  const running = dom.id > 0;
  const persistent = await client.migration.isPersistent(dom);
  const inactiveXml = await client.domains.xml(dom, DomainXMLFlags.INACTIVE | DomainXMLFlags.SECURE);
  const xml = running ? await client.domains.xml(dom, DomainXMLFlags.SECURE) : inactiveXml;
  const domain = Domain.parse(xml);
  const cpuEl = child(parseXml(xml).documentElement, 'cpu');
  const disks: SubjectDisk[] = [];
  for (const d of domain.disks) {
    const path = d.file ?? d.dev;
    if (!path || !d.target) continue; // an empty CD-ROM drive moves with nothing to check
    disks.push({ target: d.target, device: d.device ?? 'disk', path, readonly: d.readonly, volume: await volumeOf(client, path) });
  }
  const networks = domain.interfaces.filter((i) => i.type === 'network' && i.network).map((i) => i.network!);
  const bridges = domain.interfaces.filter((i) => i.type === 'bridge' && i.bridge).map((i) => i.bridge!);
  return {
    dom,
    running,
    xml,
    inactiveXml,
    persistent,
    domain,
    cpuXml: cpuEl ? serializeXml(cpuEl) : null,
    memoryKiB: domain.memory.maximumKiB ?? 0,
    disks,
    networks: [...new Set(networks)],
    bridges: [...new Set(bridges)],
  };
}

/** Disks whose bytes a copy moves: writable disks (a read-only CD-ROM image must already be on the destination). */
export const copiedDisks = (s: Subject) => s.disks.filter((d) => !d.readonly && d.device === 'disk');

/** What copying a volume writes on the destination: a stream sends a raw file whole (holes too), a qcow2 file as it is. */
export const copySize = (v: DiskVolume): number => (v.format === 'raw' ? v.capacity : v.physical);
