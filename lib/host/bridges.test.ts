import { afterAll, describe, expect, it } from 'vitest';
import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { listHostBridges, listHostNics } from './bridges';

// A small sysfs-shaped tree: br0 holds the physical eth1 and a guest tap; eth0 stands alone.
const root = await mkdtemp(path.join(tmpdir(), 'vireo-sysnet-'));
afterAll(() => rm(root, { recursive: true, force: true }));

async function iface(name: string, opts: { bridge?: boolean; device?: boolean; master?: string } = {}) {
  const dir = path.join(root, name);
  await mkdir(dir, { recursive: true });
  await writeFile(path.join(dir, 'operstate'), 'up\n');
  await writeFile(path.join(dir, 'address'), '52:54:00:00:00:0a\n');
  if (opts.bridge) await mkdir(path.join(dir, 'bridge'));
  if (opts.device) await mkdir(path.join(dir, 'device'));
  if (opts.master) {
    await symlink(`../${opts.master}`, path.join(dir, 'master'));
    await mkdir(path.join(root, opts.master, 'brif'), { recursive: true });
    await symlink(`../../${name}`, path.join(root, opts.master, 'brif', name));
  }
}

describe('host bridges (read from sysfs)', () => {
  it('lists bridges with their ports and physical NICs with their bridge', async () => {
    await iface('br0', { bridge: true });
    await iface('eth0', { device: true });
    await iface('eth1', { device: true, master: 'br0' });
    await iface('vnet3', { master: 'br0' });
    expect(await listHostBridges(root)).toEqual([
      {
        name: 'br0',
        operstate: 'up',
        ports: [
          { name: 'eth1', physical: true },
          { name: 'vnet3', physical: false },
        ],
      },
    ]);
    expect((await listHostNics(root)).map((n) => [n.name, n.bridge])).toEqual([
      ['eth0', null],
      ['eth1', 'br0'],
    ]);
  });

  it('answers empty lists where there is no sysfs', async () => {
    expect(await listHostBridges(path.join(root, 'missing'))).toEqual([]);
  });
});
