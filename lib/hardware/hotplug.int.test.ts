import { execFile } from 'node:child_process';
import { rm, writeFile } from 'node:fs/promises';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bootToShell, type ConsoleReader } from '@/test/support/console-reader';
import { until } from '@/test/support/until';
import { ensureFixtures, tcgGuestXml } from '@/test/support/fixtures';
import { createTestPool, type TestPool } from '@/test/support/test-pool';
import { virsh, virshCleanupDomain, virshDefine } from '@/test/support/virsh';
import { parseXml, serializeXml } from '@/lib/xml/parse';
import { testHost } from '@/test/support/test-host';
import { changeBoot } from './boot';
import { addCdrom, changeMedia } from './cdrom';
import { addDisk, removeDisk, updateDisk } from './disks';
import { addDimm, changeMemory } from './memory';
import { addNic, removeNic, updateNic } from './nics';
import { changeVcpus } from './vcpus';
import { readHardware } from './view';
import { testBridge } from '@/test/support/test-libvirtd';

// Hotplug against the real libvirtd: one running TCG fixture guest (i440fx, ACPI PCI hotplug) gets disks, a NIC,
// a CD-ROM drive, memory and a vCPU through lib/hardware; the guest's own /sys and virsh are the witnesses.

const run = promisify(execFile);
const tag = Math.random().toString(36).slice(2, 7);
const vm = `vireo-hw-test-run-${tag}`;
let pool: TestPool;
const host = testHost();
let reader: ConsoleReader | null = null;
const sh = (cmd: string, timeoutMs?: number) => reader!.marked(cmd, timeoutMs);

/** The fixture with 1 of 2 vCPUs online (so one can be hotplugged) and an empty CD-ROM drive on virtio-scsi. */
function guestXml(): string {
  const doc = parseXml(tcgGuestXml({ name: vm, memoryMiB: 192, vcpus: 2 }));
  doc.getElementsByTagName('vcpu')[0]!.setAttribute('current', '1');
  const devices = doc.getElementsByTagName('devices')[0]!;
  const el = (name: string, attrs: Record<string, string>, parent = devices) => {
    const e = doc.createElement(name);
    for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, v);
    parent.appendChild(e);
    return e;
  };
  el('controller', { type: 'scsi', index: '0', model: 'virtio-scsi' });
  // Memory hotplug: two DIMM slots up to 512 MiB, and the NUMA cell QEMU needs for them.
  const root = doc.documentElement!;
  const maxMemory = doc.createElement('maxMemory');
  maxMemory.setAttribute('slots', '2');
  maxMemory.setAttribute('unit', 'KiB');
  maxMemory.appendChild(doc.createTextNode(String(512 * 1024)));
  root.insertBefore(maxMemory, doc.getElementsByTagName('memory')[0]!);
  const cpu = doc.createElement('cpu');
  const numa = el('numa', {}, cpu);
  el('cell', { id: '0', cpus: '0-1', memory: String(192 * 1024), unit: 'KiB' }, numa);
  root.insertBefore(cpu, doc.getElementsByTagName('clock')[0]!);
  const cd = el('disk', { type: 'file', device: 'cdrom' });
  el('driver', { name: 'qemu', type: 'raw' }, cd);
  el('target', { dev: 'sda', bus: 'scsi' }, cd);
  el('readonly', {}, cd);
  return serializeXml(doc);
}

const dumpxml = (inactive = false) => virsh(inactive ? ['dumpxml', '--inactive', vm] : ['dumpxml', vm]);

beforeAll(async () => {
  await ensureFixtures();
  pool = await createTestPool(`vireo-hw-test-pool-${tag}`);
  await writeFile(`/tmp/vireo-hw-${tag}.txt`, 'hello from the cd\n');
  await run('xorriso', ['-as', 'mkisofs', '-quiet', '-V', 'HWTEST', '-o', `${pool.path}/media.iso`, `/tmp/vireo-hw-${tag}.txt`]);
  await rm(`/tmp/vireo-hw-${tag}.txt`);
  await virsh(['pool-refresh', pool.name]);
  await virshDefine(guestXml());
  reader = await bootToShell(vm);
  await sh('true');
});

afterAll(async () => {
  reader?.close();
  await virshCleanupDomain(vm);
  await pool?.dispose();
  await host.close();
});

const both = { live: true, persistent: true };

describe('hotplug on a running TCG guest', () => {
  it('reads the hardware of the running guest', async () => {
    const v = await readHardware(host, vm);
    expect(v.running).toBe(true);
    expect(v.vcpus).toMatchObject({ current: 1, maximum: 2, liveCurrent: 1 });
    expect(v.memory.maximumKiB).toBe(192 * 1024);
    expect(v.memory.liveCurrentKiB).toBe(192 * 1024);
    expect(v.diskBuses).toEqual(expect.arrayContaining(['virtio', 'scsi', 'sata', 'ide']));
    expect(v.boot.machine).toMatch(/^pc/);
    expect(v.boot.directKernel).toBe(true);
    expect(v.disks).toEqual([expect.objectContaining({ target: 'sda', device: 'cdrom', bus: 'scsi', source: null, inLive: true, inPersistent: true })]);
  });

  it('attaches a new pool volume live and persistently, grows it live, then detaches it', async () => {
    const r = await addDisk(host, vm, {
      ...both,
      bus: 'virtio',
      source: { kind: 'new-volume', pool: pool.name, name: 'data.qcow2', sizeGiB: 1, format: 'qcow2' },
    });
    expect(r.outcome.live).toEqual({ status: 'applied' });
    expect(r.outcome.persistent).toEqual({ status: 'applied' });
    const disk = r.hardware.disks.find((d) => d.target === 'vda')!;
    expect(disk).toMatchObject({ inLive: true, inPersistent: true, pool: pool.name, volume: 'data.qcow2', format: 'qcow2', capacityBytes: 1024 ** 3 });
    expect(await virsh(['domblklist', vm])).toMatch(/vda\s+\S*data\.qcow2/);
    expect(await dumpxml(true)).toContain("volume='data.qcow2'");
    await until('vda in the guest', async () => (await sh('ls /sys/block')).includes('vda'));
    expect((await sh('cat /sys/block/vda/size')).trim()).toBe(String(2 * 1024 * 1024));

    const grown = await updateDisk(host, vm, 'vda', { ...both, sizeGiB: 2 });
    expect(grown.outcome.live.status).toBe('applied');
    expect(grown.outcome.persistent.status).toBe('applied');
    await until('vda at 2 GiB in the guest', async () => (await sh('cat /sys/block/vda/size')).trim() === String(4 * 1024 * 1024));
    expect(grown.hardware.disks.find((d) => d.target === 'vda')!.capacityBytes).toBe(2 * 1024 ** 3);

    const removed = await removeDisk(host, vm, 'vda', both);
    expect(removed.outcome.live.status).toBe('applied');
    expect(removed.hardware.disks.find((d) => d.target === 'vda')).toBeUndefined();
    await until('vda gone from the guest', async () => !(await sh('ls /sys/block')).includes('vda'));
    expect(await virsh(['domblklist', vm])).not.toMatch(/vda/);
    expect(await dumpxml(true)).not.toContain('data.qcow2');
    expect(await pool.volumes()).toContain('data.qcow2'); // the volume itself is kept
  });

  it('adds a NIC live only: in the guest and domiflist, not in the persistent definition; link down; removes it', async () => {
    const r = await addNic(host, vm, { live: true, persistent: false, source: { type: 'network', network: 'default' }, model: 'virtio' });
    expect(r.outcome).toMatchObject({ live: { status: 'applied' }, persistent: { status: 'not-requested' } });
    const nic = r.hardware.nics[0]!;
    expect(nic.mac).toMatch(/^52:54:00(:[0-9a-f]{2}){3}$/);
    expect(nic).toMatchObject({ inLive: true, inPersistent: false, source: 'default', linkState: 'up' });
    expect(await virsh(['domiflist', vm])).toContain(nic.mac);
    expect(await dumpxml(true)).not.toContain(nic.mac);
    await until('eth0 in the guest', async () => (await sh('ls /sys/class/net')).includes('eth0'));
    expect((await sh('cat /sys/class/net/eth0/address')).trim()).toBe(nic.mac);

    const down = await updateNic(host, vm, nic.mac, { live: true, persistent: false, linkState: 'down' });
    expect(down.outcome.live.status).toBe('applied');
    expect(await virsh(['domif-getlink', vm, nic.mac])).toMatch(/down/);
    expect(down.hardware.nics[0]!.linkState).toBe('down');

    // Re-plug the virtual cable into the network's bridge directly, live.
    const moved = await updateNic(host, vm, nic.mac, {
      live: true,
      persistent: false,
      source: { type: 'bridge', bridge: testBridge },
      linkState: 'up',
    });
    expect(moved.outcome.live.status).toBe('applied');
    expect(moved.hardware.nics[0]).toMatchObject({ type: 'bridge', source: testBridge, linkState: 'up' });
    expect(await virsh(['domiflist', vm])).toMatch(new RegExp(`bridge\\s+${testBridge}\\s+virtio\\s+${nic.mac}`));

    const gone = await removeNic(host, vm, nic.mac.toUpperCase(), { live: true, persistent: false });
    expect(gone.outcome.live.status).toBe('applied');
    await until('eth0 gone from the guest', async () => !(await sh('ls /sys/class/net')).includes('eth0'));
    expect(await virsh(['domiflist', vm])).not.toContain(nic.mac);
  });

  it('says "removal requested" while the guest has not released a disk, and forgets it once the guest lets go', async () => {
    const live = { live: true, persistent: false };
    await addDisk(host, vm, {
      ...live,
      bus: 'virtio',
      source: { kind: 'new-volume', pool: pool.name, name: 'held.qcow2', sizeGiB: 1, format: 'qcow2' },
    });
    await until('vda in the guest', async () => (await sh('ls /sys/block')).includes('vda'));
    // A paused guest cannot answer the ACPI unplug request: it holds the disk until it runs again.
    await virsh(['suspend', vm]);
    try {
      const r = await removeDisk(host, vm, 'vda', live);
      expect(r.outcome.live).toMatchObject({ status: 'pending', reason: expect.stringMatching(/has not released it yet/) });
      expect(r.outcome.summary).toMatch(/^Disk vda: removal requested: the running guest has not released it yet/);
      expect(r.hardware.disks.find((d) => d.target === 'vda')).toMatchObject({ inLive: true, removalRequested: true });
      expect((await readHardware(host, vm)).disks.find((d) => d.target === 'vda')?.removalRequested).toBe(true);
    } finally {
      await virsh(['resume', vm]);
    }
    await until('vda released by the guest', async () => !(await readHardware(host, vm)).disks.some((d) => d.target === 'vda'));
    expect((await readHardware(host, vm)).disks.some((d) => d.removalRequested)).toBe(false);
    expect(await virsh(['domblklist', vm])).not.toMatch(/vda/);
  });

  it('moves the balloon live and virsh dommemstat follows', async () => {
    const r = await changeMemory(host, vm, { live: true, persistent: false, currentMiB: 160 });
    expect(r.outcome.live.status).toBe('applied');
    expect(r.outcome.summary).toMatch(/160 MiB live only/);
    await until('balloon at 160 MiB', async () => /actual 163840/.test(await virsh(['dommemstat', vm])));
    expect(await dumpxml(true)).toMatch(/<currentMemory unit='KiB'>196608</);
    const back = await changeMemory(host, vm, { ...both, currentMiB: 192 });
    expect(back.outcome.persistent.status).toBe('applied');
    await until('balloon back at 192 MiB', async () => /actual 196608/.test(await virsh(['dommemstat', vm])));
  });

  it('hotplugs a vCPU that the guest brings online', async () => {
    const r = await changeVcpus(host, vm, { live: true, persistent: false, current: 2 });
    expect(r.outcome.live.status).toBe('applied');
    expect(r.hardware.vcpus).toMatchObject({ liveCurrent: 2, current: 1, maximum: 2 });
    expect((await virsh(['vcpucount', vm, '--live', '--active'])).trim()).toBe('2');
    await until('cpu1 present in the guest', async () => (await sh('ls /sys/devices/system/cpu')).includes('cpu1'));
    await sh('[ "$(cat /sys/devices/system/cpu/cpu1/online)" = 1 ] || echo 1 > /sys/devices/system/cpu/cpu1/online');
    expect((await sh('cat /sys/devices/system/cpu/online')).trim()).toBe('0-1');
  });

  it('hot-adds a DIMM the guest sees as more memory', async () => {
    const blocks = async () => Number((await sh('ls /sys/devices/system/memory | grep -c memory')).trim());
    const before = await blocks();
    const r = await addDimm(host, vm, { live: true, persistent: false, sizeMiB: 128 });
    expect(r.outcome.live.status).toBe('applied');
    expect(r.hardware.memory.dimms).toEqual([{ sizeKiB: 128 * 1024, node: 0, inLive: true, inPersistent: false }]);
    expect(await dumpxml()).toMatch(/<memory model='dimm'>/);
    expect(await dumpxml(true)).not.toMatch(/<memory model='dimm'>/);
    await until('a new memory block in the guest', async () => (await blocks()) > before);
  });

  it('inserts and ejects CD-ROM media live and persistently; forces the eject when the guest holds the tray', async () => {
    const readable = async () => (await sh('dd if=/dev/sr0 bs=2048 skip=16 count=1 2>/dev/null | grep -c CD001')).trim() === '1';
    const ins = await changeMedia(host, vm, 'sda', { ...both, media: { pool: pool.name, volume: 'media.iso' } });
    expect(ins.outcome).toMatchObject({ live: { status: 'applied' }, persistent: { status: 'applied' } });
    expect(ins.hardware.disks.find((d) => d.target === 'sda')).toMatchObject({ source: `${pool.name}/media.iso`, inLive: true, inPersistent: true });
    expect(await virsh(['domblklist', vm])).toMatch(/sda\s+\S*media\.iso/);
    expect(await dumpxml(true)).toContain("volume='media.iso'");
    await until('media readable in the guest', readable);

    const ej = await changeMedia(host, vm, 'sda', { live: true, persistent: false, media: null });
    expect(ej.outcome.live.status).toBe('applied');
    expect(await virsh(['domblklist', vm])).toMatch(/sda\s+-/);
    expect(ej.hardware.disks.find((d) => d.target === 'sda')!.source).toBeNull();
    // Ejected live only: the next boot still has the media.
    expect(await dumpxml(true)).toContain("volume='media.iso'");
    await until('no medium in the guest', async () => !(await readable()));

    const again = await changeMedia(host, vm, 'sda', { live: true, persistent: false, media: { path: `${pool.path}/media.iso` } });
    expect(again.outcome.live.status).toBe('applied');
    await until('media readable again', readable);
    // Mounted, Linux locks the tray: the polite eject times out and Vireo forces it, saying so.
    expect(await sh('mkdir -p /mnt/cd && mount -t iso9660 -o ro /dev/sr0 /mnt/cd && cat /mnt/cd/*.txt')).toContain('hello from the cd');
    const forced = await changeMedia(host, vm, 'sda', { ...both, media: null });
    expect(forced.outcome).toMatchObject({ live: { status: 'applied' }, persistent: { status: 'applied' } });
    expect(forced.outcome.summary).toMatch(/forced/);
    expect(await virsh(['domblklist', vm])).toMatch(/sda\s+-/);
    expect(await dumpxml(true)).not.toContain('media.iso');
    await sh('umount /mnt/cd');
  });

  it('hot-adds a CD-ROM drive with media; an empty one is refused live by libvirt 9.0 and saved for next boot', async () => {
    const r = await addCdrom(host, vm, { ...both, bus: 'scsi', media: { pool: pool.name, volume: 'media.iso' } });
    expect(r.outcome).toMatchObject({ live: { status: 'applied' }, persistent: { status: 'applied' } });
    expect(r.hardware.disks.find((d) => d.target === 'sdb')).toMatchObject({
      device: 'cdrom',
      bus: 'scsi',
      source: `${pool.name}/media.iso`,
      readonly: true,
      inLive: true,
      inPersistent: true,
    });
    expect(await virsh(['domblklist', vm])).toMatch(/sdb\s+\S*media\.iso/);
    await until('sr1 in the guest', async () => (await sh('ls /sys/block')).includes('sr1'));

    const empty = await addCdrom(host, vm, { ...both, bus: 'scsi' });
    expect(empty.outcome.persistent.status).toBe('applied');
    expect(empty.outcome.live).toMatchObject({ status: 'refused', code: 'ERR_INTERNAL_ERROR' });
    expect(empty.hardware.disks.find((d) => d.target === 'sdc')).toMatchObject({ device: 'cdrom', source: null, inLive: false, inPersistent: true });
  });

  it('saves a persistent-only change without touching the running guest', async () => {
    const liveBefore = await dumpxml();
    const r = await changeMemory(host, vm, { live: false, persistent: true, maximumMiB: 256 });
    expect(r.outcome).toMatchObject({ live: { status: 'not-requested' }, persistent: { status: 'applied' } });
    expect(await dumpxml(true)).toMatch(/<memory unit='KiB'>262144</);
    expect(await dumpxml(true)).toMatch(/<cell id='0' cpus='0-1' memory='262144' unit='KiB'\/>/);
    expect(await dumpxml()).toMatch(/<memory unit='KiB'>327680</); // 192 MiB + the live DIMM
    const file = await addDisk(host, vm, { live: false, persistent: true, bus: 'virtio', source: { kind: 'file', path: `${pool.path}/later.img` } });
    expect(file.hardware.disks.find((d) => d.file === `${pool.path}/later.img`)).toMatchObject({ inLive: false, inPersistent: true });
    expect(await dumpxml(true)).toContain('later.img');
    expect(await dumpxml()).not.toContain('later.img');
    expect(await dumpxml()).toBe(liveBefore);
  });

  it('saves the persistent half when the running guest refuses the live half', async () => {
    // i440fx has no hotpluggable SATA: libvirt refuses live, the disk is still added for next boot.
    const r = await addDisk(host, vm, { ...both, bus: 'sata', source: { kind: 'file', path: `${pool.path}/sata.img` } });
    expect(r.outcome.persistent.status).toBe('applied');
    expect(r.outcome.live).toMatchObject({ status: 'refused', code: expect.stringMatching(/^ERR_/) });
    expect(r.outcome.summary).toMatch(/for next boot only/);
    expect(await dumpxml(true)).toContain('sata.img');
    expect(await dumpxml()).not.toContain('sata.img');
  });

  it("answers 409 with libvirt's reason when every half asked for is refused, changing nothing", async () => {
    const before = [await dumpxml(), await dumpxml(true)];
    // QEMU cannot switch a running drive's cache mode; libvirt refuses the only half asked for.
    const err = (await updateDisk(host, vm, 'sda', { live: true, persistent: false, cache: 'none' }).then(
      () => null,
      (e: unknown) => e,
    )) as { name: string; status: number; code?: string; message: string; outcome: { live: { status: string; reason?: string } } } | null;
    expect(err?.name).toBe('ChangeRefusedError');
    expect(err?.status).toBe(409);
    expect(err?.code).toMatch(/^ERR_/);
    expect(err?.outcome.live.status).toBe('refused');
    expect(err?.message).toContain(err?.outcome.live.reason);
    expect([await dumpxml(), await dumpxml(true)]).toEqual(before);
  });

  it('sets title and description live and persistently through the metadata API', async () => {
    const r = await changeBoot(host, vm, { live: true, persistent: true, title: 'Hotplug test', description: 'made by <hotplug.int.test> & co' });
    expect(r.outcome.live.status).toBe('applied');
    expect(r.hardware.boot.title).toBe('Hotplug test');
    expect(await dumpxml()).toContain('<title>Hotplug test</title>');
    expect(await dumpxml(true)).toContain('<description>made by &lt;hotplug.int.test&gt; &amp; co</description>');
  });

  it('refuses invalid changes before libvirt and leaves both definitions byte-identical', async () => {
    const before = [await dumpxml(), await dumpxml(true)];
    const expectRefused = async (p: Promise<unknown>, re: RegExp) => {
      const err = (await p.then(
        () => null,
        (e: unknown) => e,
      )) as { name?: string; status?: number; message?: string } | null;
      expect(err?.name).toBe('InputError');
      expect(err?.status).toBe(422);
      expect(err?.message).toMatch(re);
    };
    await expectRefused(changeMemory(host, vm, { ...both, currentMiB: 1024 }), /above the maximum/);
    await expectRefused(changeMemory(host, vm, { live: true, persistent: false, currentMiB: 400 }), /running guest's maximum of 320 MiB/);
    await expectRefused(changeVcpus(host, vm, { ...both, current: 3 }), /above the maximum/);
    await expectRefused(
      addDisk(host, vm, { ...both, bus: 'scsi', target: 'sda', source: { kind: 'file', path: '/var/lib/libvirt/images/x.img' } }),
      /already used/,
    );
    await expectRefused(addDisk(host, vm, { ...both, bus: 'virtio', source: { kind: 'file', path: '/var/lib/libvirt/images/../../etc/shadow' } }), /\.\./);
    await expectRefused(addDisk(host, vm, { ...both, bus: 'virtio', source: { kind: 'file', path: 'relative.img' } }), /absolute/);
    await expectRefused(
      addDisk(host, vm, { ...both, bus: 'virtio', source: { kind: 'new-volume', pool: pool.name, name: '../evil', sizeGiB: 1, format: 'raw' } }),
      /outside the pool/,
    );
    await expectRefused(addDisk(host, vm, { ...both, bus: 'virtio', source: { kind: 'volume', pool: pool.name, volume: 'missing.img' } }), /has no volume/);
    await expectRefused(addNic(host, vm, { ...both, source: { type: 'network', network: 'default' }, model: 'virtio', mac: '01:00:5e:00:00:01' }), /multicast/);
    await expectRefused(addNic(host, vm, { ...both, source: { type: 'network', network: 'default' }, model: 'virtio', mac: 'zz:54:00:00:00:01' }), /not a MAC/);
    await expectRefused(addNic(host, vm, { ...both, source: { type: 'network', network: 'no-such-net' }, model: 'virtio' }), /no libvirt network/);
    await expectRefused(updateDisk(host, vm, 'sda', { ...both, sizeGiB: 5 }), /CD-ROM cannot be resized/);
    await expectRefused(changeMedia(host, vm, 'sda', { ...both, media: { path: '/tmp/../etc/passwd' } }), /\.\./);
    await expectRefused(changeMedia(host, vm, 'sdc', { ...both, media: null }), /not attached to the running guest/);
    await expectRefused(changeMemory(host, vm, { live: false, persistent: false, currentMiB: 128 }), /Choose where/);
    expect([await dumpxml(), await dumpxml(true)]).toEqual(before);
  });
});
