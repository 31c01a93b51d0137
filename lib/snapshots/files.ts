import path from 'node:path';
import { DomainXMLFlags, type DomainRef, type LibvirtClient } from '@/lib/libvirt';
import { Domain } from '@/lib/domain-xml/domain';
import type { Disk } from '@/lib/domain-xml/disk';
import { parseVolumeXml } from '@/lib/storage/volume-model';
import { readVireoMeta, writeVireoMeta } from '@/lib/vms/vireo-meta';
import type { SnapshotPolicy } from './policy';

// The files an external snapshot makes (one overlay per disk, beside the disk's image, and the memory state of a
// running VM), and removing them again through libvirt's storage API once nothing uses them.

export interface OverlayPlan {
  overlays: { target: string; path: string; base: string }[];
  memory: string | null;
  /** Refreshes the pools the new files landed in, so they show up (and can be removed) as volumes. */
  refresh(): Promise<void>;
}

/** The host path a disk reads from: its file, or its pool volume's path. */
export async function diskPath(client: LibvirtClient, disk: Disk): Promise<string | null> {
  if (disk.file) return disk.file;
  if (disk.pool && disk.volume) {
    const vol = await client.volumes.lookupByName(await client.pools.lookupByName(disk.pool), disk.volume);
    return parseVolumeXml(await client.volumes.xml(vol)).path;
  }
  return disk.dev;
}

export async function overlayPlan(client: LibvirtClient, def: Domain, policy: SnapshotPolicy, vm: string, snap: string, memory: boolean): Promise<OverlayPlan> {
  const overlays: OverlayPlan['overlays'] = [];
  for (const d of policy.disks.filter((x) => x.included)) {
    const disk = def.disks.find((x) => x.target === d.target)!;
    const base = await diskPath(client, disk);
    if (!base) continue;
    overlays.push({ target: d.target, base, path: path.posix.join(path.posix.dirname(base), `${vm}-${d.target}-${snap}.qcow2`) });
  }
  const dir = overlays[0] ? path.posix.dirname(overlays[0].base) : null;
  const mem = memory && dir ? path.posix.join(dir, `${vm}-${snap}.mem`) : null;
  return {
    overlays,
    memory: mem,
    refresh: async () => {
      const pools = new Set<string>();
      for (const o of overlays) {
        const vol = await client.volumes.lookupByPath(o.base).catch(() => null);
        if (vol) pools.add(vol.pool);
      }
      for (const p of pools) await client.pools.refresh(await client.pools.lookupByName(p)).catch(() => undefined);
    },
  };
}

/** Every host path the VM's disks read from, in its persistent and (when running) live definition. */
export async function pathsInUse(client: LibvirtClient, dom: DomainRef): Promise<Set<string>> {
  const fresh = await client.domains.lookupByName(dom.name);
  const xmls = [await client.domains.xml(fresh, DomainXMLFlags.INACTIVE), ...(fresh.id > 0 ? [await client.domains.xml(fresh)] : [])];
  const paths = new Set<string>();
  for (const x of xmls)
    for (const d of Domain.parse(x).disks) {
      const p = await diskPath(client, d).catch(() => null);
      if (p) paths.add(p);
    }
  return paths;
}

/**
 * Removes a file through the storage API. 'gone' when no pool knows it even after a refresh (libvirt already
 * removed it, as it does with an overlay it merged; or it lies outside every pool, where Vireo leaves it alone).
 */
export async function removeFile(client: LibvirtClient, file: string): Promise<'removed' | 'gone'> {
  let vol = await client.volumes.lookupByPath(file).catch(() => null);
  if (!vol) {
    for (const p of await client.pools.listAll()) await client.pools.refresh(p).catch(() => undefined);
    vol = await client.volumes.lookupByPath(file).catch(() => null);
  }
  if (!vol) return 'gone';
  await client.volumes.delete(vol);
  return 'removed';
}

/** After libvirt deleted these snapshots: removes the files Vireo made for them that no disk uses, and their records. */
export async function freeSnapshotFiles(
  client: LibvirtClient,
  dom: DomainRef,
  snapshots: string[],
): Promise<{ removed: string[]; left: { path: string; error: string }[] }> {
  const meta = await readVireoMeta(client, dom);
  const inUse = await pathsInUse(client, dom);
  const out = { removed: [] as string[], left: [] as { path: string; error: string }[] };
  let changed = false;
  for (const f of meta.files.filter((x) => x.snapshot !== null && snapshots.includes(x.snapshot))) {
    // Still a disk of the VM (libvirt kept writing to it): it is the VM's data now, not the snapshot's.
    if (f.path && !inUse.has(f.path)) {
      try {
        if ((await removeFile(client, f.path)) === 'removed') out.removed.push(f.path);
      } catch (err) {
        out.left.push({ path: f.path, error: (err as Error).message });
        continue;
      }
    }
    f.remove();
    changed = true;
  }
  if (changed) await writeVireoMeta(client, dom, meta);
  return out;
}

export interface RecordedFile {
  role: 'overlay' | 'memory' | null;
  path: string | null;
  base: string | null;
}

/**
 * Which of Vireo's snapshot files go with a deleted VM: memory states and overlays no disk uses any more always;
 * an overlay a disk uses goes with that disk (when chosen), and then so does every image beneath it down to the
 * VM's original disk (it was chosen too, only hidden under the overlay). Unchosen disks keep their whole chain.
 */
export function filesGoingWithVm(files: readonly RecordedFile[], chosenPaths: ReadonlySet<string>, diskPaths: ReadonlySet<string>): string[] {
  const out = new Set<string>();
  const overlayByPath = new Map(files.filter((f) => f.role === 'overlay' && f.path).map((f) => [f.path!, f]));
  for (const f of files) {
    if (!f.path) continue;
    if (f.role === 'memory' || (f.role === 'overlay' && !diskPaths.has(f.path) && !isBeneathAnyDisk(f.path, overlayByPath, diskPaths))) out.add(f.path);
  }
  for (const p of chosenPaths) {
    let cur = overlayByPath.get(p);
    while (cur?.base) {
      out.add(cur.base);
      cur = overlayByPath.get(cur.base);
    }
  }
  for (const p of chosenPaths) out.delete(p); // removed as chosen volumes already
  return [...out];
}

function isBeneathAnyDisk(path: string, overlays: Map<string, RecordedFile>, diskPaths: ReadonlySet<string>): boolean {
  for (const top of diskPaths) {
    let cur = overlays.get(top);
    while (cur?.base) {
      if (cur.base === path) return true;
      cur = overlays.get(cur.base);
    }
  }
  return false;
}
