import { performance } from 'node:perf_hooks';
import * as pty from 'node-pty';
import { WebSocket } from 'ws';
import { shellPrompt, tcgGuestXml } from '../../test/support/fixtures';
import { startVireo } from '../../e2e/support/server';
import { adminSession } from '../../e2e/support/http-session';
import { percentile, r3 } from '../support/samples';
import { BENCH_URI, withBenchGuest } from '../support/bench-guest';
import type { BenchCase } from '../types';

// The serial console of a TCG guest through Vireo's whole path (WebSocket → server → libvirt stream → guest →
// back) next to `virsh console` on the same guest in the same run: keystroke-to-echo latency (p50, p99) and
// throughput of the guest printing 1 MB. Targets: p99 echo under 2× virsh's; throughput at least virsh's.

const KEYS = 40;
const ROUNDS = 3;
const FLOOD_BYTES = 1_000_000;
const now = () => performance.now();

/**
 * What a console printed: a byte count and the last few KiB. Waiters are checked when bytes arrive and search
 * only the new tail, so neither a polling loop nor re-scanning a growing string steals CPU from the guest.
 */
class Sink {
  length = 0;
  private recent = '';
  private waiters = new Set<() => void>();
  append(s: string): void {
    this.length += s.length;
    this.recent = (this.recent + s).slice(-8192);
    for (const w of this.waiters) w();
  }
  wait(re: RegExp, from: number, ms: number): Promise<number> {
    return new Promise((resolve, reject) => {
      let scanned = from;
      const check = () => {
        const start = Math.max(from, scanned - 64) - (this.length - this.recent.length);
        if (re.test(this.recent.slice(Math.max(0, start)))) {
          done();
          resolve(now());
        }
        scanned = this.length;
      };
      const timer = setTimeout(() => {
        done();
        reject(new Error(`no ${re} in: ${JSON.stringify(this.recent.slice(-400))}`));
      }, ms);
      const done = () => {
        clearTimeout(timer);
        this.waiters.delete(check);
      };
      this.waiters.add(check);
      check();
    });
  }
}

/** A text console either way: send bytes, wait for a pattern in what came back since a mark. */
interface Tty {
  sink: Sink;
  write(s: string): void;
  close(): void;
  /** Vireo only: take the console back from virsh and wait until it is live again. */
  takeOver?(): Promise<void>;
}

const waitFor = (tty: Tty, re: RegExp, from: number, ms = 60_000) => tty.sink.wait(re, from, ms);

// Typed one at a time; busybox ash echoes each key at once. Ctrl+U clears the line afterwards.
async function echoLatencies(tty: Tty): Promise<number[]> {
  const out: number[] = [];
  for (let i = 0; i < KEYS; i++) {
    const ch = 'abcdefghij'[i % 10]!;
    const mark = tty.sink.length;
    const t0 = now();
    tty.write(ch);
    const t1 = await waitFor(tty, new RegExp(ch), mark, 10_000);
    out.push(t1 - t0);
    if (i % 20 === 19) {
      tty.write('\x15');
      await new Promise((r) => setTimeout(r, 100));
    }
  }
  tty.write('\x15');
  return out;
}

async function throughput(tty: Tty, tag: string): Promise<number> {
  await new Promise((r) => setTimeout(r, 300));
  const mark = tty.sink.length;
  const t0 = now();
  tty.write(`head -c ${FLOOD_BYTES} /dev/zero | tr '\\0' a; echo ${tag}$((1+1))\r`);
  const t1 = await waitFor(tty, new RegExp(`${tag}2`), mark, 120_000);
  return FLOOD_BYTES / 1e6 / ((t1 - t0) / 1000);
}

async function ready(tty: Tty): Promise<void> {
  for (let i = 0; i < 30; i++) {
    const mark = tty.sink.length;
    tty.write('\r');
    try {
      await waitFor(tty, new RegExp(shellPrompt), mark, 2000);
      await new Promise((r) => setTimeout(r, 500));
      return;
    } catch {
      // still booting
    }
  }
  throw new Error('the guest shell did not answer');
}

async function vireoTty(serverUrl: string, headers: Record<string, string>, vm: string): Promise<Tty> {
  const res = await fetch(`${serverUrl}/api/consoles/tickets`, {
    method: 'POST',
    headers: { ...headers, 'content-type': 'application/json', origin: serverUrl },
    body: JSON.stringify({ kind: 'serial', vm }),
  });
  const { url } = (await res.json()) as { url: string };
  const ws = new WebSocket(`${serverUrl.replace(/^http/, 'ws')}${url}`, { headers: { cookie: headers.cookie!, origin: serverUrl } });
  const sink = new Sink();
  let state = '';
  ws.on('message', (data: Buffer, isBinary: boolean) => {
    if (isBinary) sink.append(data.toString('latin1'));
    else state = (JSON.parse(data.toString()) as { state: string }).state;
  });
  await new Promise((resolve, reject) => {
    ws.once('open', resolve);
    ws.once('error', reject);
  });
  return {
    sink,
    write: (s) => ws.send(Buffer.from(s, 'latin1')),
    close: () => ws.close(),
    async takeOver() {
      ws.send(JSON.stringify({ type: 'takeover' }));
      const until = now() + 10_000;
      await new Promise((r) => setTimeout(r, 300));
      while (state !== 'live') {
        if (now() > until) throw new Error(`console state ${state}`);
        await new Promise((r) => setTimeout(r, 20));
      }
    },
  };
}

function virshTty(vm: string): Tty {
  const p = pty.spawn('virsh', ['-c', BENCH_URI, 'console', '--force', vm], { name: 'xterm', cols: 200, rows: 50 });
  const sink = new Sink();
  p.onData((d) => sink.append(d));
  return { sink, write: (s) => p.write(s), close: () => p.kill() };
}

const guestXml = (name: string) => tcgGuestXml({ name, memoryMiB: 128 });

const consoles: BenchCase = () =>
  withBenchGuest('vireo-bench-con', guestXml, async ({ client, dom, name, cleanup }) => {
    await client.domains.create(dom);
    cleanup.push(() => client.domains.destroy(dom).catch(() => undefined));
    const server = await startVireo({ LIBVIRT_URI: BENCH_URI, VIREO_TLS: 'off' });
    cleanup.push(() => server.stop());
    const session = await adminSession(server);

    // Rounds alternate between the two clients, so a guest or host that speeds up or slows down during the
    // run weighs on both alike. virsh takes the console with --force; Vireo takes it back the same way.
    const vireo = await vireoTty(server.url, session.headers, name);
    cleanup.push(() => vireo.close());
    const vireoEcho: number[] = [];
    const virshEcho: number[] = [];
    const vireoRates: number[] = [];
    const virshRates: number[] = [];
    for (let round = 0; round < ROUNDS; round++) {
      if (round > 0) await vireo.takeOver!();
      await ready(vireo);
      vireoEcho.push(...(await echoLatencies(vireo)));
      await ready(vireo);
      vireoRates.push(await throughput(vireo, `VIREO-END-${round}-`));

      const virsh = virshTty(name);
      await ready(virsh);
      virshEcho.push(...(await echoLatencies(virsh)));
      await ready(virsh);
      virshRates.push(await throughput(virsh, `VIRSH-END-${round}-`));
      virsh.close();
    }
    const vireoMBs = percentile(vireoRates, 50);
    const virshMBs = percentile(virshRates, 50);

    const anchorName = 'virsh console (same guest, same run)';
    return [
      {
        bench: 'console-echo-p50',
        vireo: percentile(vireoEcho, 50),
        anchor: percentile(virshEcho, 50),
        unit: 'ms',
        anchorName,
        detail: { keys: KEYS * ROUNDS, path: 'WebSocket → Vireo → libvirt stream → TCG guest (busybox ash on ttyS0) → back' },
      },
      {
        bench: 'console-echo-p99',
        vireo: percentile(vireoEcho, 99),
        anchor: percentile(virshEcho, 99),
        unit: 'ms',
        anchorName,
        detail: { keys: KEYS * ROUNDS, target: 'under 2x anchor', vireoMax: r3(Math.max(...vireoEcho)), virshMax: r3(Math.max(...virshEcho)) },
      },
      {
        bench: 'console-serial-throughput',
        vireo: vireoMBs,
        anchor: virshMBs,
        unit: 'MB/s',
        anchorName,
        detail: {
          bytes: FLOOD_BYTES,
          rounds: ROUNDS,
          vireoRuns: vireoRates.map(r3),
          virshRuns: virshRates.map(r3),
          target: 'at least anchor',
          note: 'TCG 16550 emulation limits both',
        },
      },
    ];
  });

export default consoles;
