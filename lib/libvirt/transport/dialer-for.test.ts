import { generateKeyPairSync } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { CredentialError } from './dialer';
import { dialerFor } from './dialer-for';
import { SshDialer } from './ssh-dialer';
import { TlsDialer } from './tls-dialer';
import { parseUri, UriError } from './uri';

// A throwaway key made here (PKCS#1 PEM, which ssh2 reads), so no private key lives in the repository.
const privateKey = generateKeyPairSync('rsa', {
  modulusLength: 2048,
  privateKeyEncoding: { type: 'pkcs1', format: 'pem' },
  publicKeyEncoding: { type: 'pkcs1', format: 'pem' },
}).privateKey;
const pin = 'SHA256:cZPonwnGuAq6xXVyAVk8vgR23rG+SfV4QqvfUt8kdBI';
const ssh = (uri: string, creds: object = { privateKey, hostKey: { expected: pin } }, readOnly = false) => dialerFor(parseUri(uri), readOnly, { ssh: creds });
const tls = (uri: string, creds: object = { ca: 'CA PEM' }) => dialerFor(parseUri(uri), false, { tls: creds });

describe('dialerFor ssh', () => {
  it('user, host, port 22 by default, and libvirt’s proxy command for the daemon-side URI', () => {
    const d = ssh('qemu+ssh://admin@kvm1.example/system');
    expect(d).toBeInstanceOf(SshDialer);
    expect(d).toMatchObject({ user: 'admin', host: 'kvm1.example', port: 22, description: 'ssh admin@kvm1.example:22' });
    expect((d as SshDialer).command).toContain("virt-ssh-helper '\\''qemu:///system'\\''");
  });

  it('a port, an IPv6 address, read-only', () => {
    const d = ssh('qemu+ssh://root@[fd00::5]:2222/system', undefined, true) as SshDialer;
    expect(d).toMatchObject({ host: 'fd00::5', port: 2222 });
    expect(d.command).toContain('virt-ssh-helper -r ');
  });

  it('refuses at once what cannot work', () => {
    expect(() => ssh('qemu+ssh:///system')).toThrow(UriError);
    expect(() => ssh('qemu+ssh://h/system', {})).toThrow(/no SSH private key/);
    expect(() => ssh('qemu+ssh://h/system', { privateKey: 'not a key' })).toThrow(CredentialError);
    expect(() => ssh('qemu+ssh://h/system', { privateKey, hostKey: { expected: 'md5:aa' } })).toThrow(/not an SSH SHA256 fingerprint/);
    expect(() => ssh('qemu+ssh://h/system?no_verify=yes')).toThrow(/no_verify="yes": expected 0 or 1/);
    expect(() => ssh('qemu+ssh://h/system?keyfile=/etc/shadow', { hostKey: { expected: pin } })).toThrow(/only read with ssh.allowKeyFile/);
  });
});

describe('dialerFor tls', () => {
  it('host and port 16514 by default', () => {
    const d = tls('qemu+tls://kvm2.example/system');
    expect(d).toBeInstanceOf(TlsDialer);
    expect(d).toMatchObject({ host: 'kvm2.example', port: 16514, description: 'tls kvm2.example:16514' });
    expect(tls('qemu://10.0.0.1:1234/system')).toMatchObject({ host: '10.0.0.1', port: 1234 });
  });

  it('a CA is required unless no_verify=1; a certificate needs its key', () => {
    expect(() => tls('qemu+tls://h/system', {})).toThrow(/no CA certificate/);
    expect(tls('qemu+tls://h/system?no_verify=1', {})).toBeInstanceOf(TlsDialer);
    expect(() => tls('qemu+tls://h/system', { ca: 'x', cert: 'y' })).toThrow(/go together/);
    expect(() => tls('qemu+tls://h/system?pkipath=/etc/pki', {})).toThrow(/only read with tls.allowPkiPath/);
    expect(() => tls('qemu+tls://h/system?pkipath=/nonexistent', { allowPkiPath: true })).toThrow(/cannot read \/nonexistent\/cacert.pem/);
  });
});
