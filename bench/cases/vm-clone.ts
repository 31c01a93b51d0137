import { execFile } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { copyFile, rm } from 'node:fs/promises';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { promisify } from 'node:util';
import { cloudImagePath, ensureFixtures } from '../../test/support/fixtures';
import { useTestDatabase } from '../../test/support/test-db';
import { testHost } from '../../test/support/test-host';
import { testSystemUri } from '../../test/support/test-libvirtd';
import { createTestPool } from '../../test/support/test-pool';
import { virsh } from '../../test/support/virsh';
import type { BenchCase } from '../types';

// Cloning a stopped VM with two disks (the 16 MiB fixture cloud image and a 64 MiB disk of random data, both
// qcow2 in a directory pool): Vireo's clone job, full (volumes copied through libvirt) and linked (qcow2 overlays),
// next to Debian's `virt-clone --auto-clone` (full copies; virtinst has no linked clones) of the same source in the
// same run. Vireo is measured at its service (the job from start to settled, its database writes included), not
// through HTTP. Full rounds alternate with virt-clone's; linked rounds come last, as they make the source a
// template (read-only disks, which virt-clone would then share instead of copying).
const run = promisify(execFile);
const ROUNDS = 5;

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const r1 = (n: number) => Number(n.toFixed(1));

function sourceXml(name: string, dir: string): string {
  const disk = (file: string, dev: string) =>
    `<disk type="file" device="disk"><driver name="qemu" type="qcow2"/><source file="${dir}/${file}"/><target dev="${dev}" bus="virtio"/></disk>`;
  return `<domain type="qemu"><name>${name}</name><uuid>${randomUUID()}</uuid><memory unit="MiB">128</memory><vcpu>1</vcpu>
<os><type arch="x86_64" machine="pc">hvm</type></os><devices>${disk('src.qcow2', 'vda')}${disk('data.qcow2', 'vdb')}
<serial type="pty"><target port="0"/></serial></devices></domain>`;
}

const vmClone: BenchCase = async () => {
  await ensureFixtures();
  const suffix = Math.random().toString(36).slice(2, 7);
  const pool = await createTestPool(`vireo-bench-clone-${suffix}`);
  const db = await useTestDatabase();
  const host = testHost();
  const src = `vireo-bench-clsrc-${suffix}`;
  const made: string[] = [];
  const { startClone } = await import('../../lib/clones/clone');
  const { jobSettled } = await import('../../lib/jobs/runner');
  const { readJob } = await import('../../lib/jobs/store');
  const actor = { id: null, username: 'bench', ip: null };
  const removeClone = async (name: string) => {
    await virsh(['undefine', name]).catch(() => undefined);
    for (const v of ['vda', 'vdb']) await virsh(['vol-delete', `${name}-${v}.qcow2`, '--pool', pool.name]).catch(() => undefined);
  };
  try {
    await copyFile(cloudImagePath, path.join(pool.path, 'src.qcow2'));
    const raw = path.join(pool.path, 'data.raw');
    await run('dd', ['if=/dev/urandom', `of=${raw}`, 'bs=1M', 'count=64', 'status=none']);
    await run('qemu-img', ['convert', '-q', '-f', 'raw', '-O', 'qcow2', raw, path.join(pool.path, 'data.qcow2')]);
    await rm(raw);
    await virsh(['pool-refresh', pool.name]);
    await (await host.libvirt()).domains.defineXml(sourceXml(src, pool.path));
    made.push(src);

    const vireo = async (name: string, mode: 'full' | 'linked') => {
      const t0 = performance.now();
      const { jobId } = await startClone(host, src, { name, mode }, actor);
      await jobSettled(jobId);
      const ms = performance.now() - t0;
      const job = await readJob(jobId);
      if (job?.status !== 'succeeded') throw new Error(`clone job ${job?.status}: ${job?.error}`);
      await removeClone(name);
      return ms;
    };
    const virtClone = async (name: string) => {
      const t0 = performance.now();
      await run('virt-clone', ['--connect', testSystemUri, '--original', src, '--name', name, '--auto-clone', '--quiet']);
      const ms = performance.now() - t0;
      const xml = await virsh(['dumpxml', name]);
      await virsh(['undefine', name]);
      for (const m of xml.matchAll(/<source file='([^']+)'/g))
        if (!m[1]!.endsWith('/src.qcow2') && !m[1]!.endsWith('/data.qcow2')) await rm(m[1]!, { force: true });
      await virsh(['pool-refresh', pool.name]);
      return ms;
    };

    await vireo(`vireo-bench-clw-${suffix}`, 'full'); // first job opens connections and the database
    const fullMs: number[] = [];
    const anchorMs: number[] = [];
    for (let i = 0; i < ROUNDS; i++) {
      fullMs.push(await vireo(`vireo-bench-clf${i}-${suffix}`, 'full'));
      anchorMs.push(await virtClone(`vireo-bench-clv${i}-${suffix}`));
    }
    const linkedMs: number[] = [];
    for (let i = 0; i < ROUNDS; i++) linkedMs.push(await vireo(`vireo-bench-cll${i}-${suffix}`, 'linked'));
    const anchorName = 'virt-clone --auto-clone (Debian virtinst 4.1; full copies, same source, same run)';
    const detail = { rounds: ROUNDS, disks: '2 qcow2 (16 MiB cloud image + 64 MiB random data)', measured: 'service job start→settled, no HTTP' };
    return [
      {
        bench: 'vm-clone-full',
        vireo: r1(median(fullMs)),
        anchor: r1(median(anchorMs)),
        anchorName,
        unit: 'ms',
        detail: { ...detail, vireoMs: fullMs.map(r1), anchorMs: anchorMs.map(r1) },
      },
      {
        bench: 'vm-clone-linked',
        vireo: r1(median(linkedMs)),
        anchor: r1(median(anchorMs)),
        anchorName,
        unit: 'ms',
        detail: { ...detail, vireoMs: linkedMs.map(r1), target: 'under 1000 ms', met: median(linkedMs) < 1000 },
      },
    ];
  } finally {
    for (const name of made) await virsh(['undefine', name]).catch(() => undefined);
    await pool.dispose();
    await host.close();
    await (await import('../../lib/db/client'))
      .db()
      .$disconnect()
      .catch(() => undefined);
    await db.dispose();
  }
};

export default vmClone;
