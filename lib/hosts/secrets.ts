import 'server-only';
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { closeSync, existsSync, mkdirSync, openSync, readFileSync, writeSync } from 'node:fs';
import path from 'node:path';
import { loadSettings } from '@/lib/config/settings';

// Host secrets (SSH private keys, TLS client keys) are stored in the database encrypted with AES-256-GCM under a
// key that never enters the database: a 32-byte file in the data directory, created 0600 on first use. A stolen
// database alone reveals no key material; the tag makes a tampered or foreign ciphertext fail instead of decrypting
// to garbage. Several Vireo servers sharing one database must share this file too.

export const SECRET_KEY_FILE = 'host-secrets.key';
const VERSION = 'v1';

export class SecretKeyError extends Error {
  override name = 'SecretKeyError';
}

/** The data directory's key, created on first use (0600, exclusive create: two servers starting together agree). */
export function secretKey(dataDir = loadSettings().dataDir): Buffer {
  const file = path.join(dataDir, SECRET_KEY_FILE);
  if (!existsSync(file)) {
    mkdirSync(dataDir, { recursive: true, mode: 0o700 });
    try {
      const fd = openSync(file, 'wx', 0o600);
      try {
        writeSync(fd, randomBytes(32).toString('base64'));
      } finally {
        closeSync(fd);
      }
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
    }
  }
  const key = Buffer.from(readFileSync(file, 'utf8').trim(), 'base64');
  if (key.length !== 32) throw new SecretKeyError(`${file} does not hold a 32-byte key; restore it from a backup (host secrets cannot be read without it)`);
  return key;
}

/** `v1.<iv>.<tag>.<ciphertext>`, base64 each. */
export function encryptSecret(plain: string, key: Buffer = secretKey()): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  const ct = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
  return [VERSION, iv.toString('base64'), cipher.getAuthTag().toString('base64'), ct.toString('base64')].join('.');
}

export function decryptSecret(sealed: string, key: Buffer = secretKey()): string {
  const [version, iv, tag, ct] = sealed.split('.');
  if (version !== VERSION || !iv || !tag || ct === undefined) throw new SecretKeyError('a host secret in the database is not in a form Vireo reads');
  try {
    const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64'));
    decipher.setAuthTag(Buffer.from(tag, 'base64'));
    return Buffer.concat([decipher.update(Buffer.from(ct, 'base64')), decipher.final()]).toString('utf8');
  } catch {
    throw new SecretKeyError(`a host secret cannot be decrypted with the data directory's ${SECRET_KEY_FILE} (was the file replaced?)`);
  }
}
