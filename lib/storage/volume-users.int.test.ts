import { mkdir } from 'node:fs/promises';
import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { ensureFixtures, tcgGuestXml } from '@/test/support/fixtures';
import { testScene } from '@/test/support/test-scene';
import { virsh, virshDefine } from '@/test/support/virsh';
import { deleteVolume, listVolumes, runVolumeAction } from './volumes';

// Who uses a volume, on the real daemon: a shut-off VM's disk (by pool/volume), a running VM's hot-added disk
// (by path, live only), and a qcow2 overlay's backing file. Deleting or wiping any of them is refused (409, the
// users named) until the request names each user; a directory in the pool is no image to resize or wipe.

const scene = testScene();
const host = scene.host;
const tag = randomUUID().slice(0, 6);
const stopped = scene.guest(`vireo-it-volu-off-${tag}`);
const running = scene.guest(`vireo-it-volu-on-${tag}`);
const pool = scene.pool(`vireo-it-volu-${tag}`);

const vol = async (name: string) => (await listVolumes(host, pool.name)).find((v) => v.name === name);

beforeAll(async () => {
  await ensureFixtures();
  for (const name of ['base.qcow2', 'data.qcow2', 'live.qcow2']) await virsh(['vol-create-as', pool.name, name, '16M', '--format', 'qcow2']);
  await virsh([
    'vol-create-as',
    pool.name,
    'overlay.qcow2',
    '16M',
    '--format',
    'qcow2',
    '--backing-vol',
    `${pool.path}/base.qcow2`,
    '--backing-vol-format',
    'qcow2',
  ]);
  await mkdir(`${pool.path}/subdir`);
  await virsh(['pool-refresh', pool.name]);
  await virshDefine(
    tcgGuestXml({ name: stopped, memoryMiB: 96 }).replace(
      '</devices>',
      `<disk type='volume' device='disk'><driver name='qemu' type='qcow2'/><source pool='${pool.name}' volume='data.qcow2'/><target dev='vdb' ` +
        `bus='virtio'/></disk></devices>`,
    ),
  );
  await virshDefine(tcgGuestXml({ name: running, memoryMiB: 96 }));
  await virsh(['start', running]);
  await virsh(['attach-disk', running, `${pool.path}/live.qcow2`, 'vdc', '--driver', 'qemu', '--subdriver', 'qcow2', '--live']);
});

describe('volumes in use', () => {
  it('lists what uses each volume: VM disks (persistent or live) and overlays of a base image', async () => {
    expect(await vol('data.qcow2')).toMatchObject({ usedBy: [{ kind: 'vm', name: stopped, running: false, targets: ['vdb'] }], base: false });
    expect(await vol('live.qcow2')).toMatchObject({ usedBy: [{ kind: 'vm', name: running, running: true, targets: ['vdc'] }] });
    expect(await vol('base.qcow2')).toMatchObject({ usedBy: [{ kind: 'overlay', pool: pool.name, volume: 'overlay.qcow2' }], base: true });
    expect(await vol('overlay.qcow2')).toMatchObject({ usedBy: [], base: false, backingPath: `${pool.path}/base.qcow2` });
    expect(await vol('subdir')).toMatchObject({ type: 'dir', usedBy: [] });
  });

  it('refuses to delete a volume in use with a 409 naming its users, until each is named', async () => {
    const refused = { status: 409, code: 'volume-in-use', details: { users: [expect.objectContaining({ name: stopped })], confirm: [stopped] } };
    await expect(deleteVolume(host, pool.name, 'data.qcow2')).rejects.toMatchObject(refused);
    await expect(deleteVolume(host, pool.name, 'data.qcow2', ['someone-else'])).rejects.toMatchObject(refused);
    await expect(deleteVolume(host, pool.name, 'data.qcow2')).rejects.toThrow(new RegExp(`in use by VM ${stopped} as vdb`));
    expect(await pool.volumes()).toContain('data.qcow2');
    await deleteVolume(host, pool.name, 'data.qcow2', [stopped]);
    expect(await pool.volumes()).not.toContain('data.qcow2');
  });

  it("refuses to wipe a running VM's disk or a base image unless confirmed, and wipes a free volume as before", async () => {
    await expect(runVolumeAction(host, pool.name, 'live.qcow2', { action: 'wipe', confirmUsers: [] })).rejects.toMatchObject({
      status: 409,
      code: 'volume-in-use',
    });
    await expect(runVolumeAction(host, pool.name, 'base.qcow2', { action: 'wipe', confirmUsers: [] })).rejects.toThrow(/overlay .*overlay\.qcow2/);
    await runVolumeAction(host, pool.name, 'base.qcow2', { action: 'wipe', confirmUsers: [`${pool.name}/overlay.qcow2`] });
    await virsh(['vol-create-as', pool.name, 'free.raw', '1M', '--format', 'raw']);
    await expect(runVolumeAction(host, pool.name, 'free.raw', { action: 'wipe', confirmUsers: [] })).resolves.toMatchObject({ name: 'free.raw', usedBy: [] });
  });

  it('does not resize or wipe a directory of the pool', async () => {
    await expect(runVolumeAction(host, pool.name, 'subdir', { action: 'resize', capacity: 1 << 30 })).rejects.toMatchObject({ status: 422 });
    await expect(runVolumeAction(host, pool.name, 'subdir', { action: 'wipe', confirmUsers: [] })).rejects.toThrow(/directory/);
  });
});
