import { execFile } from 'node:child_process';
import { writeFile, rm } from 'node:fs/promises';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startWatched } from '@/test/support/console-reader';
import { bootBanner, cloudImagePath, cloudInitBanner, ensureFixtures, fileDigest, fixturePaths } from '@/test/support/fixtures';
import { FIXTURE_IMAGE_ALLOW, startHttpFixtureServer, type HttpFixtureServer } from '@/test/support/http-fixture-server';
import { KEPT_NOTE, retryCreateVm, startCreateVm } from './create';
import { planVm } from './plan';
import { removeKept } from '@/lib/jobs/kept';
import { expectAllStepsDone, settledJob } from '@/test/support/settled-job';
import { withTestDatabase } from '@/test/support/with-test-database';
import { addTinyIso, createTestPool, type TestPool } from '@/test/support/test-pool';
import { virsh, virshCleanupDomain } from '@/test/support/virsh';
import { testHost } from '@/test/support/test-host';

// The create job against the real libvirtd: an ISO install VM is made, validated and started; a failure after
// the definition removes the disk and the domain; refusals name the field and create nothing.

const run = promisify(execFile);
const suffix = Math.random().toString(36).slice(2, 7);
const actor = { id: null, username: 'tester', ip: null };
let pool: TestPool;
const host = testHost();
let http: HttpFixtureServer;
withTestDatabase({ env: { VIREO_FORCE_EMULATION: '1', VIREO_IMAGE_ALLOW: FIXTURE_IMAGE_ALLOW } });
const made: string[] = [];

function isoSpec(name: string, extra: Record<string, unknown> = {}) {
  return {
    name,
    source: { kind: 'iso', iso: { pool: pool.name, volume: 'tiny.iso' } },
    os: { machine: 'q35', firmware: 'bios' },
    resources: { vcpus: 1, memoryMiB: 128 },
    storage: { pool: pool.name, sizeGiB: 1, format: 'qcow2', bus: 'virtio' },
    network: { type: 'none' },
    start: true,
    ...extra,
  };
}

/** Runs a create job to its end and returns what it recorded; the VM it names is removed after the file. */
async function createVm(spec: { name: string } & Record<string, unknown>) {
  made.push(spec.name);
  const { jobId } = await startCreateVm(host, spec, actor);
  return settledJob(jobId);
}

/** Boots a created VM watched from its first byte until its console shows `banner`, then stops it. */
async function bootUntil(name: string, banner: string | RegExp) {
  const tty = await startWatched(name);
  try {
    await tty.waitFor(banner, 90_000);
  } finally {
    tty.close();
    await virsh(['destroy', name]).catch(() => undefined);
  }
}

async function domains(): Promise<string[]> {
  return (await virsh(['list', '--all', '--name']))
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);
}

beforeAll(async () => {
  pool = await createTestPool(`vireo-test-create-${suffix}`);
  await addTinyIso(pool);
  await ensureFixtures();
  http = await startHttpFixtureServer({ files: { 'cloud.qcow2': cloudImagePath } });
});

afterAll(async () => {
  for (const name of made) {
    await virshCleanupDomain(name);
  }
  await pool?.dispose();
  await http?.close();
  await host.close();
});

describe('create job (ISO install flow)', () => {
  it('creates the disk, defines a schema-valid domain booting CD-ROM first, and starts it', async () => {
    const name = `vireo-test-iso-${suffix}`;
    const job = await createVm(isoSpec(name));
    expectAllStepsDone(job, ['disk', 'define', 'start']);
    expect((await virsh(['domstate', name])).trim()).toBe('running');
    expect(await pool.volumes()).toEqual(['tiny.iso', `${name}.qcow2`]);
    const file = `/tmp/${name}.xml`;
    await writeFile(file, await virsh(['dumpxml', '--inactive', name]));
    const { stdout, stderr } = await run('virt-xml-validate', [file, 'domain']);
    expect(`${stdout}${stderr}`).toContain('validates');
    await rm(file);
    const blk = await virsh(['domblklist', name, '--details']);
    expect(blk).toMatch(/cdrom\s+sda\s+\S*tiny\.iso/);
    expect(blk).toMatch(new RegExp(`disk\\s+vda\\s+\\S*${name}\\.qcow2`));
    const xml = await virsh(['dumpxml', name]);
    expect(xml).toMatch(/<graphics type='vnc' port='\d+' autoport='yes' listen='127\.0\.0\.1'>/);
    expect(xml).toContain("<domain type='qemu'");
  });

  it("keeps the VM and its disk when only the start fails (a reviewed XML naming a missing network), with libvirt's reason", async () => {
    const name = `vireo-test-kept-${suffix}`;
    const before = await pool.volumes();
    const plan = await planVm(host, isoSpec(name));
    const edited = plan.generatedXml.replace(
      '</devices>',
      "<interface type='network'><source network='vireo-no-such-network'/><model type='virtio'/></interface></devices>",
    );
    const job = await createVm(isoSpec(name, { identity: plan.spec.identity, xml: edited }));
    expect(job.status).toBe('failed');
    expect(job.error).toMatch(/^Start the virtual machine: libvirt says: .*vireo-no-such-network/);
    expect(job.error).toContain(KEPT_NOTE);
    expect(job.steps.map((s) => s.status)).toEqual(['done', 'done', 'failed']);
    expect(job.rollback).toBeNull();
    expect(job.kept).toEqual([
      { type: 'volume', pool: pool.name, name: `${name}.qcow2` },
      { type: 'domain', name, uuid: plan.spec.identity!.uuid },
    ]);
    expect(await domains()).toContain(name);
    expect(await pool.volumes()).toEqual([...before, `${name}.qcow2`].sort());

    // Removed later on request: the same rollback, newest first; asking twice is refused.
    const after = await removeKept(host, job.id);
    expect(after.kept).toEqual([]);
    expect(after.rollback?.map((r) => [r.resource.type, r.outcome])).toEqual([
      ['domain', 'removed'],
      ['volume', 'removed'],
    ]);
    expect(after.status).toBe('failed');
    expect(await pool.volumes()).toEqual(before);
    expect(await domains()).not.toContain(name);
    await expect(removeKept(host, job.id)).rejects.toThrow(/kept nothing/);
  });

  it('rolls back the disk when the definition itself fails, and retries with the same settings', async () => {
    const name = `vireo-test-rb-${suffix}`;
    const before = await pool.volumes();
    const plan = await planVm(host, isoSpec(name));
    const invalid = plan.generatedXml.replace('</devices>', '<vireo-not-a-device/></devices>');
    const { jobId } = await startCreateVm(host, isoSpec(name, { identity: plan.spec.identity, xml: invalid }), actor);
    const job = await settledJob(jobId);
    expect(job.status).toBe('failed');
    expect(job.steps.map((s) => s.status)).toEqual(['done', 'failed', 'pending']);
    expect(job.kept).toBeNull();
    expect(job.rollback?.map((r) => [r.resource.type, r.outcome])).toEqual([
      ['domain', 'already-gone'],
      ['volume', 'removed'],
    ]);
    expect(await pool.volumes()).toEqual(before);
    expect(await domains()).not.toContain(name);

    const again = await retryCreateVm(host, jobId, actor);
    expect(again.jobId).not.toBe(jobId);
    const job2 = await settledJob(again.jobId);
    expect([job2.objectName, job2.status, job2.error]).toEqual([name, 'failed', job.error]);
    await expect(retryCreateVm(host, '00000000-0000-4000-8000-000000000000', actor)).rejects.toThrow(/no longer kept/);
  });

  it('refuses what the host cannot do, naming the field, and creates nothing', async () => {
    const before = await pool.volumes();
    const refuse = async (spec: unknown) => {
      const err = await startCreateVm(host, spec, actor).then(
        () => null,
        (e: { fields?: Record<string, string> }) => e,
      );
      expect(err?.fields).toBeDefined();
      return err!.fields!;
    };
    const name = `vireo-test-no-${suffix}`;
    expect(Object.keys(await refuse(isoSpec(name, { resources: { vcpus: 1, memoryMiB: 64 * 1024 * 1024 } })))).toContain('resources.memoryMiB');
    expect(Object.keys(await refuse(isoSpec(name, { resources: { vcpus: 4096, memoryMiB: 128 } })))).toContain('resources.vcpus');
    expect(await refuse(isoSpec(made[0]!))).toMatchObject({ name: expect.stringContaining('already exists') });
    expect(Object.keys(await refuse(isoSpec(name, { storage: { pool: 'vireo-no-such-pool', sizeGiB: 1, format: 'qcow2', bus: 'virtio' } })))).toContain(
      'storage.pool',
    );
    expect(Object.keys(await refuse(isoSpec(name, { source: { kind: 'iso', iso: { pool: pool.name, volume: '../etc/passwd' } } })))).toContain(
      'source.iso.volume',
    );
    expect(Object.keys(await refuse(isoSpec(name, { network: { type: 'network', network: 'vireo-no-such-net' } })))).toContain('network.network');
    expect(Object.keys(await refuse(isoSpec(name, { xml: '<domain><name>other</name></domain>' })))).toContain('xml');
    expect(await pool.volumes()).toEqual(before);
    expect(await domains()).not.toContain(name);
  });
});

describe('create job (cloud image flow)', () => {
  it('downloads and verifies the image once, layers an overlay, seeds cloud-init, and the guest boots with that hostname and user', async () => {
    const { sha256 } = await fileDigest(cloudImagePath);
    const spec = (name: string) => ({
      name,
      source: { kind: 'cloud-image', image: { from: 'url', url: http.url('cloud.qcow2'), checksum: { algorithm: 'sha256', hex: sha256 } } },
      resources: { vcpus: 1, memoryMiB: 160 },
      storage: { pool: pool.name, sizeGiB: 1 },
      network: { type: 'none' },
      cloudInit: { hostname: 'int-host', user: { name: 'intuser', sudo: true } },
      start: false,
    });
    const name = `vireo-test-cloud-${suffix}`;
    const job = await createVm(spec(name));
    expect(job.error).toBeNull();
    expect(job.steps.map((s) => [s.id, s.status])).toEqual([
      ['image', 'done'],
      ['disk', 'done'],
      ['seed', 'done'],
      ['define', 'done'],
      ['start', 'skipped'],
    ]);
    expect(job.steps[0]!.detail).toMatch(/checksum verified/);
    expect(await pool.volumes()).toEqual(expect.arrayContaining(['base-cloud.qcow2', `${name}.qcow2`, `${name}-seed.iso`]));

    await bootUntil(name, new RegExp(`${cloudInitBanner} hostname=int-host user=intuser`));

    const again = `vireo-test-cloud2-${suffix}`;
    const before = http.requests('cloud.qcow2');
    const job2 = await createVm(spec(again));
    expect(job2.status).toBe('succeeded');
    expect(job2.steps[0]!.detail).toMatch(/^Cached/);
    expect(http.requests('cloud.qcow2')).toBe(before);
  });
});

describe('create job (import and direct kernel boot)', () => {
  it('imports an existing disk volume as it is (its own format) and boots it', async () => {
    const name = `vireo-test-imp-${suffix}`;
    await run('cp', [cloudImagePath, `${pool.path}/imported.qcow2`]);
    await virsh(['pool-refresh', pool.name]);
    const before = await pool.volumes();
    const job = await createVm({
      name,
      source: { kind: 'import', disk: { pool: pool.name, volume: 'imported.qcow2' } },
      resources: { vcpus: 1, memoryMiB: 160 },
      storage: { pool: pool.name, sizeGiB: 0, bus: 'virtio' },
      network: { type: 'none' },
      start: false,
    });
    expect(job.steps.map((s) => [s.id, s.status])).toEqual([
      ['define', 'done'],
      ['start', 'skipped'],
    ]);
    expect(await pool.volumes()).toEqual(before);
    expect(await virsh(['dumpxml', '--inactive', name])).toContain("<driver name='qemu' type='qcow2'");
    await bootUntil(name, `${cloudInitBanner} no-seed`);
  });

  it('boots a kernel and initrd from host files with the given command line, no disk', async () => {
    const name = `vireo-test-kern-${suffix}`;
    const fx = fixturePaths();
    const job = await createVm({
      name,
      source: { kind: 'kernel', kernel: fx.kernel, initrd: fx.initrd, cmdline: `${fx.cmdline} vireo.hostname=direct-boot` },
      resources: { vcpus: 1, memoryMiB: 160 },
      storage: { pool: pool.name, sizeGiB: 0 },
      network: { type: 'none' },
      start: false,
    });
    expect(job.status).toBe('succeeded');
    await bootUntil(name, `${bootBanner} hostname=direct-boot`);
    const refused = await startCreateVm(
      host,
      {
        name: `${name}-x`,
        source: { kind: 'kernel', kernel: '/boot/../etc/shadow' },
        resources: { vcpus: 1, memoryMiB: 160 },
        storage: { pool: pool.name, sizeGiB: 0 },
        network: { type: 'none' },
      },
      actor,
    ).catch((e: { fields?: Record<string, string> }) => e.fields);
    expect(refused).toMatchObject({ 'source.kernel': expect.stringContaining('..') });
  });
});
