import { StoragePoolState, type LibvirtClient, type PoolRef } from '@/lib/libvirt';
import { InputError } from '@/lib/errors';
import { nameProblem } from './names';
import { buildPoolXml, parsePoolXml, supportedPoolTypes, type PoolModel } from './pool-model';
import type { PoolAction, PoolInput } from './validate';
import type { HostContext } from '@/lib/hosts';

export interface PoolRow {
  name: string;
  uuid: string;
  type: string;
  state: 'inactive' | 'building' | 'running' | 'degraded' | 'inaccessible';
  active: boolean;
  autostart: boolean;
  targetPath: string | null;
  capacity: number;
  allocation: number;
  available: number;
  model: PoolModel;
}

const STATES: Record<number, PoolRow['state']> = {
  [StoragePoolState.INACTIVE]: 'inactive',
  [StoragePoolState.BUILDING]: 'building',
  [StoragePoolState.RUNNING]: 'running',
  [StoragePoolState.DEGRADED]: 'degraded',
  [StoragePoolState.INACCESSIBLE]: 'inaccessible',
};

/** Looks a pool up by a name that was first checked, so a crafted URL never reaches libvirt. */
export async function findPool(client: LibvirtClient, name: string): Promise<PoolRef> {
  const problem = nameProblem('pool', name);
  if (problem) throw InputError.of({ name: problem });
  return client.pools.lookupByName(name);
}

export async function poolRow(client: LibvirtClient, ref: PoolRef): Promise<PoolRow> {
  const [xml, info, autostart] = await Promise.all([client.pools.xml(ref), client.pools.info(ref), client.pools.autostart(ref)]);
  const model = parsePoolXml(xml);
  return {
    name: ref.name,
    uuid: ref.uuid,
    type: model.type,
    state: STATES[info.state] ?? 'inaccessible',
    active: info.state === StoragePoolState.RUNNING,
    autostart,
    targetPath: model.targetPath,
    capacity: info.capacity,
    allocation: info.allocation,
    available: info.available,
    model,
  };
}

export async function listPools(host: HostContext): Promise<PoolRow[]> {
  const client = await host.libvirt();
  const refs = await client.pools.listAll();
  const rows = await Promise.all(refs.map((r) => poolRow(client, r).catch(() => null)));
  return rows.filter((r): r is PoolRow => r !== null).sort((a, b) => a.name.localeCompare(b.name));
}

export async function hostPoolTypes(client: LibvirtClient): Promise<string[]> {
  const { capabilities } = await client.remote.connectGetStoragePoolCapabilities({ flags: 0 });
  return supportedPoolTypes(capabilities);
}

export function poolXmlFor(input: PoolInput): string {
  return buildPoolXml({
    name: input.name,
    type: input.type,
    targetPath: input.targetPath ?? null,
    sourceDevice: input.sourceDevice ?? null,
    sourceHost: input.sourceHost ?? null,
    sourceDir: input.sourceDir ?? null,
    sourceName: input.sourceName ?? null,
  });
}

/**
 * Defines the pool, then builds/starts/marks autostart as asked. If a later step fails the definition stays (the
 * page shows it inactive, ready for another try) and the error says which step failed.
 */
export async function createPool(host: HostContext, input: PoolInput): Promise<PoolRow> {
  const client = await host.libvirt();
  const existing = await client.pools.lookupByName(input.name).catch(() => null);
  if (existing) throw InputError.of({ name: `A pool named "${input.name}" already exists.` }, undefined, { status: 409 });
  const types = await hostPoolTypes(client);
  if (!types.includes(input.type)) throw InputError.of({ type: `libvirt on this host does not support "${input.type}" pools.` });
  const ref = await client.pools.defineXml(poolXmlFor(input));
  if (input.build) await client.pools.build(ref);
  if (input.start) await client.pools.create(ref);
  if (input.autostart) await client.pools.setAutostart(ref, true);
  return poolRow(client, ref);
}

export async function runPoolAction(host: HostContext, name: string, action: PoolAction): Promise<void> {
  const client = await host.libvirt();
  const ref = await findPool(client, name);
  switch (action) {
    case 'build':
      return client.pools.build(ref);
    case 'start':
      return client.pools.create(ref);
    case 'stop':
      return client.pools.destroy(ref);
    case 'refresh':
      return client.pools.refresh(ref);
    case 'autostart-on':
      return client.pools.setAutostart(ref, true);
    case 'autostart-off':
      return client.pools.setAutostart(ref, false);
    // Removes the pool's storage itself (a dir pool's directory); libvirt refuses while the pool runs.
    case 'delete-storage':
      return client.pools.delete(ref);
    case 'undefine':
      return client.pools.undefine(ref);
  }
}

/** The pools page: every pool, and the pool types this host's libvirt can make. */
export async function poolOverview(host: HostContext): Promise<{ pools: PoolRow[]; hostTypes: string[] }> {
  const client = await host.libvirt();
  const [pools, hostTypes] = await Promise.all([listPools(host), hostPoolTypes(client)]);
  return { pools, hostTypes };
}
