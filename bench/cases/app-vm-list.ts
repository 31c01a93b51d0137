import { execFile } from 'node:child_process';
import { performance } from 'node:perf_hooks';
import { promisify } from 'node:util';
import { connect, type DomainRef } from '../../lib/libvirt';
import { tcgGuestXml } from '../../test/support/fixtures';
import { startVireo } from '../../e2e/support/server';
import { adminSession } from '../../e2e/support/http-session';
import { launchBrowser, newContext } from '../../e2e/support/browser';
import type { BenchCase } from '../types';
import { testSystemUri } from '../../test/support/test-libvirtd';
import { r2, timeRuns } from '../support/samples';

// The VM list API with 1,000 defined domains, next to `virsh list --all` on the same daemon in the same run.
// The domains are defined (never started) on the test suite's libvirtd (qemu:///system there) under a unique prefix and undefined afterwards.
const run = promisify(execFile);
const URI = process.env.VIREO_BENCH_URI ?? testSystemUri;
const COUNT = Number(process.env.VIREO_BENCH_DOMAINS ?? 1000);
const RUNS = 15;

const appVmList: BenchCase = async () => {
  const client = await connect(URI);
  const prefix = `vireo-bench-${Math.random().toString(36).slice(2, 7)}-`;
  const defined: DomainRef[] = [];
  let stop: (() => Promise<void>) | null = null;
  try {
    for (let i = 0; i < COUNT; i += 50) {
      const batch = Array.from({ length: Math.min(50, COUNT - i) }, (_, j) => `${prefix}${String(i + j).padStart(4, '0')}`);
      defined.push(...(await Promise.all(batch.map((name) => client.domains.defineXml(tcgGuestXml({ name, memoryMiB: 64 }))))));
    }
    const server = await startVireo({ LIBVIRT_URI: URI, VIREO_TLS: 'off' });
    stop = server.stop;
    const session = await adminSession(server);
    const list = async () => {
      const res = await fetch(`${server.url}/api/vms`, { headers: session.headers });
      const body = (await res.json()) as { vms: unknown[] };
      if (body.vms.length < COUNT) throw new Error(`API listed ${body.vms.length} domains, expected at least ${COUNT}`);
    };
    const cold = await timeRuns(1, list); // first call reads every domain from libvirt
    const api = await timeRuns(RUNS, list);
    const virsh = await timeRuns(RUNS, () => run('virsh', ['-q', '-c', URI, 'list', '--all'], { maxBuffer: 64 << 20 }));

    // The page itself: from navigation until every row is loaded and the first ones are drawn, then a jump to
    // the end of the list until its last row is drawn (rows are rendered only near the viewport).
    const browser = await launchBrowser();
    let pageMs = 0;
    let scrollMs = 0;
    try {
      const ctx = await newContext(browser, server.url);
      const cookies = session.headers.cookie!.split('; ').map((c) => {
        const [name, value] = c.split('=');
        return { name: name!, value: value!, url: server.url };
      });
      await ctx.addCookies(cookies);
      const page = await ctx.newPage();
      const load = async () => {
        await page.goto('/vms');
        await page.getByLabel('Search virtual machines').fill(prefix);
        await page.getByTestId('vm-count').getByText(`${COUNT} of`).waitFor({ timeout: 60_000 });
        await page.getByTestId(`vm-row-${prefix}0000`).waitFor();
      };
      await load(); // warm up the server's page code and the browser
      pageMs = (await timeRuns(5, load)).median;
      const t1 = performance.now();
      await page.evaluate('window.scrollTo(0, document.body.scrollHeight)');
      await page.getByTestId(`vm-row-${prefix}${String(COUNT - 1).padStart(4, '0')}`).waitFor();
      scrollMs = performance.now() - t1;
    } finally {
      await browser.close();
    }

    return [
      {
        bench: 'app-vm-list-api',
        vireo: api.median,
        anchor: virsh.median,
        anchorName: `virsh list --all (${COUNT} defined domains, same daemon)`,
        unit: 'ms',
        detail: {
          domains: COUNT,
          runs: RUNS,
          coldFirstCallMs: r2(cold.median),
          apiP90Ms: r2(api.p90),
          virshP90Ms: r2(virsh.p90),
          pageLoadMs: r2(pageMs),
          scrollToEndMs: r2(scrollMs),
        },
      },
    ];
  } finally {
    await stop?.();
    for (let i = 0; i < defined.length; i += 50) {
      await Promise.all(defined.slice(i, i + 50).map((d) => client.domains.undefine(d).catch(() => undefined)));
    }
    await client.close();
  }
};

export default appVmList;
