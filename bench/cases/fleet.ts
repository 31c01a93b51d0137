import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { promisify } from 'node:util';
import { connect, DomainEventType, type DomainRef, type LibvirtClient } from '../../lib/libvirt';
import { startVireo, type VireoServer } from '../../e2e/support/server';
import { migrateDatabase } from '../../e2e/support/db-template';
import { adminSession } from '../../e2e/support/http-session';
import { testSystemUri } from '../../test/support/test-libvirtd';
import { startFleetDaemons, type FleetDaemons } from '../support/fleet-daemons';
import { defineFleetHost } from '../support/fleet-domains';
import { followSse, type SseStream } from '../support/sse';
import { median, percentile, r2, timeRuns } from '../support/samples';
import type { BenchCase, BenchResult } from '../types';

// Issue 15's fleet: 100 hosts × 100 domains (10,000 VMs, half of them running) in one Vireo server, next to
// `virsh list --all` over the same 100 connections in the same run. Each host is a libvirtd of its own serving
// libvirt's test driver (bench/support/fleet-daemons.ts), registered in the server's database through the hosts
// service before it starts. Measured:
// - fleet-inventory-load: from the first request of the live feed (/api/inventory/events, as the VM list page
//   opens it) until every host's snapshot is in, 10,000 rows;
// - fleet-list-api: GET /api/inventory (every host's rows) at 10,000 VMs;
// - fleet-event-to-sse: a lifecycle change (suspend/resume) made by another client on a host, 50 a second spread
//   over the hosts, until the feed brings it; the anchor is the same event heard on the changing client's own
//   connection (libvirt's own delivery, before Vireo).
const run = promisify(execFile);
const HOSTS = Number(process.env.VIREO_BENCH_FLEET_HOSTS ?? 100);
const PER_HOST = Number(process.env.VIREO_BENCH_FLEET_DOMAINS ?? 100);
const LIST_RUNS = 30;
const EVENT_RATE = 50;
const EVENT_SECONDS = 8;

const now = () => performance.timeOrigin + performance.now();
const hostId = (i: number) => `fleet-${String(i).padStart(3, '0')}`;

interface Fleet {
  daemons: FleetDaemons;
  /** The bench's own connection to each host: it defined the domains and makes the events. */
  clients: LibvirtClient[];
  running: DomainRef[][];
}

async function makeFleet(): Promise<Fleet> {
  const daemons = await startFleetDaemons(HOSTS);
  const clients: LibvirtClient[] = new Array<LibvirtClient>(daemons.daemons.length);
  try {
    const running = await Promise.all(
      daemons.daemons.map(async (d) => {
        const client = await connect(d.uri);
        clients[d.index] = client;
        // Should it drop, the daemon's test:///default is gone with it (it lives while a connection holds it).
        client.on('disconnect', (err: Error) => console.error(`fleet: lost the connection to host ${d.index}: ${err.message}`));
        return defineFleetHost(client, d.index, PER_HOST);
      }),
    );
    return { daemons, clients, running };
  } catch (err) {
    await Promise.all(clients.map((c) => c?.close().catch(() => undefined)));
    await daemons.stop();
    throw err;
  }
}

/** A fresh data directory whose database already lists the fleet's hosts, as if an admin had added them. */
async function dataDirWithHosts(fleet: Fleet): Promise<string> {
  const dataDir = await mkdtemp(path.join(tmpdir(), 'vireo-e2e-fleet-'));
  const env = { ...process.env, VIREO_DATA_DIR: dataDir, DATABASE_URL: '', LIBVIRT_URI: testSystemUri };
  await migrateDatabase(env);
  const list = path.join(dataDir, 'fleet-hosts.json');
  await writeFile(list, JSON.stringify(fleet.daemons.daemons.map((d) => ({ id: hostId(d.index), name: `Fleet host ${d.index}`, uri: d.uri }))));
  await run('node_modules/.bin/tsx', ['--import', './server/server-only-hook.mjs', 'bench/support/register-hosts.ts', list], { env });
  await rm(list);
  return dataDir;
}

type FleetEvent = { host: string; data: { type?: string; uuid?: string; state?: string; row?: { uuid: string; state: string }; length?: number } };

const fleetLoad = async (): Promise<BenchResult[]> => {
  const fleet = await makeFleet();
  let server: VireoServer | null = null;
  let feed: SseStream | null = null;
  let dataDir: string | null = null;
  try {
    dataDir = await dataDirWithHosts(fleet);
    server = await startVireo({ VIREO_TLS: 'off' }, { dataDir });
    const session = await adminSession(server);

    // 1. The whole inventory: the VM list page's feed from its first request.
    const loaded = new Map<string, number>();
    let allLoaded: (at: number) => void = () => undefined;
    const whenLoaded = new Promise<number>((resolve) => (allLoaded = resolve));
    /** `${host}/${uuid}/${state}` → when the feed brought it (the first time). */
    const seen = new Map<string, number>();
    const t0 = now();
    feed = await followSse(`${server.url}/api/inventory/events`, session.headers, (e) => {
      if (e.event === 'snapshot') {
        const { host, data } = JSON.parse(e.data) as { host: string; data: unknown[] };
        if (!host.startsWith('fleet-')) return;
        loaded.set(host, data.length);
        if (loaded.size === HOSTS && [...loaded.values()].every((n) => n >= PER_HOST)) allLoaded(e.at);
      } else if (e.event === 'change') {
        const { host, data } = JSON.parse(e.data) as FleetEvent;
        const uuid = data.uuid ?? data.row?.uuid;
        const state = data.state ?? data.row?.state;
        const key = `${host}/${uuid}/${state}`;
        if (uuid && state && !seen.has(key)) seen.set(key, e.at);
      }
    });
    const loadMs =
      (await Promise.race([
        whenLoaded,
        new Promise<never>((_, j) => setTimeout(() => j(new Error(`inventory not loaded in 60 s: ${loaded.size} hosts`)), 60_000)),
      ])) - t0;

    // 2. The list API at 10,000 VMs.
    let rows = 0;
    const list = async () => {
      const res = await fetch(`${server!.url}/api/inventory`, { headers: session.headers });
      const body = (await res.json()) as { hosts: Record<string, { vms: unknown[] | null }> };
      rows = Object.entries(body.hosts).reduce((n, [id, h]) => n + (id.startsWith('fleet-') ? (h.vms?.length ?? 0) : 0), 0);
      if (rows < HOSTS * PER_HOST) throw new Error(`the list API gave ${rows} fleet rows, expected ${HOSTS * PER_HOST}`);
    };
    await list(); // warm: the route's code is compiled on first use
    const apiTimes: number[] = [];
    for (let i = 0; i < LIST_RUNS; i++) {
      const t = performance.now();
      await list();
      apiTimes.push(performance.now() - t);
    }

    // 3. Events at 50 a second: suspend, then later resume, domains spread over every host.
    const targets = fleet.running.flatMap((doms, h) => doms.map((dom) => ({ h, dom })));
    const count = EVENT_RATE * EVENT_SECONDS;
    const heardDirect = new Map<string, number>();
    fleet.clients.forEach((c, h) =>
      c.events.on('domain-lifecycle', (e) => {
        const key = `${hostId(h)}/${e.dom.uuid}/${e.event === DomainEventType.SUSPENDED ? 'paused' : 'running'}`;
        if (!heardDirect.has(key)) heardDirect.set(key, now());
      }),
    );
    await Promise.all(fleet.clients.map((c) => c.events.ready()));
    const sent: { key: string; at: number }[] = [];
    const calls: Promise<unknown>[] = [];
    const failures: string[] = [];
    const start = performance.now();
    for (let k = 0; k < count; k++) {
      const wait = start + (k * 1000) / EVENT_RATE - performance.now();
      if (wait > 0) await new Promise((r) => setTimeout(r, wait));
      // The first half suspends count/2 domains, the second half resumes them in the same order.
      const { h, dom } = targets[(k % (count / 2)) * Math.floor(targets.length / (count / 2))]!;
      const suspend = k < count / 2;
      const at = now();
      sent.push({ key: `${hostId(h)}/${dom.uuid}/${suspend ? 'paused' : 'running'}`, at });
      const call = suspend ? fleet.clients[h]!.domains.suspend(dom) : fleet.clients[h]!.domains.resume(dom);
      calls.push(call.catch((err: Error) => failures.push(`${hostId(h)}/${dom.name}: ${err.message}`)));
    }
    await Promise.all(calls);
    await new Promise((r) => setTimeout(r, 1000));
    const vireo = sent.map((s) => (seen.get(s.key) ?? NaN) - s.at);
    const direct = sent.map((s) => (heardDirect.get(s.key) ?? NaN) - s.at);
    const missed = vireo.filter((v) => Number.isNaN(v)).length;
    const got = vireo.filter((v) => !Number.isNaN(v));
    const gotDirect = direct.filter((v) => !Number.isNaN(v));

    // 4. The anchor: virsh list --all over the same 100 connections, one after another and all at once.
    const virsh = (uri: string) => run('virsh', ['-q', '-c', uri, 'list', '--all'], { maxBuffer: 16 << 20 });
    const uris = fleet.daemons.daemons.map((d) => d.uri);
    const sequential = await timeRuns(3, async () => {
      for (const uri of uris) await virsh(uri);
    });
    const parallel = await timeRuns(5, () => Promise.all(uris.map(virsh)));

    const vms = HOSTS * PER_HOST;
    return [
      {
        bench: 'fleet-inventory-load',
        vireo: loadMs,
        anchor: parallel.median,
        anchorName: `virsh list --all on each of ${HOSTS} hosts, all at once (${vms} domains)`,
        unit: 'ms',
        detail: {
          hosts: HOSTS,
          domains: vms,
          running: targets.length,
          target: '< 2000 ms',
          virshSequentialMs: r2(sequential.median),
          from: 'first request of /api/inventory/events',
        },
      },
      {
        bench: 'fleet-list-api',
        vireo: median(apiTimes),
        anchor: parallel.median,
        anchorName: `virsh list --all on each of ${HOSTS} hosts, all at once (${vms} domains)`,
        unit: 'ms',
        detail: { rows, runs: LIST_RUNS, p95Ms: r2(percentile(apiTimes, 95)), maxMs: r2(Math.max(...apiTimes)), target: '< 100 ms' },
      },
      {
        bench: 'fleet-event-to-sse',
        vireo: median(got),
        anchor: median(gotDirect),
        anchorName: 'the same event on the changing client’s own libvirt connection (lib/libvirt, bench process)',
        unit: 'ms',
        detail: {
          events: count,
          ratePerSecond: EVENT_RATE,
          missed,
          failedCalls: failures.length,
          ...(failures.length ? { firstFailure: failures[0] } : {}),
          vireoP99Ms: r2(percentile(got, 99)),
          vireoMaxMs: r2(Math.max(...got)),
          directP99Ms: r2(percentile(gotDirect, 99)),
          target: 'p99 < 100 ms',
          path: 'libvirt event → server inventory → SSE (read by fetch, no browser)',
        },
      },
    ];
  } finally {
    feed?.close();
    await server?.stop();
    if (dataDir) await rm(dataDir, { recursive: true, force: true });
    await Promise.all(fleet.clients.map((c) => c.close().catch(() => undefined)));
    await fleet.daemons.stop();
  }
};

export default fleetLoad satisfies BenchCase;
