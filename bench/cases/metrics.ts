import { execFile, spawn } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { promisify } from 'node:util';
import { connect, type DomainRef } from '../../lib/libvirt';
import { startVireo, freePort, type VireoServer } from '../../e2e/support/server';
import { adminSession } from '../../e2e/support/http-session';
import { ConsoleReader } from '../../test/support/console-reader';
import { bootBanner, ensureFixtures, tcgGuestXml } from '../../test/support/fixtures';
import { testSystemUri } from '../../test/support/test-libvirtd';
import { BENCH_PREFIX, defineBenchDomains, undefineBenchDomains } from '../support/bench-domains';
import { median, percentile, r3 } from '../support/samples';
import type { BenchCase } from '../types';

// GET /metrics with 1,000 defined and 5 running domains, next to Debian's prometheus-libvirt-exporter on the same
// daemon in the same run (alternating blocks, so both see the same machine load): time and CPU per scrape, both
// as a server answers by default (from its collector's current round) and sampling libvirt afresh (collection
// off). Then the collector's CPU at the default interval (against the exporter scraped as often), and a month's
// graph of one VM from a month of stored history. Targets (issue 17): scrape <= 0.5x the exporter, collector < 1 % of a core,
// month graph < 100 ms.

const run = promisify(execFile);
const URI = process.env.VIREO_BENCH_URI ?? testSystemUri;
const DEFINED = Number(process.env.VIREO_BENCH_DOMAINS ?? 1000);
const RUNNING = 5;
const BLOCKS = 5;
const PER_BLOCK = 4;
const COLLECTOR_SECONDS = Number(process.env.VIREO_BENCH_COLLECTOR_SECONDS ?? 60);
const root = path.join(path.dirname(new URL(import.meta.url).pathname), '../..');
const TICK = 100; // USER_HZ: /proc's CPU times are in these
const SERVER_ENV = { LIBVIRT_URI: URI, VIREO_TLS: 'off', VIREO_FORCE_EMULATION: '1' };

/** CPU seconds used so far by every process of a process group (the server runs as tsx plus its Node child). */
function groupCpu(pgid: number): number {
  let ticks = 0;
  for (const e of readdirSync('/proc')) {
    if (!/^\d+$/.test(e)) continue;
    try {
      const stat = readFileSync(`/proc/${e}/stat`, 'utf8');
      const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      // After the name: state(0) ppid(1) pgrp(2) ... utime(11) stime(12)
      if (Number(f[2]) === pgid) ticks += Number(f[11]) + Number(f[12]);
    } catch {
      // gone meanwhile
    }
  }
  return ticks / TICK;
}

async function scrape(url: string, headers: Record<string, string>): Promise<{ ms: number; bytes: number; body: string }> {
  const t0 = performance.now();
  const res = await fetch(url, { headers });
  const body = await res.text();
  if (res.status !== 200) throw new Error(`${url}: ${res.status} ${body.slice(0, 200)}`);
  return { ms: performance.now() - t0, bytes: body.length, body };
}

/** What an exposition holds: samples (lines that are not comments) and the domains they name. */
function coverage(body: string): { samples: number; domains: number } {
  const lines = body.split('\n').filter((l) => l && !l.startsWith('#'));
  const domains = new Set(lines.map((l) => /[{,]domain="([^"]*)"/.exec(l)?.[1]).filter((d) => d !== undefined));
  return { samples: lines.length, domains: domains.size };
}

async function startExporter(): Promise<{ url: string; pgid: number; stop: () => void }> {
  const port = await freePort();
  const child = spawn('prometheus-libvirt-exporter', [`--libvirt.uri=${URI}`, `--web.listen-address=127.0.0.1:${port}`], { stdio: 'ignore', detached: true });
  const url = `http://127.0.0.1:${port}/metrics`;
  for (let i = 0; i < 100; i++) {
    if (
      await fetch(url).then(
        (r) => r.ok,
        () => false,
      )
    )
      break;
    await new Promise((r) => setTimeout(r, 100));
  }
  return { url, pgid: child.pid!, stop: () => child.kill('SIGTERM') };
}

interface ScrapeSide {
  ms: number[];
  cpu: number;
  n: number;
  bytes: number;
  body: string;
}

/** Scrapes of ours and the exporter's /metrics in alternating blocks (both see the same load): times and CPU. */
async function compareScrapes(
  url: string,
  bearer: Record<string, string>,
  pgid: number,
  exporter: { url: string; pgid: number },
): Promise<{ ours: ScrapeSide; theirs: ScrapeSide }> {
  const ours: ScrapeSide = { ms: [], cpu: 0, n: 0, bytes: 0, body: '' };
  const theirs: ScrapeSide = { ms: [], cpu: 0, n: 0, bytes: 0, body: '' };
  for (let i = 0; i < 2; i++) {
    await scrape(url, bearer);
    await scrape(exporter.url, {});
  }
  const block = async (side: ScrapeSide, target: string, headers: Record<string, string>, group: number) => {
    const c0 = groupCpu(group);
    for (let i = 0; i < PER_BLOCK; i++) {
      const s = await scrape(target, headers);
      side.ms.push(s.ms);
      side.bytes = s.bytes;
      side.body = s.body;
    }
    side.cpu += groupCpu(group) - c0;
    side.n += PER_BLOCK;
  };
  for (let b = 0; b < BLOCKS; b++) {
    await block(ours, url, bearer, pgid);
    await block(theirs, exporter.url, {}, exporter.pgid);
  }
  return { ours, theirs };
}

/** Starts the running guests into `doms` (filled as they are made, so a failure still leaves them to clean up). */
async function startGuests(client: Awaited<ReturnType<typeof connect>>, tag: string, doms: DomainRef[]): Promise<void> {
  await ensureFixtures();
  const readers: ConsoleReader[] = [];
  try {
    for (let i = 0; i < RUNNING; i++) {
      const dom = await client.domains.defineXml(tcgGuestXml({ name: `${BENCH_PREFIX}run-${tag}-${i}`, memoryMiB: 96 }));
      doms.push(dom);
      await client.domains.create(dom);
      // 96 MiB: the fixture kernel and initramfs do not boot in 64. The console is opened at once, before the
      // guest prints its banner (a pty nobody reads drops what it was sent).
      readers.push(await ConsoleReader.forDomain(dom.name, { uri: URI }));
    }
    // Booting under TCG takes a core each: measure only once they idle at their shell.
    await Promise.all(readers.map((r) => r.waitFor(bootBanner, 300_000)));
  } finally {
    for (const r of readers) r.close();
  }
}

const metricsBench: BenchCase = async () => {
  const client = await connect(URI);
  const tag = Math.random().toString(36).slice(2, 6);
  const guests: DomainRef[] = [];
  let server: VireoServer | null = null;
  let exporter: Awaited<ReturnType<typeof startExporter>> | null = null;
  try {
    await defineBenchDomains(client, DEFINED);
    await startGuests(client, tag, guests);
    const total = (await client.domains.listAll()).length;

    // 1. Fresh scrapes, the collector off (each scrape samples libvirt itself). Emulation forced in both
    // servers: otherwise each starts test guests at start-up (lib/host/virt-type.ts) that boot, under TCG, while
    // the scrapes and the collector are measured.
    server = await startVireo({ ...SERVER_ENV, VIREO_METRICS_INTERVAL_SECONDS: 'off' });
    const session = await adminSession(server);
    const made = await fetch(`${server.url}/api/tokens`, {
      method: 'POST',
      headers: { ...session.headers, 'content-type': 'application/json' },
      body: JSON.stringify({ name: 'bench', role: 'viewer' }),
    });
    const { secret } = (await made.json()) as { secret: string };
    const bearer = { authorization: `Bearer ${secret}` };
    exporter = await startExporter();
    const fresh = await compareScrapes(`${server.url}/metrics`, bearer, server.pgid, exporter);
    const dataDir = server.dataDir;
    await server.stop({ keepData: true });
    server = null;

    // 2. A month of one running VM's history, written while no server holds the database.
    const target = guests[0]!;
    const mac = 'no-nic';
    const nowS = Math.floor(Date.now() / 1000);
    await run(
      path.join(root, 'node_modules/.bin/tsx'),
      [
        '--import',
        './server/server-only-hook.mjs',
        'bench/support/seed-metrics.ts',
        JSON.stringify({ hostId: 'local', uuid: target.uuid, name: target.name, nowS, mac }),
      ],
      { cwd: root, env: { ...process.env, VIREO_DATA_DIR: dataDir, DATABASE_URL: `file:${path.join(dataDir, 'vireo.db')}` }, timeout: 120_000 },
    );

    // 3. The collector at the default interval: the server's CPU while nobody asks it anything.
    server = await startVireo(SERVER_ENV, { dataDir });
    await new Promise((r) => setTimeout(r, 15_000)); // start-up and the first samples
    const c0 = groupCpu(server.pgid);
    const t0 = performance.now();
    await new Promise((r) => setTimeout(r, COLLECTOR_SECONDS * 1000));
    const collectorCore = ((groupCpu(server.pgid) - c0) / ((performance.now() - t0) / 1000)) * 100;

    // 4. Scrapes as a server runs by default: answered from the collector's current round. A round that lands in a
    // block counts in the block's CPU (charged to the scrapes, not subtracted).
    const { ours, theirs } = await compareScrapes(`${server.url}/metrics`, bearer, server.pgid, exporter);
    const exporterCpuPerScrape = (theirs.cpu + fresh.theirs.cpu) / (theirs.n + fresh.theirs.n);

    // 5. The month graph, read with the token.
    const graphUrl = `${server.url}/api/vms/${encodeURIComponent(target.name)}/metrics?range=1mo`;
    const first = await scrape(graphUrl, bearer);
    const graph: number[] = [];
    for (let i = 0; i < 15; i++) graph.push((await scrape(graphUrl, bearer)).ms);
    const answer = (await (await fetch(graphUrl, { headers: bearer })).json()) as { t: number[]; series: Record<string, (number | null)[]> };
    const filled = answer.series.cpu?.filter((v) => v !== null).length ?? 0;

    const detail = { defined: total, running: RUNNING };
    return [
      {
        bench: 'metrics-scrape',
        vireo: median(ours.ms),
        anchor: median(theirs.ms),
        anchorName: `prometheus-libvirt-exporter (Debian), same daemon, alternating blocks`,
        unit: 'ms',
        detail: {
          ...detail,
          scrapes: ours.n,
          p90Ms: r3(percentile(ours.ms, 90)),
          anchorP90Ms: r3(percentile(theirs.ms, 90)),
          bodyBytes: ours.bytes,
          anchorBodyBytes: theirs.bytes,
          // Both leave shut-off domains out: they are only counted (libvirt_domains_number).
          samples: coverage(ours.body),
          anchorSamples: coverage(theirs.body),
          served: "the collector's current round (the default: collection on, every 10 s)",
          target: 'vireo <= 0.5 x anchor',
        },
      },
      {
        bench: 'metrics-scrape-fresh',
        vireo: median(fresh.ours.ms),
        anchor: median(fresh.theirs.ms),
        anchorName: `prometheus-libvirt-exporter (Debian), same daemon, alternating blocks`,
        unit: 'ms',
        detail: {
          ...detail,
          scrapes: fresh.ours.n,
          p90Ms: r3(percentile(fresh.ours.ms, 90)),
          anchorP90Ms: r3(percentile(fresh.theirs.ms, 90)),
          cpuPerScrapeMs: r3((fresh.ours.cpu / fresh.ours.n) * 1000),
          anchorCpuPerScrapeMs: r3((fresh.theirs.cpu / fresh.theirs.n) * 1000),
          served: 'a fresh sample per scrape (collection off): libvirt asks each QEMU ~7 monitor questions per domain',
        },
      },
      {
        bench: 'metrics-scrape-cpu',
        vireo: (ours.cpu / ours.n) * 1000,
        anchor: exporterCpuPerScrape * 1000,
        anchorName: 'prometheus-libvirt-exporter CPU per scrape (its process; libvirtd not counted for either)',
        unit: 'ms',
        detail: { ...detail, note: 'CPU time of the serving processes per scrape, /proc utime+stime at 10 ms resolution' },
      },
      {
        bench: 'metrics-collector-cpu',
        vireo: collectorCore,
        anchor: (exporterCpuPerScrape / 10) * 100,
        anchorName: 'prometheus-libvirt-exporter scraped every 10 s (percent of one core)',
        unit: '%core',
        detail: {
          ...detail,
          seconds: COLLECTOR_SECONDS,
          intervalSeconds: 10,
          note: 'whole idle server process, collector included',
          target: '< 1 % of one core',
        },
      },
      {
        bench: 'metrics-month-graph',
        vireo: median(graph),
        anchor: 100,
        anchorName: 'target (issue 17): 100 ms',
        unit: 'ms',
        detail: { firstMs: r3(first.ms), p90Ms: r3(percentile(graph, 90)), points: answer.t.length, pointsWithCpu: filled, storedRows: '2976 + 1440 + 360' },
      },
    ];
  } finally {
    exporter?.stop();
    await server?.stop();
    for (const d of guests) {
      await client.domains.destroy(d).catch(() => undefined);
      await client.domains.undefine(d).catch(() => undefined);
    }
    await undefineBenchDomains(client).catch(() => undefined);
    await client.close();
  }
};

export default metricsBench;
