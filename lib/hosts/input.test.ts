import { describe, expect, it } from 'vitest';
import { addHostBody, hostIdSchema, hostUriSchema, slugOf, transportOf, uriProblem } from './input';

describe('host input', () => {
  it('takes the URI forms Vireo dials and refuses the rest', () => {
    for (const ok of ['qemu:///system', 'qemu+ssh://root@h1:2222/system', 'qemu+tls://10.0.0.2/system', 'qemu+tcp://lab:16509/system'])
      expect(hostUriSchema.safeParse(ok).success, ok).toBe(true);
    for (const bad of ['', 'test:///default', 'qemu+ssh:///system', 'qemu://', 'http://h', 'qemu+ssh://h'])
      expect(hostUriSchema.safeParse(bad).success, bad).toBe(false);
    expect(uriProblem('qemu+ssh://h/system?keyfile=/etc/shadow')).toMatch(/may not set keyfile/);
    expect(uriProblem('qemu+tls://h/system?no_verify=1&pkipath=/x')).toMatch(/may not set pkipath/);
    expect(uriProblem('qemu+tls://h:99999/system')).toMatch(/not a TCP port/);
    expect(uriProblem('qemu+ssh://root@h:2222/system?no_tty=1')).toBeNull();
  });
  it('names transports as libvirt does', () => {
    expect(transportOf('qemu:///system')).toBe('unix');
    expect(transportOf('qemu+ssh://h/system')).toBe('ssh');
    expect(transportOf('qemu://h/system')).toBe('tls');
    expect(transportOf('qemu+tcp://h/system')).toBe('tcp');
  });
  it('makes URL-safe ids', () => {
    expect(slugOf('Rack 4 — KVM #2')).toBe('rack-4-kvm-2');
    expect(slugOf('!!!')).toBe('host');
    expect(hostIdSchema.safeParse(slugOf('x'.repeat(80))).success).toBe(true);
    expect(hostIdSchema.safeParse('Has/Slash').success).toBe(false);
  });
  it('wants an OpenSSH or PEM key when one is uploaded', () => {
    const base = { name: 'h', uri: 'qemu+ssh://root@h/system' };
    expect(addHostBody.safeParse({ ...base, ssh: { source: 'generate' } }).success).toBe(true);
    expect(addHostBody.safeParse({ ...base, ssh: { source: 'upload', privateKey: 'hello' } }).success).toBe(false);
  });
});
