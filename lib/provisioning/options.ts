import type { HostContext } from '@/lib/hosts';
import { listHostBridges } from '@/lib/host/bridges';
import { guestDomainType, type GuestDomainType } from '@/lib/host/virt-type';
import { catalogForWizard } from '@/lib/images/cache';
import type { WizardCatalogEntry } from '@/lib/images/catalog';
import { listNetworks } from '@/lib/networks/read';
import { listPools } from '@/lib/storage/pools';
import { listVolumes } from '@/lib/storage/volumes';
import { GENERIC_LINUX, osDatabase, osVariantByShortIds } from '@/lib/osinfo/db';
import type { OsVariant } from '@/lib/osinfo/types';

// What the wizard's form offers, read from the host in one go.

export interface WizardOptions {
  domainType: GuestDomainType;
  host: { cpus: number; memoryMiB: number; freeMiB: number };
  pools: { name: string; active: boolean; availableBytes: number | null }[];
  networks: { name: string; active: boolean; mode: string }[];
  bridges: string[];
  /** Catalog images with the OS each runs (preselected when the image is), from the osinfo database. */
  catalog: (WizardCatalogEntry & { osVariant: OsVariant | null })[];
  /** Whether the OS list can be searched; why not when it cannot (osinfo-db missing). */
  osinfo: { available: boolean; problem: string | null };
  /** Volumes of active pools, for ISO installs, imports and uploaded images. */
  volumes: { pool: string; name: string; format: string | null; capacity: number }[];
}

export async function wizardOptions(host: HostContext): Promise<WizardOptions> {
  const client = await host.libvirt();
  const [domainType, info, free, pools, networks, bridges] = await Promise.all([
    guestDomainType(host),
    client.host.nodeInfo(),
    client.host.freeMemory(),
    listPools(host),
    listNetworks(host),
    host.local ? listHostBridges() : [],
  ]);
  const volumes = (await Promise.all(pools.filter((p) => p.active).map((p) => listVolumes(host, p.name).catch(() => [])))).flat();
  return {
    domainType,
    host: { cpus: info.cpus, memoryMiB: Math.floor(info.memoryKiB / 1024), freeMiB: Math.floor(free / 1024 ** 2) },
    pools: pools.map((p) => ({ name: p.name, active: p.active, availableBytes: p.available })),
    networks: networks.map((n) => ({ name: n.name, active: n.active, mode: n.model.mode })),
    bridges: bridges.map((b) => b.name),
    catalog: await Promise.all((await catalogForWizard()).map(async (c) => ({ ...c, osVariant: await osVariantByShortIds([c.osinfo, ...GENERIC_LINUX]) }))),
    osinfo: await osDatabase().then(
      () => ({ available: true, problem: null }),
      (err: Error) => ({ available: false, problem: err.message }),
    ),
    volumes: volumes.map((v) => ({ pool: v.pool, name: v.name, format: v.format, capacity: v.capacity })),
  };
}
