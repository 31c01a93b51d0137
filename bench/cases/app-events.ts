import { spawn } from 'node:child_process';
import { performance } from 'node:perf_hooks';
import { createInterface } from 'node:readline';
import { connect, type DomainRef } from '../../lib/libvirt';
import { ensureFixtures, tcgGuestXml } from '../../test/support/fixtures';
import { startVireo } from '../../e2e/support/server';
import { adminSession } from '../../e2e/support/http-session';
import { launchBrowser, newContext } from '../../e2e/support/browser';
import { testSystemUri } from '../../test/support/test-libvirtd';
import { median } from '../support/samples';
import type { BenchCase, BenchResult } from '../types';

// How long a lifecycle change made by another client takes to show on an open VM list page, next to
// `virsh event --loop` hearing the same change, both timed from the same trigger in the same run. Each kind of
// change has its own line: a start (a TCG guest booted from shut off), a forced stop, a pause and a resume.
const URI = process.env.VIREO_BENCH_URI ?? testSystemUri;
const ROUNDS = 8;

const now = () => performance.timeOrigin + performance.now();
const r2 = (n: number) => Number(n.toFixed(2));

interface Kind {
  bench: string;
  /** data-state the page must show. */
  target: string;
  /** What `virsh event` prints for it (the first matching line after the trigger counts). */
  word: string;
  act: (dom: DomainRef) => Promise<unknown>;
}

const appEvents: BenchCase = async () => {
  await ensureFixtures();
  const client = await connect(URI);
  const name = `vireo-bench-ev-${Math.random().toString(36).slice(2, 7)}`;
  const dom = await client.domains.defineXml(tcgGuestXml({ name, memoryMiB: 96 }));
  const cleanup: Array<() => unknown> = [];
  try {
    const server = await startVireo({ LIBVIRT_URI: URI, VIREO_TLS: 'off' });
    cleanup.push(() => server.stop());
    const session = await adminSession(server);
    const browser = await launchBrowser();
    cleanup.push(() => browser.close());
    const ctx = await newContext(browser, server.url);
    await ctx.addCookies(session.headers.cookie!.split('; ').map((c) => ({ name: c.split('=')[0]!, value: c.split('=')[1]!, url: server.url })));
    const page = await ctx.newPage();
    await page.goto('/vms');
    await page.locator(`[data-testid="vm-state-${name}"][data-state="shut off"]`).waitFor({ timeout: 30_000 });

    const virsh = spawn('virsh', ['-c', URI, 'event', '--domain', name, '--event', 'lifecycle', '--loop']);
    cleanup.push(() => virsh.kill());
    cleanup.push(() => client.domains.destroy(dom).catch(() => undefined));
    const lines = createInterface({ input: virsh.stdout });
    let onLine: ((l: string) => void) | null = null;
    lines.on('line', (l) => onLine?.(l));
    await new Promise((r) => setTimeout(r, 500)); // let virsh register its callback

    const kinds: Kind[] = [
      { bench: 'app-event-to-browser-start', target: 'running', word: 'Started', act: (d) => client.domains.create(d) },
      { bench: 'app-event-to-browser-pause', target: 'paused', word: 'Suspended', act: (d) => client.domains.suspend(d) },
      { bench: 'app-event-to-browser-resume', target: 'running', word: 'Resumed', act: (d) => client.domains.resume(d) },
      { bench: 'app-event-to-browser-stop', target: 'shut off', word: 'Stopped', act: (d) => client.domains.destroy(d) },
    ];
    const samples = new Map(kinds.map((k) => [k.bench, { vireo: [] as number[], virsh: [] as number[], afterReturn: [] as number[] }]));
    let running: DomainRef = dom;
    for (let i = 0; i < ROUNDS; i++) {
      for (const kind of kinds) {
        // A string, not a function: tsx's name helpers do not exist in the page.
        await page.evaluate(`(() => {
          window.__seenAt = undefined;
          const check = () => {
            if (document.querySelector('[data-testid="vm-state-${name}"]')?.getAttribute('data-state') === '${kind.target}') {
              window.__seenAt = performance.timeOrigin + performance.now();
              obs.disconnect();
            }
          };
          const obs = new MutationObserver(check);
          obs.observe(document.body, { subtree: true, childList: true, attributes: true, attributeFilter: ['data-state'] });
        })()`);
        const heard = new Promise<number>((resolve) => {
          onLine = (l) => l.includes(kind.word) && resolve(now());
        });
        const t0 = now();
        const result = await kind.act(running);
        const returned = now();
        if (kind.word === 'Started') running = result as DomainRef;
        const s = samples.get(kind.bench)!;
        s.virsh.push((await heard) - t0);
        const seenAt = await page.waitForFunction('window.__seenAt', undefined, { timeout: 10_000, polling: 20 });
        const seen = (await seenAt.jsonValue()) as number;
        s.vireo.push(seen - t0);
        s.afterReturn.push(seen - returned);
        // The start's boot and the stop's teardown settle before the next change is timed.
        if (kind.word === 'Started' || kind.word === 'Stopped') await new Promise((r) => setTimeout(r, 300));
      }
    }
    return kinds.map((kind): BenchResult => {
      const s = samples.get(kind.bench)!;
      return {
        bench: kind.bench,
        vireo: median(s.vireo),
        anchor: median(s.virsh),
        anchorName: 'virsh event --loop (same trigger, same daemon)',
        unit: 'ms',
        detail: {
          samples: s.vireo.length,
          vireoMaxMs: r2(Math.max(...s.vireo)),
          virshMaxMs: r2(Math.max(...s.virsh)),
          // How the issue measured it: shown this long after the changing call returned (negative: before).
          vireoAfterCallReturnedMs: r2(median(s.afterReturn)),
          // Timed from the call that made the change, so a start's figures include libvirt starting QEMU.
          path: 'libvirt event → server inventory → SSE → React render',
        },
      };
    });
  } finally {
    for (const c of cleanup.reverse()) await c();
    await client.domains.undefine(dom).catch(() => undefined);
    await client.close();
  }
};

export default appEvents;
