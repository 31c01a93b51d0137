import { existsSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConsoleReader } from '@/test/support/console-reader';
import { guestShell } from '@/test/support/guest-shell';
import { ensureFixtures, shellPrompt, tcgGuestXml } from '@/test/support/fixtures';
import { testScene } from '@/test/support/test-scene';
import { virsh, virshDefine } from '@/test/support/virsh';
import { deletePlan, deleteVm } from '@/lib/vms/delete';
import { readVireoMeta } from '@/lib/vms/vireo-meta';
import { createSnapshot, deleteSnapshot, listSnapshots, revertSnapshot } from './snapshots';

// Snapshots of a running TCG fixture guest with one qcow2 disk: the guest writes random bytes to the disk from its
// busybox shell, the snapshot keeps them, an overwrite changes them, the revert brings them back (sha256 read in the
// guest). External snapshots: made, refused for revert in plain words on libvirt < 9.9, deleted with their overlay
// gone from the host; deleting the VM removes its snapshots and the files Vireo made for them.

const scene = testScene();
const host = scene.host;
const tag = Math.random().toString(36).slice(2, 7);
const vm = scene.guest(`vireo-snap-test-${tag}`);
const pool = scene.pool(`vireo-snap-${tag}`);
let reader: ConsoleReader | null = null;

const sh = guestShell(() => reader!);

const writeRandom = () => sh('dd if=/dev/urandom of=/dev/vda bs=4096 count=64 2>/dev/null; sync; echo 3 > /proc/sys/vm/drop_caches');
const diskHash = async () => (await sh('dd if=/dev/vda bs=4096 count=64 2>/dev/null | sha256sum')).split(/\s+/)[0]!;

async function boot(): Promise<void> {
  reader?.close();
  await virsh(['start', vm]);
  reader = await ConsoleReader.forDomain(vm);
  await reader.waitFor(shellPrompt, 120_000);
}

beforeAll(async () => {
  await ensureFixtures();
  await virsh(['vol-create-as', pool.name, 'disk.qcow2', '8M', '--format', 'qcow2']);
  await virshDefine(tcgGuestXml({ name: vm, memoryMiB: 160, withDisk: `${pool.path}/disk.qcow2` }));
  await boot();
}, 180_000);

afterAll(() => reader?.close());

describe('snapshots on a running TCG guest', () => {
  it('offers internal snapshots on libvirt 9.0 and says why', async () => {
    const list = await listSnapshots(host, vm);
    expect(list.running).toBe(true);
    expect(list.snapshots).toEqual([]);
    expect(list.policy.internal.ok).toBe(true);
    expect(list.policy.external.ok).toBe(true);
    if (!list.policy.external.revertable) {
      expect(list.policy.preferred).toBe('internal');
      expect(list.policy.why).toMatch(/cannot|not revert/);
    }
  });

  it('an external disk-only snapshot: made, refused for revert in plain words, deleted with its overlay gone', async () => {
    const node = await createSnapshot(host, vm, { name: 'ext1', kind: 'external', memory: false, description: 'before' });
    expect(node).toMatchObject({ name: 'ext1', kind: 'external', withMemory: false, current: true, description: 'before' });
    const overlay = `${pool.path}/${vm}-vda-ext1.qcow2`;
    expect(existsSync(overlay)).toBe(true);
    expect(await virsh(['domblklist', vm])).toContain(overlay);
    const meta = await readVireoMeta(await host.libvirt(), await (await host.libvirt()).domains.lookupByName(vm));
    expect(meta.filesOf('ext1').map((f) => f.path)).toEqual([overlay]);
    const list = await listSnapshots(host, vm);
    if (!list.policy.external.revertable) {
      expect(list.snapshots[0]!.revertBlocked).toMatch(/cannot revert to external snapshots/);
      await expect(revertSnapshot(host, vm, 'ext1')).rejects.toThrow(/cannot revert to external snapshots/);
    }
    await expect(createSnapshot(host, vm, { name: 'ext1', kind: 'external', memory: false })).rejects.toThrow(/already has a snapshot/);
    const del = await deleteSnapshot(host, vm, 'ext1');
    expect(del.deleted).toEqual(['ext1']);
    expect(existsSync(overlay)).toBe(false);
    expect(await virsh(['domblklist', vm])).toContain(`${pool.path}/disk.qcow2`);
    expect((await readVireoMeta(await host.libvirt(), await (await host.libvirt()).domains.lookupByName(vm))).files).toHaveLength(0);
    expect((await listSnapshots(host, vm)).snapshots).toEqual([]);
  }, 120_000);

  it('reverting an internal snapshot brings back the disk content the guest wrote', async () => {
    await writeRandom();
    const before = await diskHash();
    const s = await createSnapshot(host, vm, { name: 'base', description: 'known bytes' });
    expect(s).toMatchObject({ kind: 'internal', withMemory: true, current: true, depth: 0 });
    await writeRandom();
    const changed = await diskHash();
    expect(changed).not.toBe(before);
    await createSnapshot(host, vm, { name: 'later' });
    const tree = await listSnapshots(host, vm);
    expect(tree.snapshots.map((x) => [x.name, x.depth, x.current])).toEqual([
      ['base', 0, false],
      ['later', 1, true],
    ]);
    await revertSnapshot(host, vm, 'base');
    expect((await listSnapshots(host, vm)).current).toBe('base');
    expect((await virsh(['domstate', vm])).trim()).toBe('running');
    // The guest resumes where the snapshot left it, at its prompt; a fresh look at the console finds it there.
    reader?.close();
    reader = await ConsoleReader.forDomain(vm);
    reader.write('\n');
    await reader.waitFor(shellPrompt, 30_000);
    expect(await diskHash()).toBe(before);
    await expect(revertSnapshot(host, vm, 'nope')).rejects.toThrow(/no snapshot named "nope"/);
    await expect(createSnapshot(host, vm, { name: '../x' })).rejects.toThrow(/letters, digits/);
    // One with its children: both go.
    const del = await deleteSnapshot(host, vm, 'base', { children: true });
    expect(del.deleted.sort()).toEqual(['base', 'later']);
    expect((await listSnapshots(host, vm)).snapshots).toEqual([]);
  }, 180_000);

  it('deleting the VM removes its snapshots and the overlays Vireo made', async () => {
    await createSnapshot(host, vm, { name: 'keep1', kind: 'external', memory: false });
    const overlay = `${pool.path}/${vm}-vda-keep1.qcow2`;
    expect(existsSync(overlay)).toBe(true);
    const plan = await deletePlan(host, vm);
    expect(plan.snapshots).toBe(1);
    expect(plan.snapshotFiles).toEqual([overlay]);
    await deleteVm(host, vm, { volumes: plan.disks.filter((d) => d.volume).map((d) => d.volume!.key), nvram: false, snapshots: true });
    reader?.close();
    reader = null;
    await expect(virsh(['dominfo', vm])).rejects.toThrow();
    expect(existsSync(overlay)).toBe(false);
    expect(existsSync(`${pool.path}/disk.qcow2`)).toBe(false);
  }, 120_000);
});
