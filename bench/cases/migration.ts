import { performance } from 'node:perf_hooks';
import { bootCounterGuest, migrationHosts, removeGuest } from '../../test/support/migration-hosts';
import { useTestDatabase } from '../../test/support/test-db';
import type { BenchCase, BenchResult } from '../types';

// Live migration of one running TCG guest (128 MiB, its console counting) between the namespaced test hosts h1
// and h2, to and fro: through Vireo (startMigration: both hosts checked, the job, peer-to-peer migration, progress
// polled, the result verified) and through `virsh migrate --live --p2p --persistent --undefinesource` with the
// same flags, same guest, same run. Rounds alternate which goes first and in which direction. Downtime is
// libvirt's own figure for the finished job (`domjobinfo --completed` on the destination) for both.
const ROUNDS = 6;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

const migrationBench: BenchCase = async () => {
  const db = await useTestDatabase();
  const m = await migrationHosts();
  const { precheckMigration, startMigration } = await import('../../lib/migration');
  const { jobSettled } = await import('../../lib/jobs/runner');
  const { readJob } = await import('../../lib/jobs/store');
  const name = `vireo-bench-migr-${Math.random().toString(36).slice(2, 7)}`;
  const actor = { id: null, username: 'bench', ip: null };
  let at: 0 | 1 = 0;
  const downtime = async (to: 0 | 1) => {
    const info = await m.witness(m.hosts[to], ['domjobinfo', name, '--completed']);
    return Number(/Total downtime:\s+(\d+)/.exec(info)?.[1] ?? Number.NaN);
  };
  const viaVireo = async (to: 0 | 1) => {
    const t0 = performance.now();
    const { jobId } = await startMigration({
      source: m.ctx[at],
      dest: m.ctx[to],
      name,
      options: { mode: 'live', storage: 'shared', persistent: true, undefineSource: true },
      actor,
      peer: { uri: m.peerUri(m.hosts[to]) },
    });
    await jobSettled(jobId);
    const ms = performance.now() - t0;
    const job = await readJob(jobId);
    if (job?.status !== 'succeeded') throw new Error(`Vireo's migration ${job?.status}: ${job?.error}`);
    return ms;
  };
  const viaVirsh = async (to: 0 | 1) => {
    const t0 = performance.now();
    const dest = m.hosts[to];
    await m.witness(
      m.hosts[at],
      ['migrate', '--live', '--p2p', '--persistent', '--undefinesource', '--abort-on-error', name, m.peerUri(dest), '--migrateuri', `tcp://${dest.address}`],
      300_000,
    );
    return performance.now() - t0;
  };
  const samples = { vireo: [] as number[], virsh: [] as number[], vireoDown: [] as number[], virshDown: [] as number[] };
  try {
    const g = await bootCounterGuest(await m.ctx[0].libvirt(), name);
    g.console.stop();
    // A serving Vireo has its connections to both hosts open already: open them before timing anything.
    await readJob('warm-up');
    await precheckMigration(m.ctx[0], m.ctx[1], name, { mode: 'live', storage: 'shared', persistent: true, undefineSource: true });
    for (let round = 0; round < ROUNDS; round++) {
      const order: ('vireo' | 'virsh')[] = round % 2 ? ['virsh', 'vireo'] : ['vireo', 'virsh'];
      for (const who of order) {
        const to: 0 | 1 = at === 0 ? 1 : 0;
        samples[who].push(await (who === 'vireo' ? viaVireo(to) : viaVirsh(to)));
        at = to;
        samples[who === 'vireo' ? 'vireoDown' : 'virshDown'].push(await downtime(to));
      }
    }
  } finally {
    await removeGuest(m, name);
    await m.close();
    const { db: client } = await import('../../lib/db/client');
    await client().$disconnect();
    await db.dispose();
  }
  const detail = { rounds: ROUNDS, guestMiB: 128, vireoMs: samples.vireo.map(Math.round), virshMs: samples.virsh.map(Math.round) };
  const results: BenchResult[] = [
    {
      bench: 'migration-live-total',
      vireo: median(samples.vireo),
      anchor: median(samples.virsh),
      unit: 'ms',
      anchorName: 'virsh migrate --live --p2p',
      detail,
    },
    {
      bench: 'migration-live-downtime',
      vireo: median(samples.vireoDown),
      anchor: median(samples.virshDown),
      unit: 'ms',
      anchorName: 'virsh migrate --live --p2p',
      detail: { vireoMs: samples.vireoDown, virshMs: samples.virshDown },
    },
  ];
  return results;
};

export default migrationBench;
