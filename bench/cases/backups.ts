import { execFile } from 'node:child_process';
import { mkdtemp, readdir, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { promisify } from 'node:util';
import { ConsoleReader } from '../../test/support/console-reader';
import { ensureFixtures, shellPrompt, tcgGuestXml } from '../../test/support/fixtures';
import { useTestDatabase } from '../../test/support/test-db';
import { testHost } from '../../test/support/test-host';
import { testSystemUri } from '../../test/support/test-libvirtd';
import { createTestPool } from '../../test/support/test-pool';
import { virsh, virshDefine } from '../../test/support/virsh';
import type { BenchCase, BenchResult } from '../types';

// Backups of one running TCG guest, same run: Vireo's push backup (full, then incremental after the guest changed
// 4 MiB) next to Debian's virtnbdbackup (pull mode over NBD) doing the same full and incremental with the same
// change. Times are from "start" to "done" (Vireo: the job settled, which is after the sha256 of every copy was
// read back and recorded, the point's success; virtnbdbackup: the process exits). Sizes are what each leaves on disk: the allocation of Vireo's qcow2 volumes, the bytes of
// virtnbdbackup's output files of that level. virtnbdbackup runs after Vireo, so their checkpoints do not meet.
const run = promisify(execFile);
const MiB = 1024 * 1024;
const vm = 'vireo-bench-backup';

async function dirBytes(dir: string, match: (f: string) => boolean): Promise<number> {
  let n = 0;
  for (const f of await readdir(dir)) if (match(f)) n += (await stat(path.join(dir, f))).size;
  return n;
}

const backups: BenchCase = async () => {
  await ensureFixtures();
  const db = await useTestDatabase();
  const suffix = Math.random().toString(36).slice(2, 7);
  const disks = await createTestPool(`vireo-bench-bk-d-${suffix}`);
  const target = await createTestPool(`vireo-bench-bk-t-${suffix}`);
  const out = await mkdtemp(path.join(tmpdir(), 'vireo-bench-vnb-'));
  const host = testHost();
  let reader: ConsoleReader | null = null;
  try {
    await run('qemu-img', ['create', '-q', '-f', 'qcow2', '-o', 'compat=1.1', `${disks.path}/data.qcow2`, '256M']);
    await virsh(['pool-refresh', disks.name]);
    await virshDefine(tcgGuestXml({ name: vm, withDisk: `${disks.path}/data.qcow2` }));
    await virsh(['start', '--paused', vm]);
    reader = await ConsoleReader.forDomain(vm);
    await virsh(['resume', vm]);
    await reader.waitFor(shellPrompt, 120_000);
    const write = async (offsetMiB: number, mib: number) => {
      await reader!.exec(`dd if=/dev/urandom of=/dev/vda bs=1048576 seek=${offsetMiB} count=${mib} conv=fsync 2>/dev/null; sync`, 120_000);
    };
    const { startBackup } = await import('../../lib/backups/run');
    const { jobSettled } = await import('../../lib/jobs/runner');
    const { readPoint } = await import('../../lib/backups/points');
    const actor = { id: null, username: 'bench', ip: null };
    const vireo = async () => {
      const t0 = performance.now();
      const s = await startBackup(host, actor, { vm, pool: target.name });
      await jobSettled(s.jobId);
      const ms = performance.now() - t0;
      const p = await readPoint(s.pointId);
      if (p.status !== 'ok') throw new Error(`Vireo backup failed: ${p.error}`);
      return { ms, bytes: p.sizeBytes, kind: p.kind };
    };
    const nbd = async (level: 'full' | 'inc') => {
      const t0 = performance.now();
      await run('virtnbdbackup', ['-U', testSystemUri, '-d', vm, '-l', level, '-o', out, '-n'], { timeout: 600_000 });
      const ms = performance.now() - t0;
      return { ms, bytes: await dirBytes(out, (f) => f.endsWith('.data') && f.includes(level === 'full' ? '.full.' : '.inc.')) };
    };

    await write(8, 64);
    const vFull = await vireo();
    await write(100, 4);
    const vInc = await vireo();
    // virtnbdbackup refuses to start while checkpoints it did not make exist: Vireo's go first (newest first).
    const ours = (await virsh(['checkpoint-list', vm, '--name', '--topological'])).split('\n').filter(Boolean).reverse();
    for (const cp of ours) await virsh(['checkpoint-delete', vm, cp.trim()]);
    const nFull = await nbd('full');
    await write(100, 4);
    const nInc = await nbd('inc');

    const anchorName = 'virtnbdbackup 1.9 (Debian)';
    const detail = {
      diskMiB: 256,
      writtenMiB: 64,
      changedMiB: 4,
      vireoKinds: [vFull.kind, vInc.kind],
      vireoTimed: 'startBackup to job settled: checks, target volumes, push backup, sha256 of each copy recorded',
    };
    const results: BenchResult[] = [
      { bench: 'backup-full-time', vireo: vFull.ms, anchor: nFull.ms, anchorName, unit: 'ms', detail },
      { bench: 'backup-incremental-time', vireo: vInc.ms, anchor: nInc.ms, anchorName, unit: 'ms', detail },
      { bench: 'backup-full-size', vireo: vFull.bytes / MiB, anchor: nFull.bytes / MiB, anchorName, unit: 'MiB', detail },
      { bench: 'backup-incremental-size', vireo: vInc.bytes / MiB, anchor: nInc.bytes / MiB, anchorName, unit: 'MiB', detail },
    ];
    return results;
  } finally {
    reader?.close();
    await virsh(['destroy', vm]).catch(() => undefined);
    await virsh(['undefine', vm, '--checkpoints-metadata']).catch(() => undefined);
    await disks.dispose();
    await target.dispose();
    await rm(out, { recursive: true, force: true });
    await host.close();
    await db.dispose();
  }
};

export default backups;
