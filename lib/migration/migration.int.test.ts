import { createHash, randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { precheckMigration, startMigration } from './index';
import { listAudit } from '@/lib/audit/log';
import { cancelJob } from '@/lib/jobs/runner';
import { readJob } from '@/lib/jobs/store';
import { setVmTags } from '@/lib/tags/service';
import { settledJob } from '@/test/support/settled-job';
import { withTestDatabase } from '@/test/support/with-test-database';
import type { ConsoleReader } from '@/lib/libvirt/test-support/wait';
import { until } from '@/lib/libvirt/test-support/wait';
import { tcgGuestXml } from '@/test/support/fixtures';
import { testHostsDir } from '@/test/support/test-hosts';
import {
  bootCounterGuest,
  counterAfterMove,
  counters,
  dropPool,
  makePool,
  migrationHosts,
  randomVolume,
  removeGuest,
  type MigrationHosts,
} from '@/test/support/migration-hosts';
import type { DomainRef } from '@/lib/libvirt';
import type { MigrationOptions } from './types';

// Migrations between the namespaced test hosts h1 and h2 (libvirtd each, over TLS): a running TCG guest whose
// console counts every 100 ms moves live with copied and with shared storage and keeps counting; a throttled
// migration cancelled halfway leaves it running on the source; each refused check leaves both hosts as they were;
// a stopped VM moves offline with its disk verified by SHA-256. virsh on each host's own socket is the witness.

const tag = randomUUID().slice(0, 8);
const COPY_POOL = `vireo-migr-copy-${tag}`;
const SHARED_POOL = `vireo-migr-shared-${tag}`;
const sharedDir = `${testHostsDir}/migr-shared-${tag}`;
const copyDir = `/var/lib/libvirt/images/${COPY_POOL}`; // inside each namespace: the host's own directory
const actor = { id: null, username: 'tester', ip: '127.0.0.1' };
const base: MigrationOptions = { mode: 'live', storage: 'copy', persistent: true, undefineSource: true };

let m: MigrationHosts;
withTestDatabase();
const names: string[] = [];
const consoles: ConsoleReader[] = [];
const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');

beforeAll(async () => {
  m = await migrationHosts();
  for (const h of m.hosts) {
    await makePool(m, h, COPY_POOL, copyDir);
    await makePool(m, h, SHARED_POOL, sharedDir);
  }
}, 180_000);

afterAll(async () => {
  for (const c of consoles) c.stop();
  for (const n of names) await removeGuest(m, n);
  for (const h of m?.hosts ?? []) {
    await m.witness(h, ['net-destroy', `vireo-migr-net-${tag}`]).catch(() => undefined);
    await dropPool(m, h, COPY_POOL);
  }
  if (m) await dropPool(m, m.hosts[0], SHARED_POOL);
  if (m) await m.witness(m.hosts[1], ['pool-destroy', SHARED_POOL]).catch(() => undefined);
  await m?.close();
}, 120_000);

const [H1, H2] = [0, 1] as const;
const hostOf = (i: 0 | 1) => m.hosts[i];
const peer = (to: 0 | 1) => ({ uri: m.peerUri(m.hosts[to]) });

async function where(name: string): Promise<{ h1: string; h2: string }> {
  const state = (i: 0 | 1) =>
    m.witness(hostOf(i), ['domstate', name]).then(
      (s) => s.trim(),
      () => 'absent',
    );
  return { h1: await state(H1), h2: await state(H2) };
}

/** Volume names of a pool (this virsh has no vol-list --name). */
async function volumes(i: 0 | 1, pool: string): Promise<string[]> {
  const out = await m.witness(hostOf(i), ['vol-list', pool]);
  return out
    .split('\n')
    .map((l) => l.trim().split(/\s+/)[0] ?? '')
    .filter(Boolean);
}

async function persistentOn(i: 0 | 1, name: string): Promise<boolean> {
  return /Persistent:\s+yes/.test(await m.witness(hostOf(i), ['dominfo', name]));
}

/** Both hosts' domains and volumes, to show a refusal changed nothing. */
async function snapshot(): Promise<string> {
  const parts: string[] = [];
  for (const h of m.hosts) {
    parts.push(await m.witness(h, ['list', '--all', '--name']));
    parts.push(await m.witness(h, ['vol-list', COPY_POOL]));
  }
  return parts.join('|');
}

/** A counting guest on h1 with a disk of `mib` random MiB in `pool`; its console reader joins `consoles`. */
async function guestOnH1(name: string, pool: string, mib: number): Promise<DomainRef> {
  names.push(name);
  const disk = await randomVolume(m, hostOf(H1), pool, `${name}.raw`, mib * 1024 * 1024);
  const g = await bootCounterGuest(await m.ctx[H1].libvirt(), name, disk.path);
  consoles.push(g.console);
  return g.dom;
}

async function migrate(from: 0 | 1, to: 0 | 1, name: string, options: MigrationOptions) {
  return startMigration({ source: m.ctx[from], dest: m.ctx[to], name, options, actor, peer: peer(to) });
}

describe('live migration between two hosts', () => {
  const name = `vireo-migr-live-${tag}`;
  let dom: DomainRef;
  let lastOnH1 = 0;

  beforeAll(async () => {
    dom = await guestOnH1(name, COPY_POOL, 32);
  }, 240_000);

  it('checks first: every check passes for a copy to h2, and says so in words', async () => {
    const { precheck } = await precheckMigration(m.ctx[H1], m.ctx[H2], name, base);
    expect(precheck.checks.filter((c) => !c.ok)).toEqual([]);
    expect(precheck.checks.map((c) => c.id)).toEqual(['destination', 'state', 'identity', 'cpu', 'memory', 'networks', 'storage', 'placement']);
    expect(precheck.copyBytes).toBe(32 * 1024 * 1024);
  });

  it('moves live to h2 copying its disk: the counter goes on there, h2 has it defined and running, h1 has nothing', async () => {
    const before = consoles[0]!;
    const { jobId } = await migrate(H1, H2, name, base);
    const job = await settledJob(jobId);
    expect(job.error).toBeNull();
    expect(job.status).toBe('succeeded');
    lastOnH1 = Math.max(...counters(before.text));
    expect(await where(name)).toEqual({ h1: 'absent', h2: 'running' });
    expect(await persistentOn(H2, name)).toBe(true);
    const after = await counterAfterMove(await m.ctx[H2].libvirt(), dom);
    consoles.push(after.console);
    // The guest's memory moved with it: the count carries on from where h1 last showed it, it does not restart.
    expect(after.first).toBeGreaterThan(lastOnH1);
    expect(after.first).toBeLessThan(lastOnH1 + 600);
    expect(after.last).toBeGreaterThanOrEqual(after.first + 20);
    expect(job.result).toMatchObject({ uuid: dom.uuid, destination: 'h2' });
    console.log(`live copy h1→h2: ${JSON.stringify(job.result)}; counter C${lastOnH1} on h1, C${after.first} first on h2`);
    // The copied volume is on h2; h1 keeps its own (libvirt leaves the source's storage alone).
    expect(await volumes(H2, COPY_POOL)).toContain(`${name}.raw`);
    expect(await volumes(H1, COPY_POOL)).toContain(`${name}.raw`);
    await m.witness(hostOf(H1), ['vol-delete', `${name}.raw`, '--pool', COPY_POOL]);
    const audit = await listAudit({ q: name });
    const entry = audit.find((a) => a.action === 'vm.migrate');
    expect(entry?.outcome).toBe('ok');
    expect(JSON.parse(entry!.detail!)).toMatchObject({ from: 'h1', to: 'h2', mode: 'live', uuid: dom.uuid, durationMs: expect.any(Number) });
  }, 240_000);

  it('a cancel mid-migration (throttled to 1 MiB/s) leaves it running on the source, with no copy left behind', async () => {
    const { jobId } = await migrate(H2, H1, name, { ...base, bandwidthMiBs: 1 });
    // Once the migration runs (32 MiB of disk and 128 MiB of memory at 1 MiB/s), the cancel lands in the middle of it.
    await until(async () => (await readJob(jobId))?.steps.find((x) => x.id === 'migrate')?.status === 'running', 60_000, 100);
    await new Promise((r) => setTimeout(r, 3000));
    const midway = await readJob(jobId);
    console.log(`cancelling at ${((midway?.progress ?? 0) * 100).toFixed(1)}%: ${midway?.steps.find((x) => x.id === 'migrate')?.detail}`);
    expect(cancelJob(jobId)).toBe(true);
    const job = await settledJob(jobId);
    expect(job.status).toBe('cancelled');
    expect(await where(name)).toEqual({ h1: 'absent', h2: 'running' });
    expect(await volumes(H1, COPY_POOL)).not.toContain(`${name}.raw`);
    const still = consoles[consoles.length - 1]!;
    const from = Math.max(...counters(still.text));
    await until(() => counters(still.text).some((n) => n >= from + 10), 30_000);
  }, 180_000);
});

describe('live migration with shared storage', () => {
  const name = `vireo-migr-shared-${tag}`;
  let dom: DomainRef;

  beforeAll(async () => {
    dom = await guestOnH1(name, SHARED_POOL, 16);
  }, 240_000);

  it('refuses to copy a disk the destination already sees at the same path, changing nothing', async () => {
    const before = await snapshot();
    await expect(migrate(H1, H2, name, base)).rejects.toThrow(/same path: the storage is shared/);
    expect(await snapshot()).toBe(before);
  });

  it('moves live through the shared pool; the counter goes on on h2', async () => {
    const shown = consoles[consoles.length - 1]!;
    const { jobId } = await migrate(H1, H2, name, { ...base, storage: 'shared', unsafe: true });
    const job = await settledJob(jobId);
    expect(job.error).toBeNull();
    const lastOnH1 = Math.max(...counters(shown.text));
    expect(await where(name)).toEqual({ h1: 'absent', h2: 'running' });
    const after = await counterAfterMove(await m.ctx[H2].libvirt(), dom);
    consoles.push(after.console);
    expect(after.first).toBeGreaterThan(lastOnH1);
    expect(after.first).toBeLessThan(lastOnH1 + 600);
    console.log(`live shared h1→h2: ${JSON.stringify(job.result)}`);
  }, 240_000);

  it('moves back keeping the source definition when asked (persistent on h1, still defined on h2)', async () => {
    const { jobId } = await migrate(H2, H1, name, { ...base, storage: 'shared', unsafe: true, undefineSource: false });
    expect((await settledJob(jobId)).status).toBe('succeeded');
    expect(await where(name)).toEqual({ h1: 'running', h2: 'shut off' });
    expect(await persistentOn(H1, name)).toBe(true);
  }, 240_000);
});

describe('refusals change nothing on either host', () => {
  const define = async (name: string, xml: string) => {
    names.push(name);
    await (await m.ctx[H1].libvirt()).domains.defineXml(xml);
  };
  const offline: MigrationOptions = { ...base, mode: 'offline' };

  async function refused(name: string, check: string, pattern: RegExp) {
    const before = await snapshot();
    const { precheck } = await precheckMigration(m.ctx[H1], m.ctx[H2], name, offline);
    const failed = precheck.checks.filter((c) => !c.ok);
    expect(failed.map((c) => c.id)).toEqual([check]);
    expect(failed[0]!.detail).toMatch(pattern);
    await expect(migrate(H1, H2, name, offline)).rejects.toThrow(pattern);
    expect(await snapshot()).toBe(before);
  }

  it('an anti-affine tag a VM on the destination already carries', async () => {
    const aa = `db-${tag}`;
    const before = process.env.VIREO_ANTI_AFFINITY_TAGS;
    process.env.VIREO_ANTI_AFFINITY_TAGS = aa;
    try {
      const name = `vireo-migr-aff-${tag}`;
      const there = `vireo-migr-aff-there-${tag}`;
      await define(name, tcgGuestXml({ name, memoryMiB: 64 }));
      names.push(there);
      await (await m.ctx[H2].libvirt()).domains.defineXml(tcgGuestXml({ name: there, memoryMiB: 64 }));
      await setVmTags(m.ctx[H1], name, [aa]);
      await setVmTags(m.ctx[H2], there, [aa]);
      await refused(name, 'placement', new RegExp(`already has ${there} tagged ${aa} \\(anti-affinity\\)`));
    } finally {
      if (before === undefined) delete process.env.VIREO_ANTI_AFFINITY_TAGS;
      else process.env.VIREO_ANTI_AFFINITY_TAGS = before;
    }
  });

  it('a network the destination lacks', async () => {
    const net = `vireo-migr-net-${tag}`;
    const file = `${testHostsDir}/${net}.xml`;
    const { writeFile, rm } = await import('node:fs/promises');
    await writeFile(file, `<network><name>${net}</name><bridge name='vmn${tag.slice(0, 6)}'/></network>`);
    await m.witness(hostOf(H1), ['net-create', file]);
    await rm(file, { force: true });
    const name = `vireo-migr-nonet-${tag}`;
    await define(name, tcgGuestXml({ name, memoryMiB: 64, network: net }));
    await refused(name, 'networks', new RegExp(`network "${net}", which h2 host does not have`));
  });

  it('a CPU the destination cannot give', async () => {
    const name = `vireo-migr-nocpu-${tag}`;
    const xml = tcgGuestXml({ name, memoryMiB: 64 }).replace(
      '</vcpu>',
      "</vcpu><cpu mode='custom' match='exact'><model>qemu64</model><feature policy='require' name='avx512f'/></cpu>",
    );
    await define(name, xml);
    await refused(name, 'cpu', /cannot give this VM its CPU.*avx512f/);
  });

  it('not enough space for the copy', async () => {
    const name = `vireo-migr-nospace-${tag}`;
    await m.witness(hostOf(H1), ['vol-create-as', COPY_POOL, `${name}.raw`, '8T', '--allocation', '0', '--format', 'raw']);
    const path = (await m.witness(hostOf(H1), ['vol-path', `${name}.raw`, '--pool', COPY_POOL])).trim();
    await define(name, tcgGuestXml({ name, memoryMiB: 64, withDisk: path }));
    try {
      await refused(name, 'storage', /has .* free; the copied disks need 8\.0 TiB/);
    } finally {
      await m.witness(hostOf(H1), ['undefine', name]).catch(() => undefined);
      await m.witness(hostOf(H1), ['vol-delete', `${name}.raw`, '--pool', COPY_POOL]).catch(() => undefined);
    }
  });
});

describe('offline move of a stopped VM', () => {
  it('copies the disk through streams, verifies it by SHA-256 on h2, then defines it there and undefines it on h1', async () => {
    const name = `vireo-migr-offline-${tag}`;
    names.push(name);
    const disk = await randomVolume(m, hostOf(H1), COPY_POOL, `${name}.raw`, 8 * 1024 * 1024 + 4096);
    await (await m.ctx[H1].libvirt()).domains.defineXml(tcgGuestXml({ name, memoryMiB: 64, withDisk: disk.path }));
    const { jobId } = await migrate(H1, H2, name, { ...base, mode: 'offline' });
    const job = await settledJob(jobId);
    expect(job.error).toBeNull();
    expect(job.result).toMatchObject({ copiedBytes: disk.data.length, checksums: [{ disk: 'vda', sha256: sha(disk.data) }] });
    expect(await where(name)).toEqual({ h1: 'absent', h2: 'shut off' });
    // The witness reads the copy back on h2 itself.
    const { mkdtemp, readFile, rm } = await import('node:fs/promises');
    const dir = await mkdtemp('/tmp/vireo-migr-');
    try {
      await m.witness(hostOf(H2), ['vol-download', `${name}.raw`, `${dir}/copy`, '--pool', COPY_POOL], 60_000);
      expect(sha(await readFile(`${dir}/copy`))).toBe(sha(disk.data));
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
    expect(job.steps.map((s) => s.status)).toEqual(['done', 'done', 'done', 'done', 'done', 'done']);
  }, 120_000);
});
