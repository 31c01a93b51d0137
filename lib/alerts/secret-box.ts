import 'server-only';
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { loadSettings } from '@/lib/config/settings';

// Webhook secrets must be readable again (each notification is signed with one), so they cannot be hashed like
// passwords: they are sealed with AES-256-GCM under a key kept in the data directory (0600, beside the TLS key),
// not in the database. A copy of the database (a backup, a PostgreSQL server elsewhere) holds no usable secret.

export const SECRET_KEY_FILE = 'secrets.key';
const VERSION = 'v1';

function keyFile(dataDir: string): string {
  return path.join(dataDir, SECRET_KEY_FILE);
}

function loadKey(dataDir = loadSettings().dataDir): Buffer {
  const file = keyFile(dataDir);
  if (!existsSync(file)) {
    // 'wx': two processes starting together cannot both write a key; the loser reads the winner's.
    try {
      writeFileSync(file, randomBytes(32).toString('base64'), { mode: 0o600, flag: 'wx' });
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
    }
  }
  const key = Buffer.from(readFileSync(file, 'utf8').trim(), 'base64');
  if (key.length !== 32) throw new Error(`${file} is not a 32-byte key (base64); move it away to make a new one (stored webhook secrets are then lost).`);
  return key;
}

export function seal(plain: string, key = loadKey()): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  const data = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
  return [VERSION, iv.toString('base64'), cipher.getAuthTag().toString('base64'), data.toString('base64')].join(':');
}

export function open(sealed: string, key = loadKey()): string {
  const [version, iv, tag, data] = sealed.split(':');
  if (version !== VERSION || !iv || !tag || data === undefined) throw new Error('A stored secret is not in a form this Vireo reads.');
  const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64'));
  decipher.setAuthTag(Buffer.from(tag, 'base64'));
  return Buffer.concat([decipher.update(Buffer.from(data, 'base64')), decipher.final()]).toString('utf8');
}
