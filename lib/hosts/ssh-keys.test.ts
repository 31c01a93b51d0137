import ssh2 from 'ssh2';
import { describe, expect, it } from 'vitest';
import { generateSshKeyPair, publicKeyOf } from './ssh-keys';

describe('SSH key pairs', () => {
  it('generates ed25519 pairs whose public half matches an upload of the private half', () => {
    const pair = generateSshKeyPair('vireo@test');
    expect(pair.publicKey).toMatch(/^ssh-ed25519 AAAA\S+ vireo@test$/);
    expect(pair.privateKey).toContain('OPENSSH PRIVATE KEY');
    expect(publicKeyOf(pair.privateKey, undefined, 'vireo@test')).toBe(pair.publicKey);
  });
  it('refuses keys it cannot use, and a wrong passphrase', () => {
    const locked = ssh2.utils.generateKeyPairSync('ed25519', { passphrase: 'right', cipher: 'aes256-ctr', rounds: 4 });
    expect(() => publicKeyOf(locked.private, 'wrong', 'c')).toThrow(/cannot be used/);
    expect(publicKeyOf(locked.private, 'right', 'c')).toMatch(/^ssh-ed25519 /);
    expect(() => publicKeyOf('-----BEGIN OPENSSH PRIVATE KEY-----\nxx\n-----END OPENSSH PRIVATE KEY-----', undefined, 'c')).toThrow(/cannot be used/);
  });
});
