// A directory storage pool of the test's own beside the test daemon's images, removed with its volumes afterwards.
import { mkdir, rm } from 'node:fs/promises';
import { virsh } from './virsh';
import { testPoolDir } from './test-libvirtd';

export interface TestPool {
  name: string;
  path: string;
  volumes(): Promise<string[]>;
  dispose(): Promise<void>;
}

export async function createTestPool(name: string): Promise<TestPool> {
  const dir = testPoolDir(name);
  await virsh(['pool-destroy', name]).catch(() => undefined);
  await virsh(['pool-undefine', name]).catch(() => undefined);
  await rm(dir, { recursive: true, force: true });
  await mkdir(dir, { recursive: true });
  await virsh(['pool-define-as', name, 'dir', '--target', dir]);
  await virsh(['pool-start', name]);
  return {
    name,
    path: dir,
    async volumes() {
      await virsh(['pool-refresh', name]);
      const out = await virsh(['vol-list', name]);
      return out
        .split('\n')
        .map((l) => l.trim().split(/\s+/)[0]!)
        .filter(Boolean)
        .sort();
    },
    async dispose() {
      await virsh(['pool-destroy', name]).catch(() => undefined);
      await virsh(['pool-undefine', name]).catch(() => undefined);
      await rm(dir, { recursive: true, force: true });
    },
  };
}
