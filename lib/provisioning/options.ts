import type { HostContext } from '@/lib/hosts';
import { listHostBridges } from '@/lib/host/bridges';
import { readHostMemory, type HostMemory } from '@/lib/host/memory';
import { guestDomainType, type GuestDomainType } from '@/lib/host/virt-type';
import { catalogForWizard } from '@/lib/images/cache';
import type { WizardCatalogEntry } from '@/lib/images/catalog';
import { listNetworks } from '@/lib/networks/read';
import { listPools } from '@/lib/storage/pools';
import { listVolumes, type VolumeRow } from '@/lib/storage/volumes';
import { volumeUsage } from '@/lib/storage/volume-users';
import { markRecordedBases } from '@/lib/images/bases';
import { GENERIC_LINUX, osDatabase, osVariantByShortIds } from '@/lib/osinfo/db';
import type { OsVariant } from '@/lib/osinfo/types';

// What the wizard's form offers, read from the host in one go.

export interface WizardOptions {
  domainType: GuestDomainType;
  host: { cpus: number; memory: HostMemory };
  pools: { name: string; active: boolean; availableBytes: number | null }[];
  networks: { name: string; active: boolean; mode: string }[];
  bridges: string[];
  /** Catalog images with the OS each runs (preselected when the image is), from the osinfo database. */
  catalog: (WizardCatalogEntry & { osVariant: OsVariant | null })[];
  /** Whether the OS list can be searched; why not when it cannot (osinfo-db missing). */
  osinfo: { available: boolean; problem: string | null };
  /** Disk images of active pools (not directories), for ISO installs, imports and uploaded images, with their users. */
  volumes: Pick<VolumeRow, 'pool' | 'name' | 'format' | 'capacity' | 'allocation' | 'usedBy' | 'base'>[];
}

export async function wizardOptions(host: HostContext): Promise<WizardOptions> {
  const client = await host.libvirt();
  const [domainType, info, memory, pools, networks, bridges] = await Promise.all([
    guestDomainType(host),
    client.host.nodeInfo(),
    readHostMemory(client),
    listPools(host),
    listNetworks(host),
    host.local ? listHostBridges() : [],
  ]);
  const usage = await volumeUsage(client);
  const listed = await Promise.all(pools.filter((p) => p.active).map((p) => listVolumes(host, p.name, usage).catch(() => [])));
  const volumes = await markRecordedBases(listed.flat().filter((v) => v.type !== 'dir'));
  return {
    domainType,
    host: { cpus: info.cpus, memory },
    pools: pools.map((p) => ({ name: p.name, active: p.active, availableBytes: p.available })),
    networks: networks.map((n) => ({ name: n.name, active: n.active, mode: n.model.mode })),
    bridges: bridges.map((b) => b.name),
    catalog: await Promise.all((await catalogForWizard()).map(async (c) => ({ ...c, osVariant: await osVariantByShortIds([c.osinfo, ...GENERIC_LINUX]) }))),
    osinfo: await osDatabase().then(
      () => ({ available: true, problem: null }),
      (err: Error) => ({ available: false, problem: err.message }),
    ),
    volumes: volumes.map(({ pool, name, format, capacity, allocation, usedBy, base }) => ({ pool, name, format, capacity, allocation, usedBy, base })),
  };
}
