import { describe, expect, it } from 'vitest';
import { WIZARD_PLANS } from '@/lib/domain-xml/golden/plans';
import type { CreatePlan } from './plan';
import { createVmSpecSchema } from './spec';
import { summarizePlan } from './summary';

const domain = WIZARD_PLANS.cloud!;
const spec = createVmSpecSchema.parse({
  name: 'golden-cloud',
  title: 'Web',
  source: { kind: 'cloud-image', image: { from: 'catalog', id: 'debian-12' } },
  resources: { vcpus: 2, memoryMiB: 1024 },
  storage: { pool: 'default', sizeGiB: 10 },
  network: { type: 'network', network: 'default' },
  cloudInit: { hostname: 'web', user: { name: 'admin', sshKeys: ['ssh-ed25519 AAAA k'], password: 'x', sudo: true }, packages: ['curl'] },
});

const plan = (over: Partial<CreatePlan> = {}): CreatePlan =>
  ({
    spec,
    domain,
    xml: '',
    generatedXml: '',
    domainType: { type: 'qemu', cpuMode: null, reason: '', forced: false },
    warnings: [],
    newDisk: { pool: 'default', name: 'golden-cloud.qcow2', format: 'qcow2', sizeBytes: 10 * 1024 ** 3 },
    image: null,
    seed: { pool: 'default', name: 'golden-cloud-seed.iso', files: {} },
    osVariant: null,
    ...over,
  }) as CreatePlan;

describe('summarizePlan', () => {
  it('says in plain words what will be made', () => {
    expect(summarizePlan(plan())).toEqual({
      name: 'golden-cloud (Web)',
      os: 'not given; q35 machine, BIOS',
      cpu: '2 vCPUs, emulated (TCG): much slower than KVM',
      memory: '1,024 MiB',
      disks: [
        'vda: 10 GiB, a qcow2 overlay on the image, on virtio (default/golden-cloud.qcow2)',
        'sda: cloud-init seed CD-ROM (default/golden-cloud-seed.iso)',
      ],
      network: 'a virtio NIC on network default (MAC 52:54:00:aa:bb:cc)',
      cloudInit: 'host name web; user admin with 1 SSH key and a password, sudo; 1 package',
      start: 'started once it is created',
    });
  });

  it('names the KVM CPU mode and the OS', () => {
    const s = summarizePlan(
      plan({
        domainType: { type: 'kvm', cpuMode: 'host-model', reason: '', forced: false },
        osVariant: { name: 'Debian 11' } as CreatePlan['osVariant'],
      }),
    );
    expect(s.cpu).toBe('2 vCPUs, KVM with the host-model CPU');
    expect(s.os).toBe('Debian 11; q35 machine, BIOS');
  });
});
