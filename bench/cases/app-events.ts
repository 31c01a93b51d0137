import { spawn } from 'node:child_process';
import { performance } from 'node:perf_hooks';
import { createInterface } from 'node:readline';
import { connect } from '../../lib/libvirt';
import { ensureFixtures, tcgGuestXml } from '../../test/support/fixtures';
import { ConsoleReader } from '../../test/support/console-reader';
import { startVireo } from '../../e2e/support/server';
import { adminSession } from '../../e2e/support/http-session';
import { launchBrowser, newContext } from '../../e2e/support/browser';
import type { BenchCase } from '../types';

// How long a lifecycle event (pause/resume of a TCG guest) takes to show on an open VM list page, next to
// `virsh event --loop` hearing the same event, both timed from the same trigger in the same run.
const URI = process.env.VIREO_BENCH_URI ?? 'qemu:///system';
const ROUNDS = 10;

const now = () => performance.timeOrigin + performance.now();
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const r2 = (n: number) => Number(n.toFixed(2));

const appEvents: BenchCase = async () => {
  await ensureFixtures();
  const client = await connect(URI);
  const name = `vireo-bench-ev-${Math.random().toString(36).slice(2, 7)}`;
  const dom = await client.domains.defineXml(tcgGuestXml({ name, memoryMiB: 96 }));
  const cleanup: Array<() => unknown> = [];
  try {
    const running = await client.domains.create(dom);
    cleanup.push(() => client.domains.destroy(running).catch(() => undefined));
    const tty = await ConsoleReader.forDomain(name, { uri: URI });
    cleanup.push(() => tty.close());

    const server = await startVireo({ LIBVIRT_URI: URI, VIREO_TLS: 'off' });
    cleanup.push(() => server.stop());
    const session = await adminSession(server);
    const browser = await launchBrowser();
    cleanup.push(() => browser.close());
    const ctx = await newContext(browser, server.url);
    await ctx.addCookies(session.headers.cookie!.split('; ').map((c) => ({ name: c.split('=')[0]!, value: c.split('=')[1]!, url: server.url })));
    const page = await ctx.newPage();
    await page.goto('/vms');
    await page.locator(`[data-testid="vm-state-${name}"][data-state="running"]`).waitFor({ timeout: 30_000 });

    const virsh = spawn('virsh', ['-c', URI, 'event', '--domain', name, '--event', 'lifecycle', '--loop']);
    cleanup.push(() => virsh.kill());
    const lines = createInterface({ input: virsh.stdout });
    let onLine: ((l: string) => void) | null = null;
    lines.on('line', (l) => onLine?.(l));
    await new Promise((r) => setTimeout(r, 500)); // let virsh register its callback

    const vireoMs: number[] = [];
    const virshMs: number[] = [];
    for (let i = 0; i < ROUNDS; i++) {
      for (const [target, word, act] of [
        ['paused', 'Suspended', () => client.domains.suspend(running)],
        ['running', 'Resumed', () => client.domains.resume(running)],
      ] as const) {
        // A string, not a function: tsx's name helpers do not exist in the page.
        await page.evaluate(`(() => {
          window.__seenAt = undefined;
          const check = () => {
            if (document.querySelector('[data-testid="vm-state-${name}"]')?.getAttribute('data-state') === '${target}') {
              window.__seenAt = performance.timeOrigin + performance.now();
              obs.disconnect();
            }
          };
          const obs = new MutationObserver(check);
          obs.observe(document.body, { subtree: true, childList: true, attributes: true, attributeFilter: ['data-state'] });
        })()`);
        const heard = new Promise<number>((resolve) => {
          onLine = (l) => l.includes(word) && resolve(now());
        });
        const t0 = now();
        await act();
        virshMs.push((await heard) - t0);
        const seenAt = await page.waitForFunction('window.__seenAt', undefined, { timeout: 10_000, polling: 50 });
        vireoMs.push(((await seenAt.jsonValue()) as number) - t0);
      }
    }
    return [
      {
        bench: 'app-event-to-browser',
        vireo: median(vireoMs),
        anchor: median(virshMs),
        anchorName: 'virsh event --loop (same trigger, same daemon)',
        unit: 'ms',
        detail: {
          samples: vireoMs.length,
          vireoMaxMs: r2(Math.max(...vireoMs)),
          virshMaxMs: r2(Math.max(...virshMs)),
          path: 'libvirt event → server inventory → SSE → React render',
        },
      },
    ];
  } finally {
    for (const c of cleanup.reverse()) await c();
    await client.domains.undefine(dom).catch(() => undefined);
    await client.close();
  }
};

export default appEvents;
