// A directory storage pool of the test's own beside the test daemon's images, removed with its volumes afterwards.
import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { virsh } from './virsh';
import { testPoolDir } from './test-libvirtd';

export interface TestPool {
  name: string;
  path: string;
  volumes(): Promise<string[]>;
  dispose(): Promise<void>;
}

export async function createTestPool(name: string): Promise<TestPool> {
  const pool = testPool(name);
  await pool.create();
  return pool;
}

/** The pool of that name, not made yet: its directory follows from the name, and `create` makes it afresh, empty. */
export function testPool(name: string): TestPool & { create(): Promise<void> } {
  const dir = testPoolDir(name);
  const dispose = async () => {
    await virsh(['pool-destroy', name]).catch(() => undefined);
    await virsh(['pool-undefine', name]).catch(() => undefined);
    await rm(dir, { recursive: true, force: true });
  };
  return {
    name,
    path: dir,
    dispose,
    async create() {
      // A pool of this name left by an earlier run that was killed goes first.
      await dispose();
      await mkdir(dir, { recursive: true });
      await virsh(['pool-define-as', name, 'dir', '--target', dir]);
      await virsh(['pool-start', name]);
    },
    async volumes() {
      await virsh(['pool-refresh', name]);
      const out = await virsh(['vol-list', name]);
      return out
        .split('\n')
        .map((l) => l.trim().split(/\s+/)[0]!)
        .filter(Boolean)
        .sort();
    },
  };
}

/** A tiny ISO volume (one text file) in the pool, for ISO installs that never need to boot the installer. */
export async function addTinyIso(pool: TestPool, volume = 'tiny.iso'): Promise<void> {
  const dir = await mkdtemp(path.join(tmpdir(), 'vireo-tiny-'));
  try {
    await writeFile(path.join(dir, 'hello.txt'), 'hello');
    await promisify(execFile)('xorriso', ['-as', 'mkisofs', '-quiet', '-V', 'TINY', '-o', path.join(pool.path, volume), path.join(dir, 'hello.txt')]);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
  await virsh(['pool-refresh', pool.name]);
}
