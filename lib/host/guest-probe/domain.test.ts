import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { Domain } from '@/lib/domain-xml/domain';
import { probeDomainXml } from './domain';

const run = promisify(execFile);
const uuid = '0b6c3f7e-4d55-4a8e-8f66-0c1d2e3f4a5b';
const validator = existsSync('/usr/bin/virt-xml-validate');

describe('probeDomainXml', () => {
  it('gives a KVM probe the CPU the wizard would, boots the boot-sector volume, and has nothing else', () => {
    const xml = probeDomainXml({ name: 'vireo-guest-probe-x', uuid, type: 'kvm', cpuMode: 'host-passthrough', disk: { pool: 'default', volume: 'p.img' } });
    const d = Domain.parse(xml);
    expect([d.type, d.os.machine, d.cpu.vcpus, d.cpu.mode, d.cpu.check, d.cpu.migratable]).toEqual(['kvm', 'q35', 1, 'host-passthrough', 'none', true]);
    expect(d.disks.map((x) => [x.source, x.bus, x.readonly, x.bootOrder])).toEqual([['default/p.img', 'virtio', true, 1]]);
    expect(d.interfaces).toEqual([]);
    expect(d.graphics).toEqual([]);
    expect(xml).toContain('<controller type="usb" model="none"/>');
    expect(d.memballoon.model).toBe('none');
  });

  it('gives host-model without migratable, and an emulated probe no CPU element', () => {
    expect(Domain.parse(probeDomainXml({ name: 'p', uuid, type: 'kvm', cpuMode: 'host-model', disk: null })).cpu.migratable).toBeNull();
    const tcg = probeDomainXml({ name: 'p', uuid, type: 'qemu', cpuMode: null, disk: null });
    expect(tcg).not.toContain('<cpu');
    expect(Domain.parse(tcg).disks).toEqual([]);
  });

  it.skipIf(!validator)("passes libvirt's schema check", async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'vireo-probe-'));
    try {
      const file = path.join(dir, 'p.xml');
      await writeFile(file, probeDomainXml({ name: 'p', uuid, type: 'kvm', cpuMode: 'host-model', disk: { pool: 'default', volume: 'p.img' } }));
      const { stdout, stderr } = await run('virt-xml-validate', [file, 'domain']);
      expect(`${stdout}${stderr}`).toContain('validates');
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
