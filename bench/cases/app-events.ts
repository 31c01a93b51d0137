import { execFile, spawn } from 'node:child_process';
import { performance } from 'node:perf_hooks';
import { createInterface } from 'node:readline';
import { promisify } from 'node:util';
import { tcgGuestXml } from '../../test/support/fixtures';
import { startVireo } from '../../e2e/support/server';
import { adminSession } from '../../e2e/support/http-session';
import type { Page } from 'playwright-core';
import { launchBrowser, newContext } from '../../e2e/support/browser';
import { median, r2 } from '../support/samples';
import { BENCH_URI, withBenchGuest } from '../support/bench-guest';
import type { BenchCase, BenchResult } from '../types';

// How long a lifecycle change made by another client takes to show on an open VM list page, next to
// `virsh event --loop` hearing the same change, both timed from the same trigger (a virsh command) in the same run.
// Each kind of change has its own line: a start (a TCG guest booted from shut off), a forced stop, a pause and a
// resume. `vireoAfterCallReturnedMs` is the figure issue 14 measured: shown this long after `virsh start` returned.
const run = promisify(execFile);
const ROUNDS = 8;

const now = () => performance.timeOrigin + performance.now();

interface Kind {
  bench: string;
  /** data-state the page must show. */
  target: string;
  /** What `virsh event` prints for it (the first matching line after the trigger counts). */
  word: string;
  act: () => Promise<unknown>;
}

/** When the page saw the state (the MutationObserver's timestamp), polled from here: the page's CSP forbids eval. */
async function seenAtOf(page: Page, timeoutMs = 10_000): Promise<number> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const seen = await page.evaluate<number | undefined>('window.__seenAt');
    if (seen !== undefined) return seen;
    if (Date.now() > until) throw new Error('the page did not show the new state within 10 s');
    await new Promise((r) => setTimeout(r, 20));
  }
}

// Like a wizard-made guest: a NIC on the default network and a guest-agent channel (no agent answers in it).
const AGENT = "<channel type='unix'><target type='virtio' name='org.qemu.guest_agent.0'/></channel>";
const guestXml = (name: string) => tcgGuestXml({ name, memoryMiB: 96, network: 'default' }).replace('</devices>', `${AGENT}</devices>`);

const appEvents: BenchCase = () =>
  withBenchGuest('vireo-bench-ev', guestXml, async ({ client, dom, name, cleanup }) => {
    // As `scripts/up.sh` serves: every running VM's console held from its start.
    const server = await startVireo({ LIBVIRT_URI: BENCH_URI, VIREO_TLS: 'off', VIREO_CONSOLE_CAPTURE: 'all' });
    cleanup.push(() => server.stop());
    const session = await adminSession(server);
    const browser = await launchBrowser();
    cleanup.push(() => browser.close());
    const ctx = await newContext(browser, server.url);
    await ctx.addCookies(session.headers.cookie!.split('; ').map((c) => ({ name: c.split('=')[0]!, value: c.split('=')[1]!, url: server.url })));
    const page = await ctx.newPage();
    await page.goto('/vms');
    await page.locator(`[data-testid="vm-state-${name}"][data-state="shut off"]`).waitFor({ timeout: 30_000 });

    const virsh = spawn('virsh', ['-c', BENCH_URI, 'event', '--domain', name, '--event', 'lifecycle', '--loop']);
    cleanup.push(() => virsh.kill());
    cleanup.push(() => client.domains.destroy(dom).catch(() => undefined));
    const lines = createInterface({ input: virsh.stdout });
    let onLine: ((l: string) => void) | null = null;
    lines.on('line', (l) => onLine?.(l));
    await new Promise((r) => setTimeout(r, 500)); // let virsh register its callback

    // Another client makes each change: virsh, as an admin at a shell would.
    const by = (command: string) => () => run('virsh', ['-q', '-c', BENCH_URI, command, name]);
    const kinds: Kind[] = [
      { bench: 'app-event-to-browser-start', target: 'running', word: 'Started', act: by('start') },
      { bench: 'app-event-to-browser-pause', target: 'paused', word: 'Suspended', act: by('suspend') },
      { bench: 'app-event-to-browser-resume', target: 'running', word: 'Resumed', act: by('resume') },
      { bench: 'app-event-to-browser-stop', target: 'shut off', word: 'Stopped', act: by('destroy') },
    ];
    const samples = new Map(kinds.map((k) => [k.bench, { vireo: [] as number[], virsh: [] as number[], afterReturn: [] as number[] }]));
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
        await kind.act();
        const returned = now();
        const s = samples.get(kind.bench)!;
        s.virsh.push((await heard) - t0);
        const seen = await seenAtOf(page);
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
  });

export default appEvents;
