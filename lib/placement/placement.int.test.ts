import { randomUUID } from 'node:crypto';
import { createServer, type Server, type Socket } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isVireoError } from '@/lib/errors';
import { tcgGuestXml } from '@/test/support/fixtures';
import { FACTS_TIMEOUT_MS, readHostFacts } from './facts';
import { placeAcrossHosts } from './service';
import { startCreateVm } from '@/lib/provisioning/create';
import { setVmTags } from '@/lib/tags/service';
import { inventory } from '@/lib/vms/inventory';
import { settledJob } from '@/test/support/settled-job';
import { withTestDatabase } from '@/test/support/with-test-database';
import { testHost } from '@/test/support/test-host';
import { addTinyIso, createTestPool, type TestPool } from '@/test/support/test-pool';
import { until } from '@/test/support/until';
import { virsh, virshCleanupDomain, virshDefine } from '@/test/support/virsh';

// Placement against the test libvirtd: the facts are the host's real figures (as virsh reports them), a host that
// never answers is judged down within the time allowed while the others are judged, a create that breaks
// anti-affinity is refused (409, with the reason) and makes nothing, and the tags given at create are written into
// the new domain's metadata, so the next placement sees them.

const suffix = randomUUID().slice(0, 8);
const db1 = `vireo-it-place-db1-${suffix}`;
const web = `vireo-it-place-web-${suffix}`;
const refused = `vireo-it-place-db2-${suffix}`;
const host = testHost();
const actor = { id: null, username: 'tester', ip: null };
withTestDatabase({ env: { VIREO_FORCE_EMULATION: '1', VIREO_ANTI_AFFINITY_TAGS: 'db' } });
let pool: TestPool;
let silent: Server;
const held: Socket[] = [];

function isoSpec(name: string, extra: Record<string, unknown> = {}) {
  return {
    name,
    source: { kind: 'iso', iso: { pool: pool.name, volume: 'tiny.iso' } },
    resources: { vcpus: 1, memoryMiB: 128 },
    storage: { pool: pool.name, sizeGiB: 1, format: 'qcow2', bus: 'virtio' },
    network: { type: 'none' },
    start: false,
    ...extra,
  };
}

const names = async () => (await virsh(['list', '--all', '--name'])).split('\n').map((l) => l.trim());

beforeAll(async () => {
  pool = await createTestPool(`vireo-test-place-${suffix}`);
  await addTinyIso(pool);
  await virshDefine(tcgGuestXml({ name: db1, memoryMiB: 96 }));
  await virsh(['autostart', db1]);
  await setVmTags(host, db1, ['db']);
  // A "host" that accepts the connection and then says nothing, as a hung libvirtd would.
  silent = createServer((s) => held.push(s));
  await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
}, 120_000);

afterAll(async () => {
  for (const name of [db1, web, refused]) await virshCleanupDomain(name);
  await pool?.dispose();
  for (const s of held) s.destroy();
  silent?.close();
  await host.close();
});

describe('host facts', () => {
  it("reads the host's real CPUs, memory, pools with free space, networks and every VM's size, state and tags", async () => {
    const facts = await readHostFacts(host);
    const nodeinfo = await virsh(['nodeinfo']);
    expect(facts.cpus).toBe(Number(/^CPU\(s\):\s+(\d+)/m.exec(nodeinfo)![1]));
    const meminfo = await virsh(['nodememstats']);
    expect(facts.memoryTotalBytes).toBe(Number(/^total\s*:\s*(\d+) KiB/m.exec(meminfo)![1]) * 1024);
    const info = await virsh(['pool-info', pool.name, '--bytes']);
    const available = Number(/^Available:\s+(\d+)/m.exec(info)![1]);
    const p = facts.pools.find((x) => x.name === pool.name)!;
    expect(p.active).toBe(true);
    // The file system's free space moves as other tests write: within 64 MiB of what virsh said.
    expect(Math.abs(p.availableBytes - available)).toBeLessThan(64 * 1024 ** 2);
    const nets = (await virsh(['net-list', '--all', '--name']))
      .split('\n')
      .map((l) => l.trim())
      .filter(Boolean);
    expect(facts.networks.map((n) => n.name).sort()).toEqual(nets.sort());
    expect(facts.vms.find((v) => v.name === db1)).toEqual({ name: db1, vcpus: 1, maxMemKiB: 96 * 1024, active: false, autostart: true, tags: ['db'] });
  });

  it('judges a host that never answers as down within the time allowed, without holding up the others', async () => {
    const { port } = silent.address() as { port: number };
    const hung = testHost(`qemu+tcp://127.0.0.1:${port}/system`, undefined, 'hung');
    try {
      const t0 = Date.now();
      const placement = await placeAcrossHosts({ vcpus: 1, memoryMiB: 64, pools: [], disk: null, networks: [], tags: [] }, [hung, host]);
      expect(Date.now() - t0).toBeLessThan(FACTS_TIMEOUT_MS + 2000);
      expect(placement.chosen?.id).toBe('test');
      const verdict = placement.hosts.find((v) => v.host.id === 'hung')!;
      expect(verdict.fits).toBe(false);
      expect(verdict.reasons[0]).toMatch(/^host down: /);
    } finally {
      await hung.close();
    }
  }, 20_000);
});

describe('create and anti-affinity', () => {
  it('refuses a create tagged db on the host that has db-1 tagged db, with the reason, and makes nothing', async () => {
    const before = await names();
    const vols = await virsh(['vol-list', pool.name]);
    const err = await startCreateVm(host, isoSpec(refused, { tags: ['DB'] }), actor).catch((e: unknown) => e);
    expect(isVireoError(err)).toBe(true);
    if (!isVireoError(err)) return;
    expect(err.status).toBe(409);
    expect(err.code).toBe('PLACEMENT_REFUSED');
    expect(err.details.reasons).toEqual([`already has ${db1} tagged db (anti-affinity)`]);
    expect(err.message).toContain('(anti-affinity)');
    expect(await names()).toEqual(before);
    expect(await virsh(['vol-list', pool.name])).toBe(vols);
  });

  it('creates a VM with tags that are not anti-affine, written into its metadata at define', async () => {
    const { jobId } = await startCreateVm(host, isoSpec(web, { tags: ['web', 'Prod'] }), actor);
    expect((await settledJob(jobId)).status).toBe('succeeded');
    expect(await virsh(['metadata', web, 'https://vireo.dev/xmlns/tags/1', '--config'])).toMatch(/web[\s\S]*prod/);
    await until('the inventory sees the tags', async () => (await inventory(host).list()).find((r) => r.name === web)?.tags?.join(',') === 'web,prod', 10_000);
  });

  it('judges the same request without the anti-affine tag as fitting', async () => {
    const req = { vcpus: 1, memoryMiB: 64, pools: [pool.name], disk: null, networks: [], tags: ['db'] };
    expect((await placeAcrossHosts(req, [host])).hosts[0]).toMatchObject({
      fits: false,
      reasons: [`already has ${db1} tagged db (anti-affinity)`],
    });
    expect((await placeAcrossHosts({ ...req, tags: ['web'] }, [host])).hosts[0]).toMatchObject({ fits: true, reasons: [] });
  });
});
