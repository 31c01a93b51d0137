// Two namespaced test hosts (scripts/test-hosts.sh) set up for migrations between them: host contexts over TLS,
// how each daemon reaches the other (TLS with the test client certificate), pools, and a TCG guest whose serial
// console prints a counter every 100 ms. Used by lib/migration's integration tests and the migration bench.
import { randomBytes } from 'node:crypto';
import { writeFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { HostContext } from '@/lib/hosts/host-context';
import type { DomainRef, LibvirtClient } from '@/lib/libvirt';
import { ConsoleReader, until } from '@/lib/libvirt/test-support/wait';
import { ensureFixtures, shellPrompt, tcgGuestXml } from './fixtures';
import { testHost } from './test-host';
import { ensureTestHosts, testHostsDir, tlsClient, tlsUri, unixUri, type TestHost } from './test-hosts';
import { virsh } from './virsh';

export interface MigrationHosts {
  hosts: [TestHost, TestHost];
  ctx: [HostContext, HostContext];
  /** How a daemon opens the other as a migration peer: TLS with the test client certificate. */
  peerUri(h: TestHost): string;
  /** virsh on the host's own unix socket: the witness. */
  witness(h: TestHost, args: string[], timeoutMs?: number): Promise<string>;
  close(): Promise<void>;
}

export async function migrationHosts(): Promise<MigrationHosts> {
  const all = await ensureTestHosts();
  await ensureFixtures();
  const hosts = [all[0]!, all[1]!] as [TestHost, TestHost];
  const ctx = hosts.map((h) => testHost(tlsUri(h), { tls: tlsClient() }, h.name)) as [HostContext, HostContext];
  return {
    hosts,
    ctx,
    peerUri: (h) => tlsUri(h, `?pkipath=${encodeURIComponent(`${testHostsDir}/client`)}`),
    witness: (h, args, timeoutMs) => virsh(args, { uri: unixUri(h), timeoutMs }),
    close: async () => void (await Promise.all(ctx.map((c) => c.close()))),
  };
}

/** A directory pool, started (transient: gone with the host or at pool-destroy). */
export async function makePool(m: MigrationHosts, h: TestHost, name: string, path: string): Promise<void> {
  await m.witness(h, ['pool-create-as', name, 'dir', '--target', path, '--build']).catch(async () => {
    await m.witness(h, ['pool-refresh', name]);
  });
}

export async function dropPool(m: MigrationHosts, h: TestHost, name: string): Promise<void> {
  const vols = await m.witness(h, ['vol-list', name]).catch(() => '');
  for (const v of vols
    .split('\n')
    .map((l) => l.trim().split(/\s+/)[0] ?? '')
    .filter(Boolean))
    await m.witness(h, ['vol-delete', v, '--pool', name]).catch(() => undefined);
  await m.witness(h, ['pool-destroy', name]).catch(() => undefined);
}

/** A raw volume filled with random bytes; returns its path and the bytes. */
export async function randomVolume(m: MigrationHosts, h: TestHost, pool: string, name: string, bytes: number): Promise<{ path: string; data: Buffer }> {
  await m.witness(h, ['vol-create-as', pool, name, String(bytes), '--format', 'raw']);
  const data = randomBytes(bytes);
  const file = join(tmpdir(), `vireo-migr-${name}`);
  await writeFile(file, data);
  try {
    await m.witness(h, ['vol-upload', name, file, '--pool', pool], 120_000);
  } finally {
    await rm(file, { force: true });
  }
  return { path: (await m.witness(h, ['vol-path', name, '--pool', pool])).trim(), data };
}

export async function removeGuest(m: MigrationHosts, name: string): Promise<void> {
  for (const h of m.hosts) {
    await m.witness(h, ['destroy', name]).catch(() => undefined);
    await m.witness(h, ['undefine', name, '--nvram']).catch(() => m.witness(h, ['undefine', name]).catch(() => undefined));
  }
}

/** The counter the guest prints: `C<n>` every 100 ms from a background loop of its busybox shell. */
export const COUNTER_LOOP = 'i=0; while :; do i=$((i+1)); echo C$i; sleep 0.1; done &\n';

export const counters = (text: string) => [...text.matchAll(/\bC(\d+)\r?\n/g)].map((x) => Number(x[1]));

/** Boots the guest on `client`'s host and starts its counter; returns the console reader (left open). */
export async function bootCounterGuest(client: LibvirtClient, name: string, disk?: string): Promise<{ dom: DomainRef; console: ConsoleReader }> {
  const dom = await client.domains.create(await client.domains.defineXml(tcgGuestXml({ name, memoryMiB: 128, withDisk: disk })));
  const console = new ConsoleReader(await client.domains.openConsole(dom));
  await console.waitFor(new RegExp(shellPrompt), 180_000);
  (console.stream as unknown as NodeJS.WritableStream).write(COUNTER_LOOP);
  await until(() => counters(console.text).length > 5, 30_000);
  return { dom, console };
}

/** Opens the console on the host the guest runs on now and waits until the counter has risen `by` past its first value. */
export async function counterAfterMove(client: LibvirtClient, dom: DomainRef, by = 20): Promise<{ first: number; last: number; console: ConsoleReader }> {
  const console = new ConsoleReader(await client.domains.openConsole(await client.domains.lookupByUuid(dom.uuid)));
  await until(() => counters(console.text).length > 0, 30_000);
  const first = counters(console.text)[0]!;
  await until(() => counters(console.text).some((n) => n >= first + by), 60_000);
  const seen = counters(console.text);
  return { first, last: seen[seen.length - 1]!, console };
}
