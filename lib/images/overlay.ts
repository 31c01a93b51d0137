import type { LibvirtClient, VolumeRef } from '@/lib/libvirt';
import { InputError } from '@/lib/errors';
import { nameProblem } from '@/lib/storage/names';
import { buildVolumeXml, parseVolumeXml } from '@/lib/storage/volume-model';

// A new VM's disk from a cached base: a qcow2 overlay whose backing store is the base (instant, shares the base's
// blocks), or a full copy when asked. Either is at least as large as the base and grown to the requested size;
// cloud-init's growpart then grows the root filesystem at first boot.

export interface DiskFromBase {
  pool: string;
  base: { pool: string; volume: string };
  name: string;
  sizeBytes: number;
}

async function lookup(client: LibvirtClient, d: DiskFromBase): Promise<{ base: VolumeRef; basePath: string; baseFormat: string; baseCapacity: number }> {
  const problem = nameProblem('pool', d.pool) ?? nameProblem('volume', d.name) ?? nameProblem('pool', d.base.pool) ?? nameProblem('volume', d.base.volume);
  if (problem) throw InputError.of({ name: problem });
  const base = await client.volumes.lookupByName(await client.pools.lookupByName(d.base.pool), d.base.volume);
  const model = parseVolumeXml(await client.volumes.xml(base));
  if (!model.path) throw InputError.of({ base: `Volume ${d.base.pool}/${d.base.volume} has no path on the host, so nothing can be layered on it.` });
  return { base, basePath: model.path, baseFormat: model.format === 'qcow2' ? 'qcow2' : 'raw', baseCapacity: model.capacity };
}

export async function createOverlay(client: LibvirtClient, d: DiskFromBase): Promise<VolumeRef> {
  const { basePath, baseFormat, baseCapacity } = await lookup(client, d);
  const pool = await client.pools.lookupByName(d.pool);
  return client.volumes.createXml(
    pool,
    buildVolumeXml({ name: d.name, capacity: Math.max(d.sizeBytes, baseCapacity), format: 'qcow2', backing: { path: basePath, format: baseFormat } }),
  );
}

export async function createFullCopy(client: LibvirtClient, d: DiskFromBase): Promise<VolumeRef> {
  const { base, baseCapacity } = await lookup(client, d);
  const pool = await client.pools.lookupByName(d.pool);
  const vol = await client.volumes.createXmlFrom(pool, buildVolumeXml({ name: d.name, capacity: baseCapacity, format: 'qcow2' }), base);
  if (d.sizeBytes > baseCapacity) await client.volumes.resize(vol, d.sizeBytes);
  return vol;
}
