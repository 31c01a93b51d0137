import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { createDemoHost, type DemoHost } from './support/demo-host';
import { apiFromPage } from './support/journeys';
import { startSignedIn, type SignedIn } from './support/signed-in';

// Issue 14: the host's memory is one number on every page that shows it (host overview, wizard, readiness,
// Hardware tab), the number the API gives; the readiness headline says why the page warns or fails.

const suffix = Math.random().toString(36).slice(2, 6);
let demo: DemoHost;
let app: SignedIn;
let page: Page;

beforeAll(async () => {
  demo = await createDemoHost(`vhf${suffix}`);
  app = await startSignedIn({ VIREO_FORCE_EMULATION: '1' });
  page = app.page;
});

afterAll(async () => {
  await app?.close();
  await demo?.dispose();
});

const total = () => page.getByTestId('host-memory-total').first().textContent();

describe('host memory', () => {
  it('is the same total on the host overview, the wizard, the readiness page and the Hardware tab', async () => {
    const { body } = await apiFromPage(page, '/api/host');
    const memory = body.memory as { totalBytes: number; availableBytes: number; source: string };
    expect(memory.totalBytes).toBeGreaterThan(0);
    expect(memory.availableBytes).toBeLessThanOrEqual(memory.totalBytes);

    const seen: Record<string, string | null> = {};
    await page.goto('/');
    seen.overview = await total();
    await page.goto('/new-vm');
    // The wizard moves forward only past steps its server check passes: a name and an image (nothing is fetched
    // before Create), then the OS step's defaults. The first check may wait for the test guests that decide how
    // guests run (KVM or emulation), seconds under load.
    await page.getByLabel('Name', { exact: true }).fill('facts-vm');
    await page.getByLabel('Catalog image').selectOption({ index: 1 });
    await page.getByRole('button', { name: 'Next' }).click();
    await page.getByRole('region', { name: 'Step 2: Operating system' }).waitFor({ timeout: 90_000 });
    await page.getByRole('button', { name: 'Next' }).click();
    await page.getByTestId('host-capacity').waitFor({ timeout: 90_000 });
    seen.wizard = await page.getByTestId('host-capacity').getByTestId('host-memory-total').textContent();
    await page.goto('/host/readiness');
    seen.readiness = await page.getByTestId('readiness-host-memory').getByTestId('host-memory-total').textContent();
    await page.goto(`/vms/${demo.web}?tab=hardware`);
    await page.getByTestId('hw-memory').getByTestId('host-memory-total').waitFor();
    seen.hardware = await page.getByTestId('hw-memory').getByTestId('host-memory-total').textContent();
    const shown = seen.overview!;
    expect(seen).toEqual({ overview: shown, wizard: shown, readiness: shown, hardware: shown });
    // …and it is the API's number (as formatBytes writes it: one decimal below 100, whole above).
    expect(shown).toMatch(/^\d+(\.\d)? GiB$/);
    expect(Math.abs(parseFloat(shown) - memory.totalBytes / 1024 ** 3)).toBeLessThanOrEqual(0.5);
  });
});

describe('readiness headline', () => {
  it('says what new guests use and, when the page warns or fails, which check makes it', async () => {
    await page.goto('/host/readiness');
    const overall = await page.getByTestId('readiness-overall').getAttribute('data-status');
    const headline = (await page.getByTestId('readiness-headline').textContent())!;
    const { body } = await apiFromPage(page, '/api/host/readiness');
    expect(headline).toBe((body.headline as string).replace(/`/g, ''));
    const checks = body.checks as { title: string; status: string; impact: string; unknown?: boolean }[];
    if (overall === 'pass') expect(headline).toMatch(/^Ready: every check passed\./);
    else {
      const word = overall === 'warn' ? 'warns' : 'fails';
      expect(headline).toMatch(new RegExp(`It ${word} because of “`));
      for (const c of checks.filter((x) => x.status === overall)) expect(headline).toContain(`“${c.title}”: ${c.impact}`);
    }
    // Unknown nested support is never worded as "cannot".
    const nested = checks.find((c) => c.title === 'Nested virtualization');
    if (nested?.unknown) expect(`${nested.impact} ${headline}`).not.toMatch(/cannot run their own/);
  });
});
