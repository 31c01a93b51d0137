import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { summarizeDomainXml } from './summary';
import { attr, child, children, parseXml } from '@/lib/xml/parse';
import { HOTPLUG_SPARE_PORTS } from './pci-slots';
import { vncTarget } from '@/lib/consoles/vnc-target';
import { Domain } from './domain';
import { cloudImagePlan, WIZARD_PLANS } from './golden/plans';
import { buildDomainXml, useLoopbackVnc } from './new-domain';
import type { DomainPlan } from './types';

const run = promisify(execFile);

const cloud = cloudImagePlan('sata', '52:54:00:aa:bb:cc', {
  name: 'web-01',
  uuid: '6f1c1a52-3a33-4f0e-9d1e-2f6f2d0f5b11',
  title: 'Web <frontend> & "api"',
  domainType: 'qemu',
  machine: 'q35',
  firmware: 'bios',
  memoryMiB: 1024,
  vcpus: 2,
});

const iso: DomainPlan = {
  ...cloud,
  name: 'inst',
  domainType: 'kvm',
  firmware: 'efi',
  machine: 'pc',
  disks: [
    { device: 'cdrom', pool: 'isos', volume: 'debian.iso', format: 'raw', bus: 'ide', target: 'hda', bootOrder: 1 },
    { device: 'disk', pool: 'default', volume: 'inst.qcow2', format: 'qcow2', bus: 'scsi', target: 'sda', bootOrder: 2 },
  ],
  nic: { type: 'bridge', source: 'br0', model: 'e1000e', mac: '52:54:00:01:02:03' },
};

const kernel: DomainPlan = {
  ...cloud,
  name: 'k',
  disks: [],
  nic: null,
  kernel: { kernel: '/boot/vmlinuz', initrd: '/boot/initrd.img', cmdline: 'console=ttyS0 root=/dev/vda' },
};

describe('buildDomainXml', () => {
  it('describes a cloud-image VM: overlay disk first to boot, seed CD-ROM, virtio NIC, loopback VNC', () => {
    const xml = buildDomainXml(cloud);
    const s = summarizeDomainXml(xml);
    expect(s).toMatchObject({
      name: 'web-01',
      uuid: cloud.uuid,
      title: cloud.title,
      hypervisor: 'qemu',
      machine: 'q35',
      memoryKiB: 1024 * 1024,
      vcpus: 2,
      cpuMode: null,
    });
    expect(s.disks.map((d) => [d.device, d.target, d.bus, d.source])).toEqual([
      ['disk', 'vda', 'virtio', 'default/web-01.qcow2'],
      ['cdrom', 'sda', 'sata', 'default/web-01-seed.iso'],
    ]);
    expect(s.nics).toEqual([{ type: 'network', source: 'default', mac: '52:54:00:aa:bb:cc', model: 'virtio' }]);
    const devices = child(parseXml(xml).documentElement, 'devices');
    const vnc = children(devices, 'graphics')[0]!;
    expect([attr(vnc, 'type'), attr(vnc, 'listen'), attr(child(vnc, 'listen'), 'address')]).toEqual(['vnc', '127.0.0.1', '127.0.0.1']);
    // Its devices take 6 ports (virtio disk, NIC, virtio-serial, USB, balloon, RNG; the seed is on SATA here) and
    // 8 more stay free for hotplug.
    expect(children(devices, 'controller').filter((c) => attr(c, 'model') === 'pcie-root-port')).toHaveLength(6 + HOTPLUG_SPARE_PORTS);
  });

  it('escapes text through the XML library (a title with markup stays text)', () => {
    expect(buildDomainXml(cloud)).toContain('<title>Web &lt;frontend&gt; &amp; "api"</title>');
  });

  it('boots an install from the CD-ROM first, then the disk; KVM guests get the host CPU; UEFI by firmware attribute', () => {
    const root = parseXml(buildDomainXml(iso)).documentElement!;
    const disks = children(child(root, 'devices'), 'disk');
    expect(disks.map((d) => [attr(d, 'device'), attr(child(d, 'boot'), 'order')])).toEqual([
      ['cdrom', '1'],
      ['disk', '2'],
    ]);
    expect(attr(child(root, 'cpu'), 'mode')).toBe('host-passthrough');
    expect(attr(child(root, 'os'), 'firmware')).toBe('efi');
    expect(children(child(root, 'devices'), 'controller').some((c) => attr(c, 'type') === 'scsi' && attr(c, 'model') === 'virtio-scsi')).toBe(true);
    expect(children(child(root, 'devices'), 'controller').some((c) => attr(c, 'model') === 'pcie-root-port')).toBe(false);
  });

  it("passes libvirt's own schema check (virt-xml-validate) for every flow", async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'vireo-xml-'));
    try {
      for (const plan of [cloud, iso, kernel]) {
        const file = path.join(dir, `${plan.name}.xml`);
        await writeFile(file, buildDomainXml(plan));
        const { stdout, stderr } = await run('virt-xml-validate', [file, 'domain']);
        expect(`${stdout}${stderr}`).toContain('validates');
      }
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});

describe('the wizard golden inputs', () => {
  it.each(Object.keys(WIZARD_PLANS))('golden/vireo-%s-in.xml is what the builder makes of its plan', (name) => {
    expect(buildDomainXml(WIZARD_PLANS[name]!)).toBe(readFileSync(path.join(import.meta.dirname, 'golden', `vireo-${name}-in.xml`), 'utf8'));
  });
});

describe('useLoopbackVnc', () => {
  it('replaces any display with VNC on loopback, which the console bridge accepts once a port is assigned', () => {
    const d = Domain.parse('<domain type="kvm"><name>n</name><devices><graphics type="vnc" port="5900" listen="0.0.0.0"/></devices></domain>');
    useLoopbackVnc(d);
    const xml = d.toXml();
    expect(xml).not.toContain('0.0.0.0');
    expect(xml).toContain('<video><model type="vga"/></video>');
    expect(vncTarget(xml.replace('autoport="yes"', 'autoport="yes" port="5907"'))).toEqual({ kind: 'tcp', host: '127.0.0.1', port: 5907 });
  });
});
