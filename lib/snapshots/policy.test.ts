import { describe, expect, it } from 'vitest';
import { Domain } from '@/lib/domain-xml/domain';
import { snapshotPolicy, versionText } from './policy';

const V9_0 = 9_000_000;
const V9_9 = 9_009_000;

function domain(disks: string, os = '<os><type arch="x86_64" machine="pc">hvm</type></os>'): Domain {
  return Domain.parse(`<domain type="qemu"><name>g</name>${os}<devices>${disks}</devices></domain>`);
}
const qcow2 = (t: string) => `<disk type="file" device="disk"><driver name="qemu" type="qcow2"/><source file="/i/${t}.qcow2"/><target dev="${t}"/></disk>`;
const raw = (t: string) => `<disk type="file" device="disk"><driver name="qemu" type="raw"/><source file="/i/${t}.img"/><target dev="${t}"/></disk>`;
const cdrom = '<disk type="file" device="cdrom"><driver name="qemu" type="raw"/><source file="/i/x.iso"/><target dev="sda"/><readonly/></disk>';
const nbd =
  '<disk type="network" device="disk"><driver name="qemu" type="qcow2"/><source protocol="nbd" name="e"><host name="h"/></source><target dev="vdb"/></disk>';
const uefi = '<os firmware="efi"><type arch="x86_64" machine="q35">hvm</type></os>';

describe('snapshotPolicy', () => {
  it('prefers internal on libvirt 9.0 (external cannot be reverted) and says so', () => {
    const p = snapshotPolicy(domain(qcow2('vda') + cdrom), V9_0);
    expect(p.preferred).toBe('internal');
    expect(p.why).toMatch(/libvirt 9\.0\.0 .* not revert/);
    expect(p.disks.map((d) => [d.target, d.included])).toEqual([
      ['vda', true],
      ['sda', false],
    ]);
  });

  it('prefers external where every disk allows it and libvirt can revert it', () => {
    expect(snapshotPolicy(domain(qcow2('vda') + raw('vdb')), V9_9).preferred).toBe('external');
  });

  it('falls back to external for raw disks, with the note that it cannot be reverted', () => {
    const p = snapshotPolicy(domain(raw('vda')), V9_0);
    expect(p.internal).toEqual({ ok: false, reason: expect.stringMatching(/vda is raw; only qcow2/) });
    expect(p.preferred).toBe('external');
    expect(p.why).toMatch(/External only.*not revert/);
  });

  it('refuses internal snapshots of UEFI guests in plain words', () => {
    const p = snapshotPolicy(domain(qcow2('vda'), uefi), V9_0);
    expect(p.internal.ok).toBe(false);
    expect(p.internal.reason).toMatch(/UEFI/);
    expect(p.preferred).toBe('external');
  });

  it('a network disk rules out external snapshots; nothing to snapshot gives no default', () => {
    const p = snapshotPolicy(domain(qcow2('vda') + nbd), V9_9);
    expect(p.external.ok).toBe(false);
    expect(p.preferred).toBe('internal');
    expect(p.why).toMatch(/network disk/);
    expect(snapshotPolicy(domain(cdrom), V9_0).preferred).toBeNull();
    expect(snapshotPolicy(domain(raw('vda') + nbd), V9_9)).toMatchObject({ preferred: null, why: expect.stringMatching(/No snapshot is possible/) });
  });

  it('writes versions as libvirt does', () => {
    expect(versionText(9_000_000)).toBe('9.0.0');
    expect(versionText(10_010_002)).toBe('10.10.2');
  });
});
