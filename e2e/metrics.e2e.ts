import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiFromPage } from './support/journeys';
import { DESKTOP, PHONE, openAndSettle, sideways } from './support/layout';
import { startBusyGuest, type BusyGuest } from './support/busy-guest';
import { startSignedIn, type SignedIn } from './support/signed-in';

// Issue 17 in the browser: the busy TCG guest's CPU graph rises on its Metrics tab (hover shows values, dark mode
// repaints it), the VM list's CPU bars sort it first, the host page has its graphs, nothing scrolls sideways at
// phone width; API tokens are created on /account (the secret shown once), used on /metrics, revoked and audited.

/** Percent of its one vCPU the looping guest must reach (a loaded test machine gives it a share of a core). */
const BUSY = 20;
const guestName = `vireo-graph-${Math.random().toString(36).slice(2, 7)}`;
let s: SignedIn;
let guest: BusyGuest;

beforeAll(async () => {
  // Plain HTTP on loopback: Node's fetch (the token's scrapes) would refuse the server's self-signed certificate.
  [s, guest] = await Promise.all([startSignedIn({ VIREO_TLS: 'off' }), startBusyGuest(guestName)]);
}, 360_000); // a TCG boot on a loaded machine can take minutes

afterAll(async () => {
  await guest?.remove();
  await s?.close();
});

/** The number a chart says its main line is at now (data-latest), once it is above `min`. */
async function waitForLatest(testId: string, min: number, timeout = 90_000): Promise<number> {
  const handle = await s.page.waitForFunction(
    ({ testId, min }) => {
      const v = Number(document.querySelector(`[data-testid="${testId}"]`)?.getAttribute('data-latest') || Number.NaN);
      return v > min ? v : false;
    },
    { testId, min },
    { timeout, polling: 500 },
  );
  return (await handle.jsonValue()) as number;
}

describe('graphs', () => {
  it('the busy guest’s CPU graph rises on its Metrics tab, and hovering shows the values', async () => {
    const { page } = s;
    await openAndSettle(page, `/vms/${guestName}?tab=metrics`, '[data-testid="vm-metrics"]');
    // A CPU rate needs two collector rounds (10 s apart) of the running guest, and the server may have started after
    // it: until then the chart says "Nothing measured in this range".
    await page.locator('[data-testid="chart-cpu"] canvas').waitFor({ timeout: 60_000 });
    const cpu = await waitForLatest('chart-cpu', BUSY);
    expect(cpu).toBeLessThanOrEqual(150);
    await expect.poll(() => page.getByTestId('chart-cpu-now').textContent()).toMatch(/CPU now: \d+ %/);
    for (const id of ['memory', 'disk', 'network']) expect(await page.getByTestId(`chart-${id}`).count()).toBe(1);
    // The pointer over the plot puts that moment's values in the legend: from the right edge (the newest bucket
    // may not be measured yet) leftwards until it is over a measured point. Pixel by pixel: an hour of 10 s buckets
    // puts one under every ~1.7 px, and right after the first rate there may be a single measured one to find.
    const over = page.locator('[data-testid="chart-cpu"] .u-over');
    const box = (await over.boundingBox())!;
    const value = page.locator('[data-testid="chart-cpu"] .u-legend .u-series:nth-child(2) .u-value');
    let shown = '';
    for (let dx = 1; dx < box.width / 2 && !/\d %/.test(shown); dx += 1) {
      await page.mouse.move(box.x + box.width - dx, box.y + box.height / 2);
      shown = (await value.textContent()) ?? '';
    }
    expect(shown).toMatch(/\d+(\.\d)? %/);
    // Ranges: a day reads the minute tier.
    await page.getByRole('button', { name: '1 day' }).click();
    await expect.poll(() => page.url()).toContain('range=1d');
    await page.getByText('One point per 2 min').or(page.getByText('One point per 1 min')).first().waitFor();
  });

  it('repaints for dark mode', async () => {
    const { page } = s;
    await page.getByRole('button', { name: '1 hour' }).click();
    const bg = () => page.getByTestId('chart-cpu').evaluate((el) => getComputedStyle(el).backgroundColor);
    const light = await bg();
    await page.emulateMedia({ colorScheme: 'dark' });
    await expect.poll(bg).not.toBe(light);
    await page.locator('[data-testid="chart-cpu"] canvas').waitFor();
    await page.emulateMedia({ colorScheme: 'light' });
  });

  it('the VM list shows CPU and memory bars and sorts the busy guest first by CPU', async () => {
    const { page } = s;
    await openAndSettle(page, '/vms', `[data-testid="vm-row-${guestName}"]`);
    await expect.poll(async () => Number(await page.getByTestId(`cpu-use-${guestName}`).getAttribute('data-value')), { timeout: 60_000 }).toBeGreaterThan(BUSY);
    expect(await page.getByTestId(`mem-use-${guestName}`).count()).toBe(1);
    const header = page.getByRole('button', { name: /^CPU/ });
    await header.click();
    await header.click();
    expect(await page.locator('th[aria-sort="descending"]').textContent()).toContain('CPU');
    // Highest first, in host cores (other suites' guests may be running on the daemon too).
    const order = await page.locator('[data-testid^="cpu-use-"]').evaluateAll((els) =>
      els
        .map((e) => e.getAttribute('data-sort'))
        .filter(Boolean)
        .map(Number),
    );
    expect(order.length).toBeGreaterThan(0);
    expect(order).toEqual([...order].sort((a, b) => b - a));
    expect(order[0]).toBeGreaterThan(BUSY / 100);
  });

  it('the host page graphs CPU, memory, pools and running VMs', async () => {
    const { page } = s;
    await openAndSettle(page, '/', '[data-testid="host-metrics"]');
    await page.locator('[data-testid="chart-host-cpu"] canvas').waitFor({ timeout: 30_000 });
    await waitForLatest('chart-host-vms', 0.5);
    for (const id of ['host-memory', 'host-pools', 'host-vms']) expect(await page.getByTestId(`chart-${id}`).count()).toBe(1);
  });

  it('nothing scrolls sideways at phone width', async () => {
    const { page } = s;
    await page.setViewportSize(PHONE);
    try {
      for (const [path, ready] of [
        [`/vms/${guestName}?tab=metrics`, '[data-testid="chart-cpu"] canvas'],
        ['/', '[data-testid="chart-host-cpu"] canvas'],
        ['/vms', `[data-testid="cpu-use-${guestName}"]`],
        ['/account', '[data-testid="api-tokens"]'],
      ] as const) {
        await openAndSettle(page, path, ready);
        const r = await sideways(page);
        expect(r.scrollWidth, `${path} is ${r.scrollWidth} px wide at ${r.clientWidth} px: ${r.offenders.join(', ')}`).toBeLessThanOrEqual(r.clientWidth);
      }
    } finally {
      await page.setViewportSize(DESKTOP);
    }
  });
});

describe('API tokens on /account', () => {
  it('creates a token with its secret shown once, which reads /metrics until it is revoked; both are audited', async () => {
    const { page, server } = s;
    await openAndSettle(page, '/account', '[data-testid="api-tokens"]');
    // Refusals come back beside the field and change nothing.
    await page.getByTestId('token-create').click();
    await page.getByText('Give the token a name').waitFor();
    await page.getByTestId('token-name').fill('grafana');
    await page.getByTestId('token-role').selectOption('viewer');
    await page.getByTestId('token-create').click();
    const secret = (await page.getByTestId('token-secret-value').textContent())!.trim();
    expect(secret).toMatch(/^vireo_/);
    await page.getByTestId('token-grafana').waitFor();
    expect(await page.getByTestId('token-grafana').getAttribute('data-state')).toBe('active');
    const scrape = () => fetch(`${server.url}/metrics`, { headers: { authorization: `Bearer ${secret}` } });
    const ok = await scrape();
    expect(ok.status).toBe(200);
    expect(await ok.text()).toContain(`domain="${guestName}"`);
    // Gone after a reload: only the hash is kept.
    await page.reload();
    await page.getByTestId('token-grafana').waitFor();
    expect(await page.getByTestId('token-secret').count()).toBe(0);
    expect(await page.content()).not.toContain(secret);

    await page.getByTestId('token-revoke-grafana').click();
    await page.getByTestId('token-revoke-dialog').getByRole('button', { name: 'Revoke' }).click();
    await expect.poll(() => page.getByTestId('token-grafana').getAttribute('data-state')).toBe('revoked');
    expect((await scrape()).status).toBe(401);

    const audit = await apiFromPage(page, '/api/audit?q=grafana');
    const actions = (audit.body.entries as { action: string }[]).map((e) => e.action);
    expect(actions).toEqual(expect.arrayContaining(['token.create', 'token.revoke']));
  });
});
