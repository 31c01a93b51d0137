import { describe, expect, it } from 'vitest';
import { parseXml, serializeXml } from '@/lib/xml/parse';
import type { VmContext } from './context';
import { editBootXml, planBoot } from './boot';
import { editHotplugXml, editNumaMaximum, planMemory } from './memory';
import { editVcpuXml, planVcpus } from './vcpus';

// The validation and XML edits of each family, on definitions held in memory (the integration tests run the same
// code against libvirtd).

const base = `<domain type='qemu'><name>vm1</name><uuid>c7a5fdbd-cdaf-9455-926a-d65c16db1809</uuid>
<memory unit='KiB'>524288</memory><currentMemory unit='KiB'>262144</currentMemory><vcpu placement='static' current='2'>4</vcpu>
<os><type arch='x86_64' machine='pc-i440fx-7.2'>hvm</type><boot dev='hd'/></os>
<features><acpi/></features><clock offset='utc'/><on_poweroff>destroy</on_poweroff><on_reboot>restart</on_reboot><on_crash>destroy</on_crash>
<devices><disk type='file' device='disk'><driver name='qemu' type='raw'/><source file='/a.img'/><target dev='vda' bus='virtio'/></disk>
<interface type='network'><mac address='52:54:00:00:00:01'/><source network='default'/><model type='virtio'/><boot order='1'/></interface></devices></domain>`;

function ctx(xml = base, liveXml: string | null = null): VmContext {
  return {
    host: null as never,
    client: null as never,
    dom: { name: 'vm1', uuid: '', id: liveXml ? 1 : -1 },
    running: liveXml !== null,
    inactiveXml: xml,
    inactive: parseXml(xml),
    liveXml,
    live: liveXml ? parseXml(liveXml) : null,
  };
}

const P = { live: false, persistent: true };
const L = { maxVcpus: 255, cpuModels: ['qemu64'], cpuModes: ['host-model', 'custom'] };
const B = { live: true, persistent: true };

describe('vCPU plans', () => {
  it('checks counts against the maximum, the host and the topology', () => {
    expect(planVcpus(ctx(), { ...P, current: 3 }, L)).toEqual({ current: 3, maximum: 4 });
    expect(() => planVcpus(ctx(), { ...P, current: 5 }, L)).toThrow(/above the maximum of 4/);
    expect(() => planVcpus(ctx(), { ...P, maximum: 300 }, L)).toThrow(/at most 255/);
    expect(() => planVcpus(ctx(), { ...P, maximum: 6, topology: { sockets: 1, cores: 4, threads: 1 } }, L)).toThrow(/must equal/);
    expect(() => planVcpus(ctx(), { live: true, persistent: false, maximum: 6 }, L)).toThrow(/persistent/);
    expect(() => planVcpus(ctx(), { ...P, mode: 'custom' }, L)).toThrow(/Choose a CPU model/);
    expect(() => planVcpus(ctx(), { ...P }, L)).toThrow(/Nothing to change/);
    expect(() => planVcpus(ctx(), { ...P, mode: 'host-passthrough' }, L)).toThrow(/cannot give this VM the host-passthrough CPU mode/);
    expect(() => planVcpus(ctx(), { ...P, mode: 'custom', model: 'Haswell' }, L)).toThrow(/cannot run CPU model/);
  });

  it('refuses a live count above what the running guest booted with', () => {
    const live = base.replace("current='2'>4<", "current='2'>2<");
    expect(() => planVcpus(ctx(base, live), { ...B, current: 3 }, L)).toThrow(/started with a maximum of 2/);
  });

  it('rewrites <vcpu> and <cpu> for next boot', () => {
    const c = ctx();
    const change = { ...P, maximum: 8, current: 8, topology: { sockets: 2, cores: 2, threads: 2 }, mode: 'custom' as const, model: 'qemu64' };
    editVcpuXml(c, change, planVcpus(c, change, L));
    const xml = serializeXml(c.inactive);
    expect(xml).toContain('<vcpu placement="static">8</vcpu>');
    expect(xml).toMatch(
      /<cpu mode="custom" match="exact"><model fallback="forbid">qemu64<\/model><topology sockets="2" dies="1" cores="2" threads="2"\/><\/cpu><clock/,
    );
  });
});

describe('memory plans', () => {
  it('keeps the balloon under the maximum and the host', () => {
    expect(planMemory(ctx(), { ...P, currentMiB: 512 }, 8 << 20)).toEqual({ currentKiB: 524288, maximumKiB: 524288 });
    expect(() => planMemory(ctx(), { ...P, currentMiB: 513 }, 8 << 20)).toThrow(/above the maximum of 512 MiB/);
    expect(planMemory(ctx(), { ...P, currentMiB: 1024, maximumMiB: 1024 }, 8 << 20).maximumKiB).toBe(1 << 20);
    expect(() => planMemory(ctx(), { ...P, maximumMiB: 16384 }, 8 << 20)).toThrow(/host has only 8192 MiB/);
    expect(() => planMemory(ctx(), { ...P, maximumMiB: 128 }, 8 << 20)).toThrow(/below the current 256 MiB/);
    expect(() => planMemory(ctx(), { live: true, persistent: false, maximumMiB: 1024 }, null)).toThrow(/persistent/);
    expect(() => planMemory(ctx(), { ...P, currentMiB: 0 }, null)).toThrow(/whole number/);
  });

  it('adds <maxMemory> and the NUMA cell memory hotplug needs, and resizes that cell', () => {
    const c = ctx();
    expect(() => planMemory(c, { ...P, hotplug: { slots: 4, maxMiB: 256 } }, null)).toThrow(/at least the maximum/);
    editHotplugXml(c, { slots: 4, maxMiB: 2048 });
    let xml = serializeXml(c.inactive);
    expect(xml).toContain('<maxMemory slots="4" unit="KiB">2097152</maxMemory><memory');
    expect(xml).toContain('<cpu><numa><cell id="0" cpus="0-3" memory="524288" unit="KiB"/></numa></cpu>');
    editNumaMaximum(c, 1 << 20);
    xml = serializeXml(c.inactive);
    expect(xml).toContain('<cell id="0" cpus="0-3" memory="1048576" unit="KiB"/>');
    expect(xml).toContain('<memory unit="KiB">1048576</memory>');
    editHotplugXml(c, null);
    expect(serializeXml(c.inactive)).not.toContain('maxMemory');
  });
});

describe('boot plans', () => {
  it('validates entries and firmware', () => {
    // Planning `change` on the test VM, with OVMF installed unless told otherwise.
    const plan =
      (change: Parameters<typeof planBoot>[1], ovmf = true) =>
      () =>
        planBoot(ctx(), change, ovmf);
    const disk = (id: string) => ({ kind: 'disk' as const, id });
    const nic = (id: string) => ({ kind: 'nic' as const, id });
    expect(plan({ order: [disk('vdb')] })).toThrow(/no disk vdb/);
    expect(plan({ order: [disk('vda'), disk('vda')] })).toThrow(/twice/);
    expect(plan({ order: [nic('52:54:00:00:00:02')] })).toThrow(/no network interface/);
    expect(plan({ firmware: 'efi' }, false)).toThrow(/OVMF is not installed/);
    expect(plan({ menu: true, persistent: false, live: true })).toThrow(/persistent/);
    expect(plan({ title: 'two\nlines' })).toThrow(/one line/);
    expect(plan({})).toThrow(/Nothing to change/);
    expect(plan({ order: [nic('52:54:00:00:00:01'), disk('vda')], firmware: 'efi' })).not.toThrow();
  });

  it('moves to per-device boot order and edits menu, firmware and power actions', () => {
    const c = ctx();
    editBootXml(c, {
      order: [
        { kind: 'disk', id: 'vda' },
        { kind: 'nic', id: '52:54:00:00:00:01' },
      ],
      menu: true,
      firmware: 'efi',
      onCrash: 'restart',
    });
    let xml = serializeXml(c.inactive);
    expect(xml).toContain('<os firmware="efi"><type arch="x86_64" machine="pc-i440fx-7.2">hvm</type><bootmenu enable="yes"/></os>');
    expect(xml).toContain('<target dev="vda" bus="virtio"/><boot order="1"/></disk>');
    expect(xml).toContain('<model type="virtio"/><boot order="2"/></interface>');
    expect(xml).toContain('<on_crash>restart</on_crash>');
    editBootXml(c, { firmware: 'bios', menu: false });
    xml = serializeXml(c.inactive);
    expect(xml).toContain('<os><type');
    expect(xml).toContain('<bootmenu enable="no"/>');
  });
});
