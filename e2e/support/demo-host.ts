// A small, believable host for browser journeys that look at every page, and for the README's screenshots: a
// storage pool with disks, an isolated network, and two VMs (one with a VNC display), all named with one prefix
// and removed again by dispose(). Everything is libvirt's own (virsh), so Vireo only reads it.
import { mkdir } from 'node:fs/promises';
import { ensureFixtures, tcgGuestXml } from '@/test/support/fixtures';
import { createTestPool, type TestPool } from '@/test/support/test-pool';
import { virsh, virshCleanupDomain, virshDefine, virshWithXml } from '@/test/support/virsh';

export interface DemoHost {
  pool: TestPool;
  network: string;
  /** The VM with a disk, a NIC on the network and a VNC display. */
  web: string;
  /** A second, smaller VM that stays shut off. */
  db: string;
  dispose(): Promise<void>;
}

/** `prefix` names everything (keep it short: the network's bridge name is at most 15 characters). */
export async function createDemoHost(prefix: string, opts: { start?: boolean } = {}): Promise<DemoHost> {
  await ensureFixtures();
  const pool = await createTestPool(`${prefix}-pool`);
  const network = `${prefix}-lab`;
  const web = `${prefix}-web`;
  const db = `${prefix}-db`;
  const x = [...prefix].reduce((n, c) => (n * 31 + c.charCodeAt(0)) % 200, 7) + 20;
  const dispose = async () => {
    for (const vm of [web, db]) await virshCleanupDomain(vm);
    await virsh(['net-destroy', network]).catch(() => undefined);
    await virsh(['net-undefine', network]).catch(() => undefined);
    await pool.dispose();
  };
  try {
    await virsh(['net-destroy', network]).catch(() => undefined);
    await virsh(['net-undefine', network]).catch(() => undefined);
    await virshWithXml(
      'net-define',
      `<network><name>${network}</name><bridge name='vd${x}${prefix.slice(-6)}'/><domain name='lab.test'/>` +
        `<ip address='10.252.${x}.1' netmask='255.255.255.0'><dhcp><range start='10.252.${x}.100' end='10.252.${x}.199'/></dhcp></ip></network>`,
    );
    await virsh(['net-start', network]);
    await mkdir(pool.path, { recursive: true });
    for (const [name, size] of [
      [`${web}.qcow2`, '2G'],
      [`${db}.qcow2`, '1G'],
      ['data.qcow2', '4G'],
    ] as const)
      await virsh(['vol-create-as', pool.name, name, size, '--format', 'qcow2']);
    const disk = async (name: string) => (await virsh(['vol-path', '--pool', pool.name, name])).trim();
    await virshDefine(tcgGuestXml({ name: web, memoryMiB: 192, vcpus: 2, withDisk: await disk(`${web}.qcow2`), network, vga: true }));
    await virshDefine(tcgGuestXml({ name: db, memoryMiB: 128, withDisk: await disk(`${db}.qcow2`), network }));
    await virsh(['desc', web, '--config', '--title', '--new-desc', 'Web front end (demo)']);
    if (opts.start) await virsh(['start', web]);
  } catch (err) {
    await dispose();
    throw err;
  }
  return { pool, network, web, db, dispose };
}

export interface DemoPage {
  /** Short name, as in the screenshots' file names. */
  name: string;
  path: string;
  /** What shows once the page has its data. */
  ready: string;
}

/** Every page an admin opens, against this demo host, with what each shows once it has loaded. */
export function demoPages(demo: Pick<DemoHost, 'web' | 'network' | 'pool'>): DemoPage[] {
  const { web, network, pool } = demo;
  return [
    { name: 'host', path: '/', ready: '[data-testid="host-name"]' },
    { name: 'readiness', path: '/host/readiness', ready: '[data-testid="readiness-checks"]' },
    { name: 'vms', path: '/vms', ready: `[data-testid="vm-row-${web}"]` },
    { name: 'vm', path: `/vms/${web}`, ready: '[data-testid="vm-overview"]' },
    { name: 'hardware', path: `/vms/${web}?tab=hardware`, ready: '[data-testid="hw-memory"]' },
    { name: 'xml', path: `/vms/${web}?tab=xml`, ready: '[data-testid="xml-view"]' },
    { name: 'console', path: `/vms/${web}/console`, ready: '.xterm' },
    { name: 'networks', path: '/networks', ready: `[data-testid="network-row-${network}"]` },
    { name: 'network', path: `/networks/${network}`, ready: '[data-testid="network-facts"]' },
    { name: 'new-network', path: '/networks/new', ready: 'main input' },
    { name: 'pools', path: '/storage', ready: `[data-testid="pool-row-${pool.name}"]` },
    { name: 'storage', path: `/storage/${pool.name}`, ready: '[data-testid="volume-row-data.qcow2"]' },
    { name: 'new-pool', path: '/storage/new', ready: 'main input' },
    { name: 'new-vm', path: '/new-vm', ready: 'main input' },
    { name: 'jobs', path: '/jobs', ready: '[data-testid="jobs-summary"]' },
    { name: 'audit', path: '/audit', ready: '[data-testid="audit-table"] tbody tr' },
    { name: 'users', path: '/users', ready: '[data-testid="users-table"] tbody tr' },
    { name: 'account', path: '/account', ready: 'main input' },
    { name: 'api-reference', path: '/api-reference', ready: '[data-testid="api-reference"]' },
  ];
}
