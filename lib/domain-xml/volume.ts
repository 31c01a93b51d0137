import type { Disk } from './disk';

// Which storage volume a disk uses: by pool and volume name, or by its host path (libvirt knows the volume of a
// path inside any of its pools). Disks outside every pool have none, and Vireo leaves those files alone.

/** The lookups this needs; a LibvirtClient is one. */
export interface VolumeLookup<P, V> {
  pools: { lookupByName(name: string): Promise<P> };
  volumes: { lookupByName(pool: P, name: string): Promise<V>; lookupByPath(path: string): Promise<V> };
}

/** A libvirt refusal (no such pool, volume or path): as opposed to a lost connection, which is thrown on. */
function isLibvirtRefusal(err: unknown): boolean {
  return err instanceof Error && err.name === 'LibvirtError';
}

export async function diskVolume<P, V>(lookup: VolumeLookup<P, V>, disk: Pick<Disk, 'pool' | 'volume' | 'file' | 'dev'>): Promise<V | null> {
  try {
    if (disk.pool && disk.volume) return await lookup.volumes.lookupByName(await lookup.pools.lookupByName(disk.pool), disk.volume);
    const path = disk.file ?? disk.dev;
    return path ? await lookup.volumes.lookupByPath(path) : null;
  } catch (err) {
    if (isLibvirtRefusal(err)) return null;
    throw err;
  }
}
