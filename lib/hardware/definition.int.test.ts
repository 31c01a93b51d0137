import { beforeAll, describe, expect, it } from 'vitest';
import { ensureFixtures, tcgGuestXml } from '@/test/support/fixtures';
import { testScene } from '@/test/support/test-scene';
import { virsh, virshDefine } from '@/test/support/virsh';
import { parseXml, serializeXml } from '@/lib/xml/parse';
import { changeBoot } from './boot';
import { addCdrom } from './cdrom';
import { addDisk, removeDisk, updateDisk } from './disks';
import { addDimm, changeMemory } from './memory';
import { addNic, removeNic, updateNic } from './nics';
import { changeVcpus } from './vcpus';
import { readHardware } from './view';
import { testBridge } from '@/test/support/test-libvirtd';

// Persistent edits on shut-off VMs (never started: nothing to boot), checked with `virsh dumpxml --inactive`:
// vCPU topology and model, memory hotplug and DIMMs, disks and options, NICs with chosen MACs, boot settings and
// firmware. Every refusal leaves the definition byte-identical.

const scene = testScene();
const host = scene.host;
const tag = Math.random().toString(36).slice(2, 7);
const pc = scene.guest(`vireo-hw-test-pc-${tag}`);
const q35 = scene.guest(`vireo-hw-test-q35-${tag}`);
const pool = scene.pool(`vireo-hw-test-dpool-${tag}`);

const persistent = { live: false, persistent: true };
const dumpxml = (name: string) => virsh(['dumpxml', '--inactive', name]);

function q35Xml(): string {
  const doc = parseXml(tcgGuestXml({ name: q35, memoryMiB: 192, network: 'default' }));
  doc.getElementsByTagName('type')[0]!.setAttribute('machine', 'q35');
  return serializeXml(doc);
}

async function expectRefused(p: Promise<unknown>, re: RegExp, status = 422): Promise<{ fields?: Record<string, string> }> {
  const err = (await p.then(
    () => null,
    (e: unknown) => e,
  )) as { name?: string; status?: number; message?: string; fields?: Record<string, string> } | null;
  expect(err?.message).toMatch(re);
  expect(err?.status).toBe(status);
  return err ?? {};
}

beforeAll(async () => {
  await ensureFixtures();
  await virsh(['vol-create-as', pool.name, 'existing.raw', '64M', '--format', 'raw']);
  await virshDefine(tcgGuestXml({ name: pc, memoryMiB: 192, network: 'default' }));
  await virshDefine(q35Xml());
});

describe('persistent hardware edits on shut-off VMs', () => {
  it('reads a shut-off VM: no live values, UEFI offered when OVMF is installed', async () => {
    const v = await readHardware(host, pc);
    expect(v.running).toBe(false);
    expect(v.vcpus).toMatchObject({ current: 1, maximum: 1, liveCurrent: null });
    expect(v.vcpus.hostMaximum).toBeGreaterThan(1);
    expect(v.vcpus.namedModels).toContain('qemu64');
    expect(v.memory).toMatchObject({ currentKiB: 192 * 1024, maximumKiB: 192 * 1024, liveCurrentKiB: null, hotplug: null });
    expect(v.nics).toHaveLength(1);
    expect(v.nics[0]).toMatchObject({ type: 'network', source: 'default', model: 'virtio', inLive: false, inPersistent: true });
    expect(v.boot).toMatchObject({ firmware: 'bios', autostart: false, onCrash: 'destroy', onReboot: 'restart', onPoweroff: 'destroy' });
    expect(v.boot.firmwareChoices).toContain('bios');
    const q = await readHardware(host, q35);
    expect(q.diskBuses).not.toContain('ide');
  });

  it('refuses live changes on a shut-off VM and a bus the machine type lacks, changing nothing', async () => {
    const before = [await dumpxml(pc), await dumpxml(q35)];
    await expectRefused(changeMemory(host, pc, { live: true, persistent: true, currentMiB: 128 }), /not running/);
    await expectRefused(changeVcpus(host, pc, { live: true, persistent: false, current: 1 }), /not running/);
    const busRefusal = await expectRefused(
      addDisk(host, q35, { ...persistent, bus: 'ide', source: { kind: 'volume', pool: pool.name, volume: 'existing.raw' } }),
      /pc-q35-[\d.]+ machine type has no ide bus/,
    );
    expect(busRefusal.fields).toHaveProperty('bus');
    await expectRefused(addCdrom(host, q35, { ...persistent, bus: 'ide' }), /no ide bus/);
    await expectRefused(changeVcpus(host, pc, { ...persistent, maximum: 100000 }), /at most/);
    await expectRefused(changeVcpus(host, pc, { ...persistent, maximum: 4, topology: { sockets: 1, cores: 3, threads: 1 } }), /must equal/);
    await expectRefused(changeVcpus(host, pc, { ...persistent, mode: 'custom', model: 'NoSuchCpu' }), /cannot run CPU model/);
    await expectRefused(changeMemory(host, pc, { ...persistent, maximumMiB: 64 }), /below the current/);
    await expectRefused(addDimm(host, pc, { ...persistent, sizeMiB: 128 }), /hotplug is not set up/);
    await expectRefused(changeBoot(host, pc, { order: [{ kind: 'disk', id: 'vdz' }] }), /no disk vdz/);
    await expectRefused(changeBoot(host, pc, { title: 'x', live: true }), /not running/);
    await expectRefused(removeDisk(host, pc, 'vdq', persistent), /has no disk vdq/, 404);
    expect([await dumpxml(pc), await dumpxml(q35)]).toEqual(before);
  });

  it('changes the vCPU maximum, current count, topology and CPU model for next boot', async () => {
    const r = await changeVcpus(host, pc, {
      ...persistent,
      maximum: 4,
      current: 2,
      topology: { sockets: 1, cores: 2, threads: 2 },
      mode: 'custom',
      model: 'qemu64',
    });
    expect(r.outcome).toMatchObject({ persistent: { status: 'applied' }, live: { status: 'not-requested' } });
    expect(r.hardware.vcpus).toMatchObject({ current: 2, maximum: 4, topology: { sockets: 1, cores: 2, threads: 2 }, mode: 'custom', model: 'qemu64' });
    const xml = await dumpxml(pc);
    expect(xml).toMatch(/<vcpu placement='static' current='2'>4<\/vcpu>/);
    expect(xml).toMatch(/<topology sockets='1' dies='1' cores='2' threads='2'\/>/);
    expect(xml).toMatch(/<model fallback='forbid'>qemu64<\/model>/);
    const back = await changeVcpus(host, pc, { ...persistent, current: 1 });
    expect(back.hardware.vcpus).toMatchObject({ current: 1, maximum: 4 });
  });

  it('sets up memory hotplug (slots + NUMA cell) and adds a DIMM for next boot', async () => {
    const r = await changeMemory(host, pc, { ...persistent, hotplug: { slots: 2, maxMiB: 1024 } });
    expect(r.hardware.memory.hotplug).toEqual({ slots: 2, maxKiB: 1024 * 1024 });
    expect(await dumpxml(pc)).toMatch(/<maxMemory slots='2' unit='KiB'>1048576<\/maxMemory>/);
    expect(await dumpxml(pc)).toMatch(/<cell id='0' cpus='0-3' memory='196608' unit='KiB'\/>/);
    const d = await addDimm(host, pc, { ...persistent, sizeMiB: 128 });
    expect(d.outcome.persistent.status).toBe('applied');
    expect(d.hardware.memory.dimms).toEqual([{ sizeKiB: 128 * 1024, node: 0, inLive: false, inPersistent: true }]);
    expect(d.hardware.memory.maximumKiB).toBe(320 * 1024);
    expect(await dumpxml(pc)).toMatch(/<memory model='dimm'>/);
    await expectRefused(addDimm(host, pc, { ...persistent, sizeMiB: 1024 }), /above the hotplug ceiling/);
  });

  it('adds disks from an existing volume and a file, changes their options, grows the volume, removes them', async () => {
    const a = await addDisk(host, pc, {
      ...persistent,
      bus: 'virtio',
      source: { kind: 'volume', pool: pool.name, volume: 'existing.raw' },
      cache: 'none',
      io: 'native',
      discard: 'unmap',
    });
    expect(a.hardware.disks.find((x) => x.target === 'vda')).toMatchObject({
      pool: pool.name,
      volume: 'existing.raw',
      format: 'raw',
      cache: 'none',
      io: 'native',
      discard: 'unmap',
      capacityBytes: 64 * 1024 * 1024,
    });
    const b = await addDisk(host, pc, {
      ...persistent,
      bus: 'scsi',
      target: 'sdc',
      source: { kind: 'file', path: `${pool.path}/shared.img` },
      shareable: true,
    });
    expect(b.hardware.disks.find((x) => x.target === 'sdc')).toMatchObject({ file: `${pool.path}/shared.img`, shareable: true, bus: 'scsi' });
    // A SCSI disk brings its virtio-scsi controller.
    expect(await dumpxml(pc)).toMatch(/<controller type='scsi' index='0' model='virtio-scsi'>/);
    await expectRefused(
      addDisk(host, pc, { ...persistent, bus: 'virtio', source: { kind: 'volume', pool: pool.name, volume: 'existing.raw' } }),
      /already a disk of/,
    );
    await expectRefused(updateDisk(host, pc, 'vda', { ...persistent, cache: 'writeback' }), /Native I\/O needs/);

    const o = await updateDisk(host, pc, 'vda', { ...persistent, cache: 'writeback', io: 'threads', readonly: true });
    expect(o.hardware.disks.find((x) => x.target === 'vda')).toMatchObject({ cache: 'writeback', io: 'threads', readonly: true, discard: 'unmap' });
    const g = await updateDisk(host, pc, 'vda', { ...persistent, sizeGiB: 0.125 });
    expect(g.outcome.persistent.status).toBe('applied');
    expect(g.hardware.disks.find((x) => x.target === 'vda')!.capacityBytes).toBe(128 * 1024 * 1024);
    await expectRefused(updateDisk(host, pc, 'vda', { ...persistent, sizeGiB: 0.0625 }), /only grows/);
    await expectRefused(updateDisk(host, pc, 'sdc', { ...persistent, sizeGiB: 1 }), /not a volume of a storage pool/);

    await removeDisk(host, pc, 'sdc', persistent);
    const r = await removeDisk(host, pc, 'vda', persistent);
    expect(r.hardware.disks).toEqual([]);
    expect(await dumpxml(pc)).not.toContain('existing.raw');
    expect(await pool.volumes()).toContain('existing.raw');
  });

  it('adds a NIC with a chosen MAC, refuses that MAC on another VM, switches it to a bridge, removes it', async () => {
    const mac = '52:54:00:7e:57:01';
    const r = await addNic(host, pc, { ...persistent, source: { type: 'network', network: 'default' }, model: 'e1000e', mac: mac.toUpperCase() });
    expect(r.hardware.nics.find((n) => n.mac === mac)).toMatchObject({ model: 'e1000e', source: 'default', inPersistent: true, inLive: false });
    await expectRefused(
      addNic(host, q35, { ...persistent, source: { type: 'network', network: 'default' }, model: 'virtio', mac }),
      new RegExp(`already used by "${pc}"`),
    );
    await expectRefused(addNic(host, q35, { ...persistent, source: { type: 'bridge', bridge: 'br0; rm -rf' }, model: 'virtio' }), /not a bridge name/);
    const u = await updateNic(host, pc, mac, { ...persistent, source: { type: 'bridge', bridge: testBridge }, linkState: 'down' });
    expect(u.hardware.nics.find((n) => n.mac === mac)).toMatchObject({ type: 'bridge', source: testBridge, linkState: 'down' });
    expect(await dumpxml(pc)).toContain(`<source bridge='${testBridge}'/>`);
    const gone = await removeNic(host, pc, mac, persistent);
    expect(gone.hardware.nics.find((n) => n.mac === mac)).toBeUndefined();
  });

  it('sets boot order, menu, power actions, autostart, title and description; switches firmware to UEFI and back', async () => {
    await addDisk(host, pc, { ...persistent, bus: 'virtio', source: { kind: 'volume', pool: pool.name, volume: 'existing.raw' } });
    const nic = (await readHardware(host, pc)).nics[0]!.mac;
    const r = await changeBoot(host, pc, {
      order: [
        { kind: 'nic', id: nic },
        { kind: 'disk', id: 'vda' },
      ],
      menu: true,
      onCrash: 'preserve',
      onReboot: 'destroy',
      onPoweroff: 'destroy',
      autostart: true,
      title: 'Edited',
      description: 'Persistent <only>',
    });
    expect(r.outcome).toMatchObject({ persistent: { status: 'applied' }, live: { status: 'not-requested' } });
    expect(r.hardware.boot).toMatchObject({
      menu: true,
      onCrash: 'preserve',
      onReboot: 'destroy',
      autostart: true,
      title: 'Edited',
      description: 'Persistent <only>',
    });
    expect(r.hardware.boot.order.map((o) => [o.kind, o.id])).toEqual([
      ['nic', nic],
      ['disk', 'vda'],
    ]);
    const xml = await dumpxml(pc);
    expect(xml).toMatch(/<bootmenu enable='yes'\/>/);
    expect(xml).toMatch(/<on_crash>preserve<\/on_crash>/);
    expect(xml).toMatch(/<boot order='1'\/>/);
    expect((await virsh(['dominfo', pc])).match(/Autostart:\s+(\w+)/)![1]).toBe('enable');
    await changeBoot(host, pc, { autostart: false });

    const choices = r.hardware.boot.firmwareChoices;
    if (choices.includes('efi')) {
      const efi = await changeBoot(host, q35, { firmware: 'efi' });
      expect(efi.hardware.boot.firmware).toBe('efi');
      expect(await dumpxml(q35)).toMatch(/<os firmware='efi'>|<loader[^>]*OVMF/);
      // libvirt resolves the firmware at start: OVMF code plus a per-VM NVRAM made from the vars template.
      await virsh(['start', '--paused', q35]);
      try {
        const live = await virsh(['dumpxml', q35]);
        expect(live).toMatch(/<loader[^>]*>[^<]*OVMF[^<]*<\/loader>/);
        expect(live).toMatch(/<nvram[^>]*>[^<]+<\/nvram>/);
        expect((await readHardware(host, q35)).boot).toMatchObject({ firmware: 'efi', nvram: expect.stringMatching(/\S/) });
      } finally {
        await virsh(['destroy', q35]);
      }
      const bios = await changeBoot(host, q35, { firmware: 'bios' });
      expect(bios.hardware.boot.firmware).toBe('bios');
      expect(await dumpxml(q35)).not.toMatch(/firmware='efi'|OVMF/);
    } else {
      await expectRefused(changeBoot(host, q35, { firmware: 'efi' }), /no UEFI firmware/);
    }
  });
});
