import { mkdtempSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { open, seal, SECRET_KEY_FILE, secretKey } from './secret-box';

describe('secret box', () => {
  it('makes one private key per data directory and keeps it', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'vireo-secrets-'));
    const key = secretKey(dir);
    expect(key.length).toBe(32);
    expect(statSync(path.join(dir, SECRET_KEY_FILE)).mode & 0o777).toBe(0o600);
    expect(secretKey(dir).equals(key)).toBe(true);
  });

  it('seals and opens; a fresh IV each time; a wrong key, a changed byte or a foreign form fail in words', () => {
    const key = secretKey(mkdtempSync(path.join(tmpdir(), 'vireo-secrets-')));
    const sealed = seal('-----BEGIN OPENSSH PRIVATE KEY-----abc', key);
    expect(sealed).not.toContain('OPENSSH');
    expect(seal('x', key)).not.toBe(seal('x', key));
    expect(open(sealed, key)).toBe('-----BEGIN OPENSSH PRIVATE KEY-----abc');
    expect(() => open(sealed, Buffer.alloc(32, 1))).toThrow(/cannot be opened/);
    const parts = sealed.split(':');
    parts[3] = Buffer.from('tampered').toString('base64');
    expect(() => open(parts.join(':'), key)).toThrow(/cannot be opened/);
    expect(() => open('plain', key)).toThrow(/not in a form/);
  });
});
