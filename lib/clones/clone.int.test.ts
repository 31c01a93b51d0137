import { copyFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildSeedFiles } from '@/lib/cloud-init/seed';
import { uploadSeed } from '@/lib/cloud-init/seed-iso';
import { Domain } from '@/lib/domain-xml/domain';
import { ConsoleReader } from '@/test/support/console-reader';
import { cloudImagePath, diskBootGuestXml, ensureFixtures, shellPrompt } from '@/test/support/fixtures';
import { testBridge } from '@/test/support/test-libvirtd';
import { startClone } from './clone';
import { setTemplate } from './templates';
import { runLifecycle } from '@/lib/vms/lifecycle';
import { expectAllStepsDone, settledJob } from '@/test/support/settled-job';
import { withTestDatabase } from '@/test/support/with-test-database';
import { testScene } from '@/test/support/test-scene';
import { virsh } from '@/test/support/virsh';

// Clones and templates against the real libvirtd: a cloud-image VM (the fixture cloud.qcow2 with a NoCloud seed)
// is cloned linked (it becomes a template: read-only disks, refuses to start) and full; the linked clone boots on
// an overlay of the template's disk and cloud-init in it reports the clone's own hostname from its new seed.

withTestDatabase();
const scene = testScene();
const host = scene.host;
const tag = Math.random().toString(36).slice(2, 7);
const src = scene.guest(`vireo-clsrc-${tag}`);
const linked = scene.guest(`vireo-cll-${tag}`);
const full = scene.guest(`vireo-clf-${tag}`);
const actor = { id: null, username: 'tester', ip: null };
const pool = scene.pool(`vireo-clone-${tag}`);
const readers: ConsoleReader[] = [];

function sourceXml(): string {
  return diskBootGuestXml(src, {
    disk: [
      {
        '@_type': 'volume',
        '@_device': 'disk',
        driver: { '@_name': 'qemu', '@_type': 'qcow2' },
        source: { '@_pool': pool.name, '@_volume': 'src.qcow2' },
        target: { '@_dev': 'vda', '@_bus': 'virtio' },
        boot: { '@_order': '1' },
      },
      {
        '@_type': 'volume',
        '@_device': 'cdrom',
        driver: { '@_name': 'qemu', '@_type': 'raw' },
        source: { '@_pool': pool.name, '@_volume': `${src}-seed.iso` },
        target: { '@_dev': 'sda', '@_bus': 'scsi' },
        readonly: '',
      },
    ],
    controller: { '@_type': 'scsi', '@_model': 'virtio-scsi' },
    interface: { '@_type': 'bridge', source: { '@_bridge': testBridge }, model: { '@_type': 'virtio' } },
  });
}

async function definition(name: string): Promise<Domain> {
  return Domain.parse(await virsh(['dumpxml', '--inactive', name]));
}

beforeAll(async () => {
  await ensureFixtures();
  await copyFile(cloudImagePath, `${pool.path}/src.qcow2`);
  await virsh(['pool-refresh', pool.name]);
  const client = await host.libvirt();
  await uploadSeed(client, pool.name, `${src}-seed.iso`, buildSeedFiles({ hostname: src, user: { name: 'wren', sshKeys: [], sudo: true } }));
  await client.domains.defineXml(sourceXml());
}, 120_000);

afterAll(() => {
  for (const r of readers) r.close();
});

async function clone(name: string, mode: 'linked' | 'full', start: boolean) {
  const { jobId } = await startClone(host, src, { name, mode, start }, actor);
  return settledJob(jobId);
}

describe('clones and templates', () => {
  it('a linked clone makes its source a template and boots with its own hostname from a new seed', async () => {
    const job = await clone(linked, 'linked', true);
    expectAllStepsDone(job, ['template', 'disks', 'seed', 'define', 'start']);
    const source = await definition(src);
    expect(source.vireo.isTemplate).toBe(true);
    expect(source.disks.find((d) => d.target === 'vda')!.readonly).toBe(true);
    const copy = await definition(linked);
    expect(copy.uuid).not.toBe(source.uuid);
    expect(copy.interfaces[0]!.mac).not.toBe(source.interfaces[0]!.mac);
    expect(copy.disks.map((d) => d.source)).toEqual([`${pool.name}/${linked}-vda.qcow2`, `${pool.name}/${linked}-seed.iso`]);
    expect(copy.vireo.linkedTemplate).toBe(src);
    expect(await virsh(['vol-dumpxml', '--pool', pool.name, `${linked}-vda.qcow2`])).toContain(`${pool.path}/src.qcow2`);

    const reader = await ConsoleReader.forDomain(linked);
    readers.push(reader);
    // The console may open after the banner: ask the shell for the hostname it was given.
    reader.write('\n');
    await reader.waitFor(shellPrompt, 120_000);
    expect(await reader.exec('hostname')).toContain(linked);
  }, 240_000);

  it('a template cannot be started, in plain words; unmarking is refused while linked clones stand on it', async () => {
    await expect(runLifecycle(host, src, 'start')).rejects.toThrow(/is a template, and templates are never started/);
    expect((await virsh(['domstate', src])).trim()).toBe('shut off');
    await expect(setTemplate(host, src, false)).rejects.toThrow(new RegExp(`Linked clones still read .*${linked}`));
  });

  it('a full clone copies the volumes through libvirt and refuses a taken name', async () => {
    const job = await clone(full, 'full', false);
    expect(job.status).toBe('succeeded');
    const info = await virsh(['vol-dumpxml', '--pool', pool.name, `${full}-vda.qcow2`]);
    expect(info).not.toContain('<backingStore><path>');
    expect((await definition(full)).vireo.linkedTemplate).toBeNull();
    await expect(startClone(host, src, { name: full, mode: 'full' }, actor)).rejects.toThrow(/already exists/);
    await expect(startClone(host, linked, { name: `${full}-x`, mode: 'full' }, actor)).rejects.toThrow(/Shut .* down first/);
  }, 120_000);

  it('unmarks the template once its linked clone is gone, putting back writable disks', async () => {
    await virsh(['destroy', linked]);
    await virsh(['undefine', linked]);
    const state = await setTemplate(host, src, false);
    expect(state).toMatchObject({ template: false });
    expect((await definition(src)).disks.find((d) => d.target === 'vda')!.readonly).toBe(false);
  });
});
