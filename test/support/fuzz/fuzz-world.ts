import { DomainUndefineFlagsValues, type LibvirtClient } from '@/lib/libvirt';
import { db } from '@/lib/db/client';
import { driverState, stateDiff, type DriverState } from './driver-state';
import type { Operation } from './operations';

// What the route fuzzer works on: the test driver with a few objects of its own beside the driver's built-in ones
// (a shut-off VM with a disk, a CD-ROM drive and a NIC; volumes; an inactive network), the database's users,
// sessions and jobs, and the names of all of them, which the fuzzer tries as path parameters most often.

export interface DbState {
  /** username → role and password hash. */
  users: Record<string, string>;
  sessions: number;
  jobs: number;
}

export interface WorldState {
  driver: DriverState;
  db: DbState;
}

export async function dbState(): Promise<DbState> {
  const users = await db().user.findMany({ select: { username: true, role: true, passwordHash: true } });
  return {
    users: Object.fromEntries(users.map((u) => [u.username, `${u.role} ${u.passwordHash}`])),
    sessions: await db().session.count(),
    jobs: await db().job.count(),
  };
}

export async function worldState(client: LibvirtClient): Promise<WorldState> {
  return { driver: await driverState(client), db: await dbState() };
}

export function worldDiff(before: WorldState, after: WorldState): string[] {
  return stateDiff(before, after);
}

export const FIXTURE = {
  vm: 'fuzz-off',
  network: 'fuzz-net',
  pool: 'default-pool',
  volumes: ['fuzz-disk.qcow2', 'fuzz-base.qcow2', 'fuzz-cd.iso'],
  mac: '52:54:00:fa:22:01',
};

const volumeXml = (name: string, format: string) =>
  `<volume><name>${name}</name><capacity unit='MiB'>64</capacity><target><format type='${format}'/></target></volume>`;

/**
 * Removes the fuzzer's objects if a run that ended badly left them (the driver keeps its state while any process
 * holds a connection), so the state a run finds and restores at its end is the driver's own.
 */
export async function removeFixtures(client: LibvirtClient): Promise<void> {
  const quietly = (p: Promise<unknown>) => p.catch(() => undefined);
  const dom = await client.domains.lookupByName(FIXTURE.vm).catch(() => null);
  if (dom) {
    if (dom.id > 0) await quietly(client.domains.destroy(dom));
    await client.domains.undefine(dom, DomainUndefineFlagsValues.SNAPSHOTS_METADATA);
  }
  const net = await client.networks.lookupByName(FIXTURE.network).catch(() => null);
  if (net) {
    await quietly(client.networks.destroy(net));
    await client.networks.undefine(net);
  }
  const pool = await client.pools.lookupByName(FIXTURE.pool);
  for (const v of FIXTURE.volumes) {
    const vol = await client.volumes.lookupByName(pool, v).catch(() => null);
    if (vol) await client.volumes.delete(vol);
  }
}

/** Adds the fuzzer's objects to the test driver (call once, on the state it found). */
export async function seedFixtures(client: LibvirtClient): Promise<void> {
  const pool = await client.pools.lookupByName(FIXTURE.pool);
  for (const v of FIXTURE.volumes) await client.volumes.createXml(pool, volumeXml(v, v.endsWith('.iso') ? 'raw' : 'qcow2'));
  await client.domains.defineXml(
    `<domain type='test'><name>${FIXTURE.vm}</name><memory unit='MiB'>256</memory><vcpu>2</vcpu><os><type arch='i686'>hvm</type></os><devices>` +
      "<disk type='file' device='disk'><driver name='qemu' type='qcow2'/>" +
      `<source file='/${FIXTURE.pool}/fuzz-disk.qcow2'/><target dev='vda' bus='virtio'/></disk>` +
      `<disk type='file' device='cdrom'><driver name='qemu' type='raw'/><target dev='sdb' bus='sata'/><readonly/></disk>` +
      `<interface type='network'><mac address='${FIXTURE.mac}'/><source network='default'/><model type='virtio'/></interface>` +
      '</devices></domain>',
  );
  await client.networks.defineXml(
    `<network><name>${FIXTURE.network}</name><bridge name='virbrfz0'/><ip address='10.250.7.1' netmask='255.255.255.0'>` +
      "<dhcp><range start='10.250.7.100' end='10.250.7.150'/></dhcp></ip></network>",
  );
}

/** The names that exist now, for each path parameter of `op`. */
export function existingNames(op: Operation, state: WorldState, jobIds: string[]): Record<string, string[]> {
  const d = state.driver;
  const xml = Object.values(d.domains)
    .map((x) => x.xml)
    .join('\n');
  const macs = [...xml.matchAll(/<mac address='([^']+)'/g)].map((m) => m[1]!);
  return {
    name: op.path.includes('/networks/') ? Object.keys(d.networks) : Object.keys(d.domains),
    host: ['local'],
    pool: Object.keys(d.pools),
    volume: Object.values(d.pools).flatMap((p) => Object.keys(p.volumes)),
    target: [...new Set([...xml.matchAll(/<target dev='([^']+)'/g)].map((m) => m[1]!))],
    mac: [...macs, ...macs.map(encodeURIComponent)],
    id: jobIds,
  };
}

/** Names that exist now, for body properties that name things (see GenOptions.hints). */
export function bodyHints(state: WorldState): Record<string, string[]> {
  const d = state.driver;
  const volumeXml = Object.values(d.pools).flatMap((p) => Object.values(p.volumes));
  return {
    vm: Object.keys(d.domains),
    names: Object.keys(d.domains),
    network: Object.keys(d.networks),
    pool: Object.keys(d.pools),
    volume: Object.values(d.pools).flatMap((p) => Object.keys(p.volumes)),
    // A VM's delete names the volumes to remove with it by key.
    volumes: volumeXml.map((x) => /<key>([^<]+)<\/key>/.exec(x)?.[1]).filter((k): k is string => Boolean(k)),
  };
}

/** The definitions that exist now, for the XML routes' bodies. */
export function xmlCorpus(state: WorldState): { domains: string[]; networks: string[]; domainNames: string[]; networkNames: string[] } {
  const d = state.driver;
  return {
    domains: Object.values(d.domains).map((x) => x.xml),
    networks: Object.values(d.networks).map((x) => x.xml),
    domainNames: Object.keys(d.domains),
    networkNames: Object.keys(d.networks),
  };
}
