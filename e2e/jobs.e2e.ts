import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { cloudImagePath, ensureFixtures } from '@/test/support/fixtures';
import { FIXTURE_IMAGE_ALLOW, startHttpFixtureServer, type HttpFixtureServer } from '@/test/support/http-fixture-server';
import { createTestPool, type TestPool } from '@/test/support/test-pool';
import { virshCleanupDomain } from '@/test/support/virsh';
import { screenshot } from './support/browser';
import { apiFromPage } from './support/journeys';
import { PHONE, sideways } from './support/layout';
import { startSignedIn, type SignedIn } from './support/signed-in';
import { fixtureImageSha256, startCloudImageJob } from './support/vm-job';

// Issue 14, /jobs: the task list shows finished and running jobs with who, what, state and progress, moves on its
// own while a job runs, and links to each job's page.

const suffix = Math.random().toString(36).slice(2, 6);
let pool: TestPool;
let http: HttpFixtureServer;
let app: SignedIn;
let page: Page;
let sha256: string;
const done = `vjob-done-${suffix}`;
const broken = `vjob-broken-${suffix}`;
const slow = `vjob-slow-${suffix}`;

const createJob = (name: string, file: string) => startCloudImageJob(page, { name, url: http.url(file), sha256, pool: pool.name });

const row = (id: string) => page.getByTestId(`job-row-${id}`);
const state = (id: string) => page.getByTestId(`job-state-${id}`);

beforeAll(async () => {
  await ensureFixtures();
  sha256 = await fixtureImageSha256();
  pool = await createTestPool(`vireo-e2e-jobs-${suffix}`);
  http = await startHttpFixtureServer({ files: { 'cloud.qcow2': cloudImagePath } });
  http.serve('slow.qcow2', cloudImagePath, { bytesPerSecond: 64 * 1024 });
  app = await startSignedIn({ VIREO_FORCE_EMULATION: '1', VIREO_IMAGE_ALLOW: FIXTURE_IMAGE_ALLOW });
  page = app.page;
}, 180_000);

afterAll(async () => {
  await app?.close();
  await http?.close();
  for (const vm of [done, broken, slow]) await virshCleanupDomain(vm);
  await pool?.dispose();
});

describe('the task list (/jobs)', () => {
  let doneId: string;
  let brokenId: string;
  let slowId: string;

  it('starts empty and says what runs as a job', async () => {
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Jobs' }).click();
    await page.waitForURL('**/jobs');
    await page.getByText('No jobs yet.').waitFor();
  });

  it('lists a finished job and a running one with who, what, state and progress, and follows them live', async () => {
    doneId = await createJob(done, 'cloud.qcow2');
    brokenId = await createJob(broken, 'missing.qcow2');
    await page.goto('/jobs');
    await state(doneId).and(page.locator('[data-status="succeeded"]')).waitFor({ timeout: 120_000 });
    await state(brokenId).and(page.locator('[data-status="failed"]')).waitFor({ timeout: 60_000 });
    expect(await row(doneId).textContent()).toMatch(new RegExp(`Create virtual machine ${done}.*succeeded.*of \\d+ steps.*admin`));
    expect(await row(brokenId).getByTestId(`job-progress-${brokenId}`).textContent()).toMatch(/ · .*404|not found/i);

    // Started while the page is open: it appears, runs and moves without a reload.
    slowId = await createJob(slow, 'slow.qcow2');
    await state(slowId).and(page.locator('[data-status="running"]')).waitFor();
    expect(await page.getByTestId('jobs-summary').textContent()).toMatch(/^1 running/);
    // Running jobs come first.
    expect(await page.locator('[data-testid^="job-row-"]').first().getAttribute('data-testid')).toBe(`job-row-${slowId}`);
    const progress = page.getByTestId(`job-progress-${slowId}`);
    await expect.poll(() => progress.textContent(), { timeout: 60_000 }).toMatch(/ \d+%$/);
    const before = await progress.textContent();
    await expect.poll(() => progress.textContent(), { timeout: 30_000 }).not.toBe(before);
    expect(await row(slowId).getByRole('progressbar').count()).toBe(1);
    await screenshot(page, 'jobs-running');

    await page.setViewportSize(PHONE);
    const wide = await sideways(page);
    expect(wide.scrollWidth, wide.offenders.join(', ')).toBeLessThanOrEqual(wide.clientWidth);
    await screenshot(page, 'jobs-phone');
    await page.setViewportSize({ width: 1280, height: 860 });

    expect((await apiFromPage(page, `/api/jobs/${slowId}/cancel`, 'POST', {})).status).toBe(200);
    await state(slowId).and(page.locator('[data-status="cancelled"]')).waitFor({ timeout: 60_000 });
    expect(await page.getByTestId('jobs-summary').textContent()).toMatch(/^0 running, 3 in all/);
  });

  it('links each job to its own page', async () => {
    await row(doneId)
      .getByRole('link', { name: `Create virtual machine ${done}` })
      .click();
    await page.waitForURL(`**/jobs/${doneId}`);
    expect(await page.getByTestId('job').getAttribute('data-status')).toBe('succeeded');
  });
});
