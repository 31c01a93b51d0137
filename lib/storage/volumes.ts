import type { LibvirtClient, PoolRef, VolumeRef } from '@/lib/libvirt';
import { InputError } from '@/lib/errors';
import { nameProblem } from './names';
import { findPool, poolRow, type PoolRow } from './pools';
import { buildVolumeXml, parseVolumeXml, type VolumeFormat, type VolumeModel } from './volume-model';
import type { VolumeAction, VolumeInput } from './validate';
import type { HostContext } from '@/lib/hosts';
import { refuseUnconfirmed, volumeUsage, type VolumeUsage, type VolumeUser } from './volume-users';

export interface VolumeRow extends VolumeModel {
  pool: string;
  /** VMs whose disks read it and overlays whose backing file it is. */
  usedBy: VolumeUser[];
  /** A base image: the backing file of an overlay (or, marked by lib/images, a cached download). */
  base: boolean;
}

export async function findVolume(client: LibvirtClient, poolName: string, name: string): Promise<VolumeRef> {
  const pool = await findPool(client, poolName);
  const problem = nameProblem('volume', name);
  if (problem) throw InputError.of({ name: problem });
  return client.volumes.lookupByName(pool, name);
}

/** One volume as the API shows it; `usage` (read once for a whole listing) says who uses it. */
export async function volumeRow(client: LibvirtClient, ref: VolumeRef, usage?: VolumeUsage): Promise<VolumeRow> {
  const model = parseVolumeXml(await client.volumes.xml(ref));
  const usedBy = (usage ?? (await volumeUsage(client))).usersOf({ pool: ref.pool, name: model.name, path: model.path });
  return { ...model, pool: ref.pool, usedBy, base: usedBy.some((u) => u.kind === 'overlay') };
}

/** A pool's volumes with their users; `known` saves reading every definition again when listing several pools. */
export async function listVolumes(host: HostContext, poolName: string, known?: VolumeUsage): Promise<VolumeRow[]> {
  const client = await host.libvirt();
  const pool = await findPool(client, poolName);
  const [refs, usage] = await Promise.all([client.volumes.list(pool), known ?? volumeUsage(client)]);
  const rows = await Promise.all(refs.map((r) => volumeRow(client, r, usage).catch(() => null)));
  return rows.filter((r): r is VolumeRow => r !== null).sort((a, b) => a.name.localeCompare(b.name));
}

async function refuseExisting(client: LibvirtClient, pool: PoolRef, name: string): Promise<void> {
  const existing = await client.volumes.lookupByName(pool, name).catch(() => null);
  if (existing) throw InputError.of({ name: `A volume named "${name}" already exists in pool "${pool.name}".` }, undefined, { status: 409 });
}

async function refuseTooLarge(client: LibvirtClient, pool: PoolRef, capacity: number, format: VolumeFormat): Promise<void> {
  const info = await client.pools.info(pool);
  // Only raw uploads must fit now; a sparse new volume may promise more than the pool has (thin provisioning).
  if (format === 'raw' && capacity > info.available) {
    throw InputError.of({ capacity: `Pool "${pool.name}" has ${info.available} bytes free, ${capacity} are needed.` }, undefined, { status: 413 });
  }
}

export async function createVolume(host: HostContext, poolName: string, input: VolumeInput): Promise<VolumeRow> {
  const client = await host.libvirt();
  const pool = await findPool(client, poolName);
  await refuseExisting(client, pool, input.name);
  const ref = await client.volumes.createXml(pool, buildVolumeXml(input));
  return volumeRow(client, ref);
}

export async function runVolumeAction(host: HostContext, poolName: string, name: string, action: VolumeAction): Promise<VolumeRow> {
  const client = await host.libvirt();
  const ref = await findVolume(client, poolName, name);
  const row = await volumeRow(client, ref);
  refuseDirectory(row, action.action);
  if (action.action === 'resize') {
    const { capacity } = await client.volumes.info(ref);
    if (action.capacity < capacity) throw InputError.of({ capacity: 'Shrinking a volume destroys the data at its end; Vireo only grows volumes.' });
    await client.volumes.resize(ref, action.capacity);
  } else {
    refuseUnconfirmed(row, row.usedBy, action.confirmUsers, 'wipe');
    await client.volumes.wipe(ref);
  }
  return volumeRow(client, ref);
}

/** Deletes a volume; one that VMs or overlays use only when `confirmUsers` names each of them. */
export async function deleteVolume(host: HostContext, poolName: string, name: string, confirmUsers: readonly string[] = []): Promise<void> {
  const client = await host.libvirt();
  const ref = await findVolume(client, poolName, name);
  const row = await volumeRow(client, ref);
  refuseUnconfirmed(row, row.usedBy, confirmUsers, 'delete');
  await client.volumes.delete(ref);
}

/** A directory inside a pool (libvirt lists it as a volume of type dir) has no bytes to grow or zero. */
function refuseDirectory(row: VolumeRow, action: string): void {
  if (row.type === 'dir')
    throw InputError.of({ action: `"${row.name}" is a directory in the pool, not a disk image: it cannot be ${action === 'wipe' ? 'wiped' : 'resized'}.` });
}

/**
 * Makes the volume an upload goes into: raw, exactly the declared size, so the stream can never write past it.
 * The file's bytes are kept as they are (a qcow2 image stays a qcow2 file; libvirt sees that on refresh).
 */
export async function createUploadTarget(client: LibvirtClient, poolName: string, name: string, size: number): Promise<VolumeRef> {
  const pool = await findPool(client, poolName);
  const problem = nameProblem('volume', name);
  if (problem) throw InputError.of({ name: problem });
  await refuseExisting(client, pool, name);
  await refuseTooLarge(client, pool, size, 'raw');
  return client.volumes.createXml(pool, buildVolumeXml({ name, capacity: size, format: 'raw' }));
}

/** One pool's page: the pool and, when it runs, its volumes (an inactive pool has no volume list in libvirt). */
export async function readPool(host: HostContext, poolName: string): Promise<{ pool: PoolRow; volumes: VolumeRow[] }> {
  const client = await host.libvirt();
  const pool = await poolRow(client, await findPool(client, poolName));
  return { pool, volumes: pool.active ? await listVolumes(host, poolName) : [] };
}

export async function readVolume(host: HostContext, poolName: string, name: string): Promise<VolumeRow> {
  const client = await host.libvirt();
  return volumeRow(client, await findVolume(client, poolName, name));
}
