import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ConsoleReader } from '@/lib/libvirt/test-support/wait';
import { bootCounterGuest, counters, migrationHosts, removeGuest, type MigrationHosts } from '@/test/support/migration-hosts';
import { unixUri } from '@/test/support/test-hosts';
import { useTestDatabase } from '@/test/support/test-db';
import { screenshot } from './support/browser';
import { startSignedIn, type SignedIn } from './support/signed-in';
import { terminalText } from './support/terminal';

// Issue 16: a running guest whose serial console counts every 100 ms moves live from h1 to h2 (Vireo's migration
// service, peer to peer); a Vireo serving h2 shows it running, and its console in the browser keeps counting from
// where h1 left off. (Until Vireo manages several hosts at once, this server knows only h2.)

const name = `vireo-migr-e2e-${Math.random().toString(36).slice(2, 8)}`;
let m: MigrationHosts;
let s: SignedIn;
let h1Console: ConsoleReader;
let disposeDb: () => Promise<void>;

beforeAll(async () => {
  disposeDb = (await useTestDatabase()).dispose;
  m = await migrationHosts();
  const g = await bootCounterGuest(await m.ctx[0].libvirt(), name);
  h1Console = g.console;
  s = await startSignedIn({ LIBVIRT_URI: unixUri(m.hosts[1]) });
}, 240_000);

afterAll(async () => {
  h1Console?.stop();
  await s?.close();
  if (m) await removeGuest(m, name);
  await m?.close();
  const { db } = await import('@/lib/db/client');
  await db().$disconnect();
  await disposeDb?.();
}, 120_000);

describe('after a live migration', () => {
  it('the console in the browser keeps counting on the new host, from where the old one left off', async () => {
    const { startMigration } = await import('@/lib/migration');
    const { jobSettled } = await import('@/lib/jobs/runner');
    const { readJob } = await import('@/lib/jobs/store');
    const { jobId } = await startMigration({
      source: m.ctx[0],
      dest: m.ctx[1],
      name,
      options: { mode: 'live', storage: 'shared', persistent: true, undefineSource: true },
      actor: { id: null, username: 'e2e', ip: null },
      peer: { uri: m.peerUri(m.hosts[1]) },
    });
    await jobSettled(jobId);
    expect((await readJob(jobId))?.status).toBe('succeeded');
    const lastOnH1 = Math.max(...counters(h1Console.text));

    const page = s.page;
    await page.goto(`${s.server.url}/vms/${name}`);
    await page.getByTestId('open-console').click();
    await page.waitForURL(`**/vms/${name}/console`);
    let seen: number[] = [];
    const deadline = Date.now() + 60_000;
    while (Date.now() < deadline) {
      seen = counters(`${await terminalText(page)}\n`.replace(/\n/g, '\r\n'));
      if (seen.length >= 2 && seen[seen.length - 1]! >= seen[0]! + 20) break;
      await page.waitForTimeout(200);
    }
    await screenshot(page, 'migration-console-after-move');
    expect(seen.length).toBeGreaterThan(1);
    expect(seen[0]).toBeGreaterThan(lastOnH1);
    expect(seen[0]).toBeLessThan(lastOnH1 + 600);
    expect(seen[seen.length - 1]).toBeGreaterThanOrEqual(seen[0]! + 20);
    // Rising, never restarting.
    expect(seen.every((n, i) => i === 0 || n > seen[i - 1]!)).toBe(true);
    console.log(`browser console after the move: C${seen[0]}..C${seen[seen.length - 1]} (h1 last showed C${lastOnH1})`);
  }, 180_000);
});
