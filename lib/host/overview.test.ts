import { describe, expect, it } from 'vitest';
import { formatVersion, kvmFromCapabilities } from './overview';

const caps = (domains: string) => `<capabilities><host><cpu><arch>x86_64</arch><model>Skylake</model><vendor>Intel</vendor></cpu></host>
<guest><os_type>hvm</os_type><arch name='x86_64'><domain type='qemu'/>${domains}</arch></guest>
<guest><os_type>hvm</os_type><arch name='i686'><domain type='qemu'/><domain type='kvm'/></arch></guest></capabilities>`;

describe('host overview helpers', () => {
  it('formats libvirt version numbers', () => {
    expect(formatVersion(9000000)).toBe('9.0.0');
    expect(formatVersion(7002022)).toBe('7.2.22');
  });
  it('says KVM is usable only when the host arch offers a kvm domain', () => {
    expect(kvmFromCapabilities(caps("<domain type='kvm'/>"))).toEqual({ kvm: true, cpuModel: 'Skylake', cpuVendor: 'Intel', arch: 'x86_64' });
    expect(kvmFromCapabilities(caps('')).kvm).toBe(false);
  });
});
