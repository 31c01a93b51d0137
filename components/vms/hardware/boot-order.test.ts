import { describe, expect, it } from 'vitest';
import type { DiskView, HardwareView, NicView } from '@/lib/hardware/types';
import { bootItems } from './boot-order';

const disk = (target: string, device: DiskView['device'], source: string | null) => ({ target, device, source }) as DiskView;
const nic = (mac: string, source: string) => ({ mac, source }) as NicView;

function view(order: HardwareView['boot']['order']): HardwareView {
  return {
    disks: [disk('vda', 'disk', 'pool/root.qcow2'), disk('sda', 'cdrom', null)],
    nics: [nic('52:54:00:00:00:01', 'default')],
    boot: { order },
  } as HardwareView;
}

describe('bootItems', () => {
  it('lists the devices with a boot order first, in that order, then the others switched off', () => {
    const items = bootItems(
      view([
        { kind: 'cdrom', id: 'sda', label: 'CD-ROM sda' },
        { kind: 'nic', id: '52:54:00:00:00:01', label: 'NIC' },
      ]),
    );
    expect(items).toEqual([
      { kind: 'disk', id: 'sda', label: 'CD-ROM sda', enabled: true },
      { kind: 'nic', id: '52:54:00:00:00:01', label: 'Network default (52:54:00:00:00:01)', enabled: true },
      { kind: 'disk', id: 'vda', label: 'Disk vda — pool/root.qcow2', enabled: false },
    ]);
  });

  it('skips the older per-kind entries and repeats, so every device appears once', () => {
    const items = bootItems(
      view([
        { kind: 'hd', id: 'hd', label: 'First hard disk' },
        { kind: 'disk', id: 'vda', label: '' },
        { kind: 'disk', id: 'vda', label: '' },
      ]),
    );
    expect(items.map((i) => [i.id, i.enabled])).toEqual([
      ['vda', true],
      ['sda', false],
      ['52:54:00:00:00:01', false],
    ]);
  });
});
