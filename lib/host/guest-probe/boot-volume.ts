import { randomBytes } from 'node:crypto';
import { ConnectListAllStoragePoolsFlags, type LibvirtClient, type VolumeRef } from '@/lib/libvirt';
import { buildVolumeXml } from '@/lib/storage/volume-model';
import { probeBootSector } from './boot-sector';
import { PROBE_NAME_PREFIX } from './domain';

// The probe's disk: a small raw volume holding the boot sector, written through libvirt's upload stream (so the
// probe works the same on a remote host) into the pool named "default" or else the first running pool, and
// deleted again after the probe.

const CAPACITY = 1024 * 1024;

export interface BootVolume {
  pool: string;
  volume: string;
  remove(): Promise<void>;
}

async function probePool(client: LibvirtClient): Promise<string | null> {
  const pools = await client.pools.listAll(ConnectListAllStoragePoolsFlags.ACTIVE);
  return (pools.find((p) => p.name === 'default') ?? pools[0])?.name ?? null;
}

/** The volume, or why there is none (no running pool, or the pool refused it): the probe then only starts. */
export async function makeBootVolume(client: LibvirtClient): Promise<BootVolume | { problem: string }> {
  const poolName = await probePool(client);
  if (!poolName) return { problem: 'no storage pool is running to hold the test boot sector' };
  const name = `${PROBE_NAME_PREFIX}${randomBytes(4).toString('hex')}.img`;
  let vol: VolumeRef | null = null;
  try {
    const pool = await client.pools.lookupByName(poolName);
    vol = await client.volumes.createXml(pool, buildVolumeXml({ name, capacity: CAPACITY, format: 'raw' }));
    const sector = probeBootSector();
    const up = await client.volumes.upload(vol, 0, sector.length);
    await new Promise<void>((resolve, reject) => {
      up.once('error', reject);
      up.once('finish', resolve);
      up.end(sector);
    });
    const made = vol;
    return { pool: poolName, volume: name, remove: () => client.volumes.delete(made).catch(() => undefined) };
  } catch (err) {
    if (vol) await client.volumes.delete(vol).catch(() => undefined);
    return { problem: `pool "${poolName}" did not take the test boot sector (${(err as Error).message})` };
  }
}
