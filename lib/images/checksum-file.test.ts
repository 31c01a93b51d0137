import { describe, expect, it } from 'vitest';
import { findChecksum } from './checksum-file';

const a = 'a'.repeat(64);
const b = 'B'.repeat(128);

describe('findChecksum', () => {
  it('reads GNU coreutils lists, text and binary mode', () => {
    const text = `${'1'.repeat(64)}  other.qcow2\n${a} *noble-server-cloudimg-amd64.img\n`;
    expect(findChecksum(text, 'noble-server-cloudimg-amd64.img', 'sha256')).toBe(a);
    expect(findChecksum(`${b}  debian-12-genericcloud-amd64.qcow2\n`, 'debian-12-genericcloud-amd64.qcow2', 'sha512')).toBe(b.toLowerCase());
  });

  it('reads BSD tag lines inside a PGP-signed CHECKSUM file', () => {
    const text = [
      '-----BEGIN PGP SIGNED MESSAGE-----',
      'Hash: SHA256',
      '',
      '# Fedora-Cloud-Base-Generic-41-1.4.x86_64.qcow2: 123 bytes',
      `SHA256 (Fedora-Cloud-Base-Generic-41-1.4.x86_64.qcow2) = ${a}`,
      '-----BEGIN PGP SIGNATURE-----',
      'iQIzBAEBCAAdFiEE',
      '-----END PGP SIGNATURE-----',
    ].join('\n');
    expect(findChecksum(text, 'Fedora-Cloud-Base-Generic-41-1.4.x86_64.qcow2', 'sha256')).toBe(a);
  });

  it('ignores other files, other algorithms and wrong lengths', () => {
    expect(findChecksum(`${a}  x.img\n`, 'y.img', 'sha256')).toBeNull();
    expect(findChecksum(`SHA512 (x.img) = ${a}\n`, 'x.img', 'sha256')).toBeNull();
    expect(findChecksum(`${a.slice(1)}  x.img\n`, 'x.img', 'sha256')).toBeNull();
  });
});
