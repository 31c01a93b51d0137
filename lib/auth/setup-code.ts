import 'server-only';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { randomInt } from 'node:crypto';
import { sameSecret, sha256 } from './tokens';

// While no account exists, creating the first admin needs a one-time code the server prints at start, so
// whoever reaches the page first cannot take the host. Only its hash is kept, in the data directory.

const ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789'; // no 0/O or 1/I look-alikes

function codeFile(dataDir: string): string {
  return path.join(dataDir, 'setup-code.sha256');
}

export function normalizeSetupCode(input: string): string {
  return input.toUpperCase().replace(/[^A-Z0-9]/g, '');
}

export async function issueSetupCode(dataDir: string): Promise<string> {
  const raw = Array.from({ length: 12 }, () => ALPHABET[randomInt(ALPHABET.length)]).join('');
  await mkdir(dataDir, { recursive: true });
  await writeFile(codeFile(dataDir), sha256(raw), { mode: 0o600 });
  return raw.match(/.{4}/g)!.join('-');
}

export async function checkSetupCode(dataDir: string, input: string): Promise<boolean> {
  const stored = await readFile(codeFile(dataDir), 'utf8').catch(() => null);
  return stored !== null && sameSecret(stored.trim(), sha256(normalizeSetupCode(input)));
}

export async function clearSetupCode(dataDir: string): Promise<void> {
  await rm(codeFile(dataDir), { force: true });
}
