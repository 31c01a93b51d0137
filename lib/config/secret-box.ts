import 'server-only';
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { loadSettings } from '@/lib/config/settings';

// Secrets Vireo must read again (a webhook's signing secret, a host's SSH or TLS private key) cannot be hashed like
// passwords: they are sealed with AES-256-GCM under one key kept in the data directory (0600, beside the TLS key),
// not in the database. A copy of the database (a backup, a PostgreSQL server elsewhere) holds no usable secret; the
// tag makes a tampered or foreign ciphertext fail instead of opening to garbage. Several Vireo servers on one
// database must share this file.

export const SECRET_KEY_FILE = 'secrets.key';
const VERSION = 'v1';

export class SecretKeyError extends Error {
  override name = 'SecretKeyError';
}

/** The data directory's key, created on first use (0600, exclusive create: two servers starting together agree). */
export function secretKey(dataDir = loadSettings().dataDir): Buffer {
  const file = path.join(dataDir, SECRET_KEY_FILE);
  if (!existsSync(file)) {
    mkdirSync(dataDir, { recursive: true, mode: 0o700 });
    // 'wx': two processes starting together cannot both write a key; the loser reads the winner's.
    try {
      writeFileSync(file, randomBytes(32).toString('base64'), { mode: 0o600, flag: 'wx' });
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
    }
  }
  const key = Buffer.from(readFileSync(file, 'utf8').trim(), 'base64');
  if (key.length !== 32)
    throw new SecretKeyError(`${file} is not a 32-byte key (base64); restore it from a backup (stored secrets cannot be read without it).`);
  return key;
}

/** `v1:<iv>:<tag>:<ciphertext>`, base64 each. */
export function seal(plain: string, key = secretKey()): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  const data = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
  return [VERSION, iv.toString('base64'), cipher.getAuthTag().toString('base64'), data.toString('base64')].join(':');
}

export function open(sealed: string, key = secretKey()): string {
  const [version, iv, tag, data] = sealed.split(':');
  if (version !== VERSION || !iv || !tag || data === undefined) throw new SecretKeyError('A stored secret is not in a form this Vireo reads.');
  try {
    const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64'));
    decipher.setAuthTag(Buffer.from(tag, 'base64'));
    return Buffer.concat([decipher.update(Buffer.from(data, 'base64')), decipher.final()]).toString('utf8');
  } catch {
    throw new SecretKeyError(`A stored secret cannot be opened with the data directory's ${SECRET_KEY_FILE} (was the file replaced?).`);
  }
}
