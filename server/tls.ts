import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { hostname } from 'node:os';
import path from 'node:path';
import { generate } from 'selfsigned';
import type { Settings } from '@/lib/config/settings';

export interface TlsMaterial {
  cert: string;
  key: string;
  fingerprint: string | null;
}

/** The admin's certificate, or a self-signed one made at first start and kept in the data dir (like Cockpit). */
export async function loadTls(tls: Extract<Settings['tls'], { enabled: true }>): Promise<TlsMaterial & { created: boolean }> {
  const existing = await readPair(tls.certFile, tls.keyFile);
  if (existing) return { ...existing, fingerprint: null, created: false };
  if (!tls.generated) throw new Error(`Cannot read the TLS certificate ${tls.certFile} or key ${tls.keyFile}.`);
  const host = hostname();
  const notAfterDate = new Date();
  notAfterDate.setFullYear(notAfterDate.getFullYear() + 5);
  const pems = await generate(
    [
      { name: 'commonName', value: host },
      { name: 'organizationName', value: 'Vireo self-signed' },
    ],
    {
      keyType: 'ec',
      curve: 'P-256',
      algorithm: 'sha256',
      notAfterDate,
      extensions: [
        { name: 'basicConstraints', cA: false },
        { name: 'keyUsage', digitalSignature: true, keyEncipherment: true },
        { name: 'extKeyUsage', serverAuth: true },
        {
          name: 'subjectAltName',
          altNames: [
            { type: 2, value: host },
            { type: 2, value: 'localhost' },
            { type: 7, ip: '127.0.0.1' },
            { type: 7, ip: '::1' },
          ],
        },
      ],
    },
  );
  await mkdir(path.dirname(tls.certFile), { recursive: true, mode: 0o700 });
  await writeFile(tls.keyFile, pems.private, { mode: 0o600 });
  await writeFile(tls.certFile, pems.cert, { mode: 0o644 });
  return { cert: pems.cert, key: pems.private, fingerprint: pems.fingerprint, created: true };
}

async function readPair(certFile: string, keyFile: string) {
  try {
    return { cert: await readFile(certFile, 'utf8'), key: await readFile(keyFile, 'utf8') };
  } catch {
    return null;
  }
}
