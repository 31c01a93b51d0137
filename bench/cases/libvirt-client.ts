import { performance } from 'node:perf_hooks';
import { connect, type DomainRef, type LibvirtClient } from '../../lib/libvirt/index';
import type { BenchResult } from '../types';
import { AnchorProcess } from '../support/anchor-process';
import { BENCH_PREFIX, defineBenchDomains, undefineBenchDomains } from '../support/bench-domains';
import { median, percentile, r3 } from '../support/samples';
import { testSystemUri } from '../../test/support/test-libvirtd';

// Issue 2: Vireo's libvirt client against libvirt's own C client (python3-libvirt, timed in-process), both on
// the same libvirtd with DOMAINS defined domains. The machine is shared and noisy, so the work is cut into
// ROUNDS short blocks per case, alternating anchor-first and Vireo-first: load spikes land on both sides alike.
// Each side warms up once per case before any sample, and a little before every block.

const URI = process.env.VIREO_BENCH_URI ?? testSystemUri;
const DOMAINS = 500;
const ROUNDS = 8;
const ANCHOR = 'python3-libvirt (C client)';
const PYTHON = process.env.VIREO_BENCH_PYTHON ?? '/usr/bin/python3';

type CaseName = 'get-version' | 'list-all' | 'all-stats' | 'xml-all';
interface Plan {
  firstWarmup: number;
  warmup: number;
  iterations: number;
}
/** iterations and warmup are per block; both sides use the same counts. */
const PLAN: Record<CaseName, Plan> = {
  'get-version': { firstWarmup: 500, warmup: 20, iterations: 250 },
  'list-all': { firstWarmup: 30, warmup: 5, iterations: 40 },
  'all-stats': { firstWarmup: 10, warmup: 2, iterations: 12 },
  'xml-all': { firstWarmup: 2, warmup: 1, iterations: 3 },
};
const CASES = Object.keys(PLAN) as CaseName[];

async function timed(warmup: number, iterations: number, fn: () => Promise<unknown>, into: number[]): Promise<void> {
  for (let i = 0; i < warmup; i++) await fn();
  for (let i = 0; i < iterations; i++) {
    const t0 = performance.now();
    await fn();
    into.push(performance.now() - t0);
  }
}

type VireoCase = CaseName | 'xml-all-sequential';
type Samples = Record<VireoCase, number[]>;

function vireoBodies(client: LibvirtClient, doms: DomainRef[]): Record<VireoCase, () => Promise<unknown>> {
  return {
    'get-version': () => client.host.hypervisorVersion(),
    'list-all': () => client.domains.listAll(),
    'all-stats': () => client.domains.allStats(0, 0),
    // Every call goes out at once; the daemon answers them as its workers get to them.
    'xml-all': () => Promise.all(doms.map((d) => client.domains.xml(d))),
    // The C client's way, for an honest view of what pipelining alone is worth.
    'xml-all-sequential': async () => {
      for (const d of doms) await client.domains.xml(d);
    },
  };
}

async function measure(client: LibvirtClient, anchor: AnchorProcess, doms: DomainRef[]): Promise<{ vireo: Samples; anchor: Samples }> {
  const v: Samples = { 'get-version': [], 'list-all': [], 'all-stats': [], 'xml-all': [], 'xml-all-sequential': [] };
  const a: Samples = { 'get-version': [], 'list-all': [], 'all-stats': [], 'xml-all': [], 'xml-all-sequential': [] };
  const bodies = vireoBodies(client, doms);
  const vireoCases = (c: CaseName): VireoCase[] => (c === 'xml-all' ? ['xml-all', 'xml-all-sequential'] : [c]);
  for (const c of CASES) {
    const p = PLAN[c];
    await anchor.run({ case: c, warmup: p.firstWarmup, iterations: 0 });
    for (const vc of vireoCases(c)) await timed(p.firstWarmup, 0, bodies[vc], []);
    for (let round = 0; round < ROUNDS; round++) {
      const anchorBlock = async () => a[c].push(...(await anchor.run({ case: c, warmup: p.warmup, iterations: p.iterations })));
      const vireoBlock = async () => {
        for (const vc of vireoCases(c)) await timed(p.warmup, p.iterations, bodies[vc], v[vc]);
      };
      if (round % 2 === 0) {
        await anchorBlock();
        await vireoBlock();
      } else {
        await vireoBlock();
        await anchorBlock();
      }
    }
  }
  return { vireo: v, anchor: a };
}

export default async function libvirtClientBench(): Promise<BenchResult[]> {
  const client = await connect(URI);
  let doms: DomainRef[];
  let totalDomains = 0;
  let samples: { vireo: Samples; anchor: Samples };
  try {
    doms = await defineBenchDomains(client, DOMAINS);
    if (doms.length < DOMAINS) throw new Error(`only ${doms.length} of ${DOMAINS} bench domains are defined`);
    totalDomains = (await client.domains.listAll()).length;
    const { anchor, domains: anchorDomains } = await AnchorProcess.start(PYTHON, { uri: URI, prefix: BENCH_PREFIX });
    try {
      if (anchorDomains !== doms.length) throw new Error(`the anchor sees ${anchorDomains} bench domains, Vireo ${doms.length}`);
      samples = await measure(client, anchor, doms);
    } finally {
      await anchor.stop();
    }
  } finally {
    try {
      if (process.env.VIREO_BENCH_KEEP_DOMAINS !== '1') await undefineBenchDomains(client);
    } finally {
      await client.close();
    }
  }

  const { vireo, anchor } = samples;
  const line = (bench: string, c: VireoCase, target: { maxRatio: number; label: string } | null, extra: Record<string, unknown> = {}): BenchResult => {
    const v = vireo[c];
    const a = anchor[c === 'xml-all-sequential' ? 'xml-all' : c];
    const p = PLAN[c === 'xml-all-sequential' ? 'xml-all' : c];
    const ratio = median(v) / median(a);
    return {
      bench: `libvirt-client/${bench}`,
      vireo: median(v),
      anchor: median(a),
      anchorName: ANCHOR,
      unit: 'ms',
      detail: {
        ...(target ? { target: target.label, met: ratio <= target.maxRatio } : { target: 'none (shows what pipelining alone is worth)' }),
        vireoP90: r3(percentile(v, 90)),
        anchorP90: r3(percentile(a, 90)),
        samplesPerSide: v.length,
        rounds: ROUNDS,
        warmup: `${p.firstWarmup} first, ${p.warmup} per block`,
        domains: totalDomains,
        ...extra,
      },
    };
  };
  const single = { maxRatio: 1.2, label: 'ratio <= 1.2 (at most 1.2x the C client median)' };
  const xml = { xmlFetched: doms.length, anchorMode: 'sequential loop' };
  return [
    line('get-version', 'get-version', single, { proc: 'CONNECT_GET_VERSION' }),
    line('list-all-domains', 'list-all', single),
    line('all-domain-stats', 'all-stats', single),
    line(
      'xml-all-domains',
      'xml-all',
      { maxRatio: 1 / 3, label: 'ratio <= 0.333 (at least 3x faster than the C loop)' },
      { ...xml, vireoMode: 'pipelined (Promise.all)' },
    ),
    line('xml-all-domains-sequential', 'xml-all-sequential', null, { ...xml, vireoMode: 'sequential loop' }),
  ];
}
