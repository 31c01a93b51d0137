import type { LibvirtClient } from '@/lib/libvirt';
import type { HostContext } from '@/lib/hosts';
import { attr, child, children, parseXml, path, text } from '@/lib/xml/parse';
import { readHostMemory, type HostMemory } from './memory';

export interface PoolGlance {
  name: string;
  active: boolean;
  capacity: number;
  allocation: number;
  available: number;
}
export interface NetworkGlance {
  name: string;
  active: boolean;
  autostart: boolean;
}

export interface HostOverview {
  hostname: string;
  libvirtVersion: string;
  qemuVersion: string;
  cpuModel: string;
  cpuVendor: string | null;
  arch: string;
  cpus: number;
  mhz: number;
  sockets: number;
  cores: number;
  threads: number;
  numaNodes: number;
  memory: HostMemory;
  kvm: boolean;
  pools: PoolGlance[];
  networks: NetworkGlance[];
}

/** libvirt packs versions as major * 1,000,000 + minor * 1,000 + micro. */
export function formatVersion(v: number): string {
  return `${Math.floor(v / 1_000_000)}.${Math.floor((v % 1_000_000) / 1000)}.${v % 1000}`;
}

/** KVM is usable when the capabilities offer a kvm domain type for the host's architecture. */
export function kvmFromCapabilities(xml: string): { kvm: boolean; cpuModel: string | null; cpuVendor: string | null; arch: string | null } {
  const root = parseXml(xml).documentElement!;
  const cpu = path(root, 'host', 'cpu');
  const arch = text(child(cpu, 'arch'));
  const kvm = children(root, 'guest').some(
    (g) => attr(child(g, 'arch'), 'name') === arch && children(child(g, 'arch'), 'domain').some((d) => attr(d, 'type') === 'kvm'),
  );
  return { kvm, cpuModel: text(child(cpu, 'model')), cpuVendor: text(child(cpu, 'vendor')), arch };
}

async function pools(client: LibvirtClient): Promise<PoolGlance[]> {
  const refs = await client.pools.listAll();
  return Promise.all(
    refs.map(async (p) => {
      const info = await client.pools.info(p);
      return { name: p.name, active: info.state === 2, capacity: info.capacity, allocation: info.allocation, available: info.available };
    }),
  );
}

async function networks(client: LibvirtClient): Promise<NetworkGlance[]> {
  const refs = await client.networks.listAll();
  return Promise.all(refs.map(async (n) => ({ name: n.name, active: await client.networks.isActive(n), autostart: await client.networks.autostart(n) })));
}

export async function hostOverview(host: HostContext): Promise<HostOverview> {
  const client = await host.libvirt();
  const h = client.host;
  const [hostname, lib, hyp, node, memory, caps, poolList, netList] = await Promise.all([
    h.hostname(),
    h.libVersion(),
    h.hypervisorVersion(),
    h.nodeInfo(),
    readHostMemory(client),
    h.capabilities(),
    pools(client),
    networks(client),
  ]);
  const c = kvmFromCapabilities(caps);
  return {
    hostname,
    libvirtVersion: formatVersion(lib),
    qemuVersion: formatVersion(hyp),
    cpuModel: c.cpuModel ?? node.model,
    cpuVendor: c.cpuVendor,
    arch: c.arch ?? node.model,
    cpus: node.cpus,
    mhz: node.mhz,
    sockets: node.sockets,
    cores: node.cores,
    threads: node.threads,
    numaNodes: node.nodes,
    memory,
    kvm: c.kvm,
    pools: poolList.sort((a, b) => a.name.localeCompare(b.name)),
    networks: netList.sort((a, b) => a.name.localeCompare(b.name)),
  };
}
