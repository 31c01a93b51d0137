import { execFile } from 'node:child_process';
import { copyFile, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { promisify } from 'node:util';
import { adminSession } from '../../e2e/support/http-session';
import { startVireo } from '../../e2e/support/server';
import { cloudImagePath, ensureFixtures } from '../../test/support/fixtures';
import { createTestPool } from '../../test/support/test-pool';
import { testSystemUri } from '../../test/support/test-libvirtd';
import { virsh, virshCleanupDomain } from '../../test/support/virsh';
import type { BenchCase } from '../types';

// From "create" to the domain running, with the base image already in the pool: Vireo's API (plan, qcow2
// overlay, cloud-init seed built and uploaded, define, start — the job polled until it reports success) next to
// `virt-install --import --cloud-init` making the same overlay, seed and domain on the same host, same run.
// Both stop at "running": the guest's own boot is not in either figure. Rounds alternate between the two.
const run = promisify(execFile);
const ROUNDS = 5;

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const r1 = (n: number) => Number(n.toFixed(1));

async function removeVm(name: string, poolName: string, volumes: string[]): Promise<void> {
  await virshCleanupDomain(name);
  for (const v of volumes) await virsh(['vol-delete', v, '--pool', poolName]).catch(() => undefined);
}

const vmCreate: BenchCase = async () => {
  await ensureFixtures();
  const suffix = Math.random().toString(36).slice(2, 7);
  const pool = await createTestPool(`vireo-bench-create-${suffix}`);
  const scratch = await mkdtemp(path.join(tmpdir(), 'vireo-bench-ci-'));
  const server = await startVireo({ VIREO_TLS: 'off', VIREO_FORCE_EMULATION: '1' });
  // virt-install defines a "boot" pool for its temporary cloud-init ISOs; leave the host as it was found.
  const hadBootPool = await virsh(['pool-info', 'boot']).then(
    () => true,
    () => false,
  );
  try {
    await copyFile(cloudImagePath, path.join(pool.path, 'base.qcow2'));
    await virsh(['pool-refresh', pool.name]);
    const session = await adminSession(server);
    const api = async (p: string, body?: unknown) => {
      const res = await fetch(`${server.url}${p}`, {
        method: body ? 'POST' : 'GET',
        headers: { ...session.headers, 'content-type': 'application/json', origin: server.url },
        body: body ? JSON.stringify(body) : undefined,
      });
      const json = (await res.json()) as Record<string, unknown>;
      if (!res.ok) throw new Error(`${p}: ${res.status} ${JSON.stringify(json)}`);
      return json;
    };
    const userData = '#cloud-config\nhostname: bench\nusers:\n  - name: bench\n    lock_passwd: true\n';
    await writeFile(path.join(scratch, 'user-data'), userData);
    await writeFile(path.join(scratch, 'meta-data'), 'instance-id: bench\nlocal-hostname: bench\n');

    const postMs: number[] = [];
    const vireo = async (name: string, start = true) => {
      const t0 = performance.now();
      const { jobId } = await api('/api/vms', {
        name,
        source: { kind: 'cloud-image', image: { from: 'volume', pool: pool.name, volume: 'base.qcow2' } },
        resources: { vcpus: 1, memoryMiB: 192 },
        storage: { pool: pool.name, sizeGiB: 1, bus: 'virtio' },
        network: { type: 'none' },
        cloudInit: { hostname: 'bench', user: { name: 'bench' } },
        start,
      });
      if (start) postMs.push(performance.now() - t0);
      for (;;) {
        const job = await api(`/api/jobs/${jobId as string}`);
        if (job.status === 'succeeded') break;
        if (job.status !== 'running') throw new Error(`create job ${String(job.status)}: ${String(job.error)}`);
        await new Promise((r) => setTimeout(r, 5));
      }
      const ms = performance.now() - t0;
      if (!start) return ms;
      if ((await virsh(['domstate', name])).trim() !== 'running') throw new Error(`${name} is not running`);
      await removeVm(name, pool.name, [`${name}.qcow2`, `${name}-seed.iso`]);
      return ms;
    };
    const virtInstall = async (name: string) => {
      const t0 = performance.now();
      await run('virt-install', [
        '--connect',
        testSystemUri,
        '--import',
        '--name',
        name,
        '--memory',
        '192',
        '--vcpus',
        '1',
        '--virt-type',
        'qemu',
        '--osinfo',
        'detect=on,require=off',
        '--disk',
        `pool=${pool.name},size=1,backing_store=${pool.path}/base.qcow2,backing_format=qcow2,format=qcow2,bus=virtio`,
        '--cloud-init',
        `user-data=${scratch}/user-data,meta-data=${scratch}/meta-data`,
        '--network',
        'none',
        '--graphics',
        'vnc,listen=127.0.0.1',
        '--noautoconsole',
      ]);
      const ms = performance.now() - t0;
      if ((await virsh(['domstate', name])).trim() !== 'running') throw new Error(`${name} is not running`);
      await removeVm(name, pool.name, [`${name}.qcow2`]);
      return ms;
    };

    // The floor both share: libvirt starting QEMU for an already defined domain (same XML Vireo generates).
    const startOnlyMs: number[] = [];
    const startOnly = async (name: string) => {
      await vireo(name, false);
      const t0 = performance.now();
      await run('virsh', ['-c', testSystemUri, 'start', name]);
      startOnlyMs.push(performance.now() - t0);
      await removeVm(name, pool.name, [`${name}.qcow2`, `${name}-seed.iso`]);
    };

    await vireo(`vireo-bench-warm-${suffix}`); // first request compiles routes and opens connections
    const vireoMs: number[] = [];
    const anchorMs: number[] = [];
    for (let i = 0; i < ROUNDS; i++) {
      vireoMs.push(await vireo(`vireo-bench-v${i}-${suffix}`));
      anchorMs.push(await virtInstall(`vireo-bench-vi${i}-${suffix}`));
      await startOnly(`vireo-bench-s${i}-${suffix}`);
    }
    return [
      {
        bench: 'vm-create',
        vireo: r1(median(vireoMs)),
        anchor: r1(median(anchorMs)),
        anchorName: 'virt-install --import --cloud-init (Debian virtinst; overlay on the same base, seed, define, start)',
        unit: 'ms',
        detail: {
          rounds: ROUNDS,
          vireoMs: vireoMs.map(r1),
          virtInstallMs: anchorMs.map(r1),
          speedup: Number((median(anchorMs) / median(vireoMs)).toFixed(2)),
          vireoPlanAndQueueMs: r1(median(postMs.slice(1))),
          libvirtStartOnlyMs: r1(median(startOnlyMs)),
          note:
            'Both figures contain libvirt starting QEMU (libvirtStartOnlyMs: virsh start of a domain already defined). When that floor alone is above ' +
            "half of virt-install's time, 2x cannot be reached by any client.",
          target: 'at least 2x faster than virt-install and under 1000 ms',
        },
      },
    ];
  } finally {
    if (!hadBootPool) {
      await virsh(['pool-destroy', 'boot']).catch(() => undefined);
      await virsh(['pool-undefine', 'boot']).catch(() => undefined);
    }
    await server.stop();
    await pool.dispose();
    await rm(scratch, { recursive: true, force: true });
  }
};

export default vmCreate;
