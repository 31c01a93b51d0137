import { execFile } from 'node:child_process';
import { copyFile, rm, writeFile } from 'node:fs/promises';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { uploadSeed } from '@/lib/cloud-init/seed-iso';
import { buildSeedFiles } from '@/lib/cloud-init/seed';
import { startWatched, type ConsoleReader } from '@/test/support/console-reader';
import {
  cloudImagePath,
  cloudInitBanner,
  diskBootGuestXml,
  ensureFixtures,
  fileDigest,
  installerBanner,
  installerIsoPath,
  shellPrompt,
} from '@/test/support/fixtures';
import { fixtureAllowList, startHttpFixtureServer, type HttpFixtureServer } from '@/test/support/http-fixture-server';
import { testScene } from '@/test/support/test-scene';
import { virsh, virshDefine } from '@/test/support/virsh';
import { downloadToPool } from './download';
import { createOverlay } from './overlay';

// The fixtures boot the way the wizard's VMs will: q35, the disk on virtio, the seed CD-ROM on virtio-scsi, the
// installer CD-ROM on SATA, SeaBIOS, TCG.
// A downloaded base + overlay + cloud-init seed shows the seed's hostname and user on the serial console;
// the installer ISO boots from the CD-ROM before an empty disk and sees that disk.

const scene = testScene();
const host = scene.host;
const run = promisify(execFile);
const suffix = Math.random().toString(36).slice(2, 7);
const pool = scene.pool(`vireo-test-boot-${suffix}`);
let http: HttpFixtureServer;
const readers: ConsoleReader[] = [];

interface Disk {
  file: string;
  device: 'disk' | 'cdrom';
  format: 'qcow2' | 'raw';
  bus: 'virtio' | 'sata' | 'scsi';
  dev: string;
  order: number;
}

function q35Xml(name: string, disks: Disk[]): string {
  return diskBootGuestXml(name, {
    disk: disks.map((d) => ({
      '@_type': 'file',
      '@_device': d.device,
      driver: { '@_name': 'qemu', '@_type': d.format },
      source: { '@_file': d.file },
      target: { '@_dev': d.dev, '@_bus': d.bus },
      ...(d.device === 'cdrom' ? { readonly: '' } : {}),
      boot: { '@_order': String(d.order) },
    })),
    ...(disks.some((d) => d.bus === 'scsi') ? { controller: { '@_type': 'scsi', '@_model': 'virtio-scsi' } } : {}),
  });
}

/** Defines a schema-valid domain and boots it watched from its first byte. */
async function boot(name: string, disks: Disk[]): Promise<ConsoleReader> {
  const xml = q35Xml(name, disks);
  const file = `/tmp/${name}.xml`;
  await writeFile(file, xml);
  await run('virt-xml-validate', [file, 'domain']).finally(() => rm(file, { force: true }));
  await virshDefine(xml);
  scene.guest(name);
  const reader = await startWatched(name);
  readers.push(reader);
  return reader;
}

beforeAll(async () => {
  await ensureFixtures();
  http = await startHttpFixtureServer({ files: { 'cloud.qcow2': cloudImagePath } });
});

afterAll(async () => {
  for (const r of readers) r.close();
  await http?.close();
});

describe('fixture images boot as the wizard will run them (q35, virtio disk, CD-ROMs)', () => {
  it("cloud image: downloaded base → grown overlay + cidata seed → the seed's hostname and user on ttyS0", async () => {
    const base = await downloadToPool({
      host,
      pool: pool.name,
      volumeName: 'base.qcow2',
      url: http.url('cloud.qcow2'),
      expected: { algorithm: 'sha256', hex: (await fileDigest(cloudImagePath)).sha256 },
      maxBytes: 512 * 1024 ** 2,
      timeoutMs: 60_000,
      allow: fixtureAllowList,
    });
    expect(base.format).toBe('qcow2');
    const client = await host.libvirt();
    await createOverlay(client, { pool: pool.name, base: { pool: pool.name, volume: 'base.qcow2' }, name: 'vm.qcow2', sizeBytes: 4 * 1024 ** 3 });
    const files = buildSeedFiles({ hostname: 'kestrel', user: { name: 'wren', sshKeys: [], sudo: true } });
    await uploadSeed(client, pool.name, 'seed.iso', files);

    const reader = await boot(`vireo-test-cloud-${suffix}`, [
      { file: `${pool.path}/vm.qcow2`, device: 'disk', format: 'qcow2', bus: 'virtio', dev: 'vda', order: 1 },
      // virtio-scsi, as lib/provisioning/plan.ts attaches the seed: the cloud kernel has no AHCI driver, so a
      // seed on SATA would be invisible to the guest (the same holds for Debian's genericcloud images).
      { file: `${pool.path}/seed.iso`, device: 'cdrom', format: 'raw', bus: 'scsi', dev: 'sda', order: 2 },
    ]);
    await reader.waitFor(/VIREO-CLOUD-INIT hostname=kestrel user=wren\r?\n/, 90_000);
    expect(reader.transcript.match(new RegExp(cloudInitBanner, 'g'))).toHaveLength(1);
    await reader.waitFor(shellPrompt, 30_000);
    expect(await reader.exec('hostname')).toContain('kestrel');
  }, 150_000);

  it('cloud image without a seed says so', async () => {
    await createOverlay(await host.libvirt(), { pool: pool.name, base: { pool: pool.name, volume: 'base.qcow2' }, name: 'noseed.qcow2', sizeBytes: 1 });
    const reader = await boot(`vireo-test-noseed-${suffix}`, [
      { file: `${pool.path}/noseed.qcow2`, device: 'disk', format: 'qcow2', bus: 'virtio', dev: 'vda', order: 1 },
    ]);
    await reader.waitFor(`${cloudInitBanner} no-seed`, 90_000);
  }, 150_000);

  it('installer ISO: boots from the SATA CD-ROM before the empty disk (boot order) and sees the disk', async () => {
    await copyFile(installerIsoPath, `${pool.path}/installer.iso`);
    await run('qemu-img', ['create', '-q', '-f', 'qcow2', `${pool.path}/target.qcow2`, '1G']);
    await virsh(['pool-refresh', pool.name]);
    const reader = await boot(`vireo-test-installer-${suffix}`, [
      { file: `${pool.path}/target.qcow2`, device: 'disk', format: 'qcow2', bus: 'virtio', dev: 'vda', order: 2 },
      { file: `${pool.path}/installer.iso`, device: 'cdrom', format: 'raw', bus: 'sata', dev: 'sda', order: 1 },
    ]);
    await reader.waitFor(installerBanner, 90_000);
    const text = await reader.waitFor(/VIREO-INSTALLER-DISKS [^\r\n]*\r?\n/, 30_000);
    const disks = text
      .match(/VIREO-INSTALLER-DISKS ([^\r\n]*)/)![1]!
      .trim()
      .split(/\s+/);
    // SeaBIOS boots the SATA CD-ROM, but the cloud kernel has no AHCI driver, so the guest sees only the disk.
    expect(disks).toEqual(['vda']);
  }, 150_000);
});
