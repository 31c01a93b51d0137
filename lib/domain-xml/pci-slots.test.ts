import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { Domain } from './domain';
import { WIZARD_PLANS } from './golden/plans';
import { newDomain } from './new-domain';
import { HOTPLUG_SPARE_PORTS, hotplugSlots, rootPortsTaken } from './pci-slots';

const golden = (name: string) => Domain.parse(readFileSync(path.join(import.meta.dirname, 'golden', `${name}-in.xml`), 'utf8'));

describe('hotplugSlots', () => {
  it("counts the free root ports of a guest the old wizard made: 8 ports, 7 taken, room for one device (the issue's guest)", () => {
    expect(hotplugSlots(golden('libvirt-cloud-inactive'))).toEqual({ kind: 'pcie-root-port', total: 8, free: 1 });
  });

  it('counts the root ports of a running guest by the buses its devices sit on', () => {
    const s = hotplugSlots(golden('libvirt-tcg-live'))!;
    expect(s.kind).toBe('pcie-root-port');
    expect(s.total).toBe(14);
    expect(s.free).toBeGreaterThan(0);
    expect(s.free).toBeLessThan(s.total);
  });

  it('does not count a port with hotplug off, nor one without an index yet', () => {
    const d = Domain.parse(`<domain><devices>
      <controller type='pci' index='0' model='pcie-root'/>
      <controller type='pci' index='1' model='pcie-root-port'><target chassis='1' port='0x10' hotplug='off'/></controller>
      <controller type='pci' index='2' model='pcie-root-port'/>
      <controller type='pci' model='pcie-root-port'/>
    </devices></domain>`);
    expect(hotplugSlots(d)).toEqual({ kind: 'pcie-root-port', total: 1, free: 1 });
  });

  it('counts the free slots of the root bus on pc', () => {
    const d = Domain.parse(`<domain><devices>
      <controller type='pci' index='0' model='pci-root'/>
      <controller type='ide' index='0'><address type='pci' domain='0x0000' bus='0x00' slot='0x01' function='0x1'/></controller>
      <controller type='usb' index='0' model='piix3-uhci'><address type='pci' domain='0x0000' bus='0x00' slot='0x01' function='0x2'/></controller>
      <interface type='network'><address type='pci' domain='0x0000' bus='0x00' slot='0x03' function='0x0'/></interface>
      <disk type='file' device='disk'><address type='drive' controller='0' bus='0' target='0' unit='0'/></disk>
    </devices></domain>`);
    expect(hotplugSlots(d)).toEqual({ kind: 'pci-slot', total: 31, free: 29 });
  });

  it('knows nothing of a machine without a PCI root', () => {
    expect(hotplugSlots(Domain.parse('<domain><devices/></domain>'))).toBeNull();
  });
});

describe('rootPortsTaken and the ports a new q35 guest gets', () => {
  it("counts the wizard's cloud guest's devices (disk, seed's SCSI controller, NIC, agent channel, USB, balloon, RNG)", () => {
    const d = newDomain(WIZARD_PLANS.cloud!);
    expect(rootPortsTaken(d)).toBe(7);
    expect(d.controllers.filter((c) => c.model === 'pcie-root-port')).toHaveLength(7 + HOTPLUG_SPARE_PORTS);
  });

  it('counts one bridge port for conventional PCI NICs, and nothing for SATA', () => {
    const base = Domain.parse('<domain><devices><memballoon model="none"/><controller type="usb" model="none"/></devices></domain>');
    expect(rootPortsTaken(base)).toBe(0);
    const d = Domain.parse(`<domain><devices><disk device='disk'><target dev='sda' bus='sata'/></disk>
      <interface type='network'><model type='e1000'/></interface><interface type='network'><model type='rtl8139'/></interface>
      <interface type='network'><model type='e1000e'/></interface><memballoon model='none'/></devices></domain>`);
    // e1000 + rtl8139 share one pcie-to-pci bridge; e1000e takes its own port; USB is libvirt's default.
    expect(rootPortsTaken(d)).toBe(1 + 1 + 1);
  });

  it('gives pc guests no root ports at all', () => {
    expect(newDomain(WIZARD_PLANS.iso!).controllers.some((c) => c.model === 'pcie-root-port')).toBe(false);
  });
});
