import { mkdtempSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { decryptSecret, encryptSecret, SECRET_KEY_FILE, secretKey } from './secrets';

describe('host secrets', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'vireo-secrets-'));
  it('creates the key file once, owner only, and reuses it', () => {
    const key = secretKey(dir);
    expect(key).toHaveLength(32);
    expect(statSync(path.join(dir, SECRET_KEY_FILE)).mode & 0o777).toBe(0o600);
    expect(secretKey(dir).equals(key)).toBe(true);
  });
  it('round-trips, never shows the plain text, and refuses another key or a tampered text', () => {
    const key = secretKey(dir);
    const sealed = encryptSecret('-----BEGIN OPENSSH PRIVATE KEY-----abc', key);
    expect(sealed).not.toContain('OPENSSH');
    expect(encryptSecret('x', key)).not.toBe(encryptSecret('x', key));
    expect(decryptSecret(sealed, key)).toBe('-----BEGIN OPENSSH PRIVATE KEY-----abc');
    expect(() => decryptSecret(sealed, Buffer.alloc(32, 1))).toThrow(/cannot be decrypted/);
    const parts = sealed.split('.');
    parts[3] = Buffer.from('tampered').toString('base64');
    expect(() => decryptSecret(parts.join('.'), key)).toThrow(/cannot be decrypted/);
    expect(() => decryptSecret('plain', key)).toThrow(/not in a form/);
  });
});
