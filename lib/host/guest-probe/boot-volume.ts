import { ConnectListAllStoragePoolsFlags, type LibvirtClient, type PoolRef, type VolumeRef } from '@/lib/libvirt';
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

/**
 * Removes the boot volumes of probes that are no longer running: a server stopped mid-probe leaves its volume
 * behind (the transient test guest goes with the connection, the volume does not). A volume is named after its
 * guest (`<prefix><id>.img` for guest `<prefix><id>`), so one whose guest is not running is stale.
 */
async function sweepStaleVolumes(client: LibvirtClient, pool: PoolRef): Promise<void> {
  const running = new Set((await client.domains.listAll()).map((d) => d.name).filter((n) => n.startsWith(PROBE_NAME_PREFIX)));
  for (const vol of await client.volumes.list(pool)) {
    if (vol.name.startsWith(PROBE_NAME_PREFIX) && vol.name.endsWith('.img') && !running.has(vol.name.slice(0, -'.img'.length)))
      await client.volumes.delete(vol).catch(() => undefined);
  }
}

/**
 * The volume for the test guest named `guestName`, or why there is none (no running pool, or the pool refused
 * it): the probe then only starts.
 */
export async function makeBootVolume(client: LibvirtClient, guestName: string): Promise<BootVolume | { problem: string }> {
  const poolName = await probePool(client);
  if (!poolName) return { problem: 'no storage pool is running to hold the test boot sector' };
  const name = `${guestName}.img`;
  let vol: VolumeRef | null = null;
  try {
    const pool = await client.pools.lookupByName(poolName);
    await sweepStaleVolumes(client, pool).catch(() => undefined);
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
