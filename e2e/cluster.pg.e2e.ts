import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import { connect, type DomainRef, type LibvirtClient } from '@/lib/libvirt';
import { cloudImagePath, ensureFixtures, tcgGuestXml } from '@/test/support/fixtures';
import { FIXTURE_IMAGE_ALLOW, startHttpFixtureServer, type HttpFixtureServer } from '@/test/support/http-fixture-server';
import { createTestPool, type TestPool } from '@/test/support/test-pool';
import { testSystemUri } from '@/test/support/test-libvirtd';
import { adminSession, type HttpSession } from './support/http-session';
import { startVireo, type VireoServer } from './support/server';
import { cloudImageSpec, fixtureImageSha256 } from './support/vm-job';

// Two Vireo servers on one PostgreSQL, as behind a load balancer without sticky sessions: a sign-in on one works on
// the other, a console ticket issued by one opens a console on the other exactly once, a sign-out on one closes
// the console open on the other, failed sign-ins count on both, and each server's jobs are its own: a restart of
// one fails only its own cut-off job, and the job of a server that died is failed once its lease runs out.
// Only in the e2e-pg tier (VIREO_TEST_POSTGRES; e2e/vitest.config.ts runs *.pg.e2e.ts there alone): on SQLite one
// server owns the database file.

const suffix = Math.random().toString(36).slice(2, 7);
const vm = `vireo-cluster-e2e-${suffix}`;
const password = 'operator-password-1';
const LEASE_SECONDS = 3;
let a: VireoServer;
let b: VireoServer;
let admin: HttpSession;
let client: LibvirtClient;
let dom: DomainRef;
let pool: TestPool;
let http: HttpFixtureServer;
let imageSha256: string;

const env = {
  VIREO_TLS: 'off',
  VIREO_JOB_LEASE_SECONDS: String(LEASE_SECONDS),
  VIREO_FORCE_EMULATION: '1',
  VIREO_IMAGE_ALLOW: FIXTURE_IMAGE_ALLOW,
};

async function api(server: VireoServer, as: HttpSession | null, path: string, method = 'GET', body?: unknown): Promise<Response> {
  return fetch(`${server.url}${path}`, {
    method,
    headers: { 'content-type': 'application/json', origin: server.url, ...as?.headers },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
}

async function signIn(server: VireoServer, username: string, pass: string): Promise<HttpSession> {
  const res = await api(server, null, '/api/auth/login', 'POST', { username, password: pass });
  expect(res.status).toBe(200);
  const cookies = res.headers.getSetCookie().map((c) => c.split(';')[0]!);
  const csrf = decodeURIComponent(cookies.find((c) => c.startsWith('vireo_csrf='))!.split('=')[1]!);
  return { headers: { cookie: cookies.join('; '), 'x-csrf-token': csrf } };
}

async function ticket(server: VireoServer, as: HttpSession): Promise<string> {
  const t = await api(server, as, '/api/consoles/tickets', 'POST', { kind: 'serial', vm });
  expect(t.status).toBe(200);
  return ((await t.json()) as { url: string }).url;
}

/** Opens the console WebSocket `url` on `server`: its close, or the HTTP status that refused the upgrade. */
async function openConsole(
  server: VireoServer,
  as: HttpSession,
  url: string,
): Promise<{ refused: number } | { closed: Promise<{ code: number; at: number }> }> {
  const ws = new WebSocket(`${server.url.replace(/^http/, 'ws')}${url}`, { headers: { cookie: as.headers.cookie!, origin: server.url } });
  const closed = new Promise<{ code: number; at: number }>((resolve) => ws.on('close', (code) => resolve({ code, at: Date.now() })));
  return new Promise((resolve, reject) => {
    ws.once('open', () => resolve({ closed }));
    ws.once('unexpected-response', (_req, res) => resolve({ refused: res.statusCode ?? 0 }));
    ws.once('error', reject);
  });
}

async function job(server: VireoServer, id: string): Promise<{ status: string; error: string | null }> {
  const res = await api(server, admin, `/api/jobs/${id}`);
  expect(res.status).toBe(200);
  return (await res.json()) as { status: string; error: string | null };
}

async function waitFor<T>(what: string, fn: () => Promise<T | null | undefined | false>, timeoutMs: number): Promise<T> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const v = await fn().catch(() => null);
    if (v) return v;
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

/** Starts a VM creation on `server` whose image download crawls, and waits until its partial volume exists. */
async function slowJob(server: VireoServer, name: string): Promise<string> {
  const before = (await pool.volumes()).length;
  const r = await api(server, admin, '/api/vms', 'POST', cloudImageSpec({ name, url: http.url(`${name}.qcow2`), sha256: imageSha256, pool: pool.name }));
  expect(r.status).toBe(202);
  const id = ((await r.json()) as { jobId: string }).jobId;
  await waitFor(`the download of ${name}`, async () => (await pool.volumes()).length > before, 60_000);
  return id;
}

const restart = (s: VireoServer) => startVireo(env, { dataDir: s.dataDir, databaseUrl: s.databaseUrl });

describe('several servers on one PostgreSQL', () => {
  beforeAll(async () => {
    await ensureFixtures();
    imageSha256 = await fixtureImageSha256();
    client = await connect(testSystemUri);
    dom = await client.domains.defineXml(tcgGuestXml({ name: vm, memoryMiB: 96 }));
    await client.domains.create(dom);
    pool = await createTestPool(`vireo-cluster-${suffix}`);
    http = await startHttpFixtureServer();
    a = await startVireo(env);
    admin = await adminSession(a);
    b = await startVireo(env, { databaseUrl: a.databaseUrl });
  });

  afterAll(async () => {
    await a?.stop();
    await b?.stop();
    await http?.close();
    await pool?.dispose();
    await client?.domains.destroy(dom).catch(() => undefined);
    await client?.domains.undefine(dom).catch(() => undefined);
    await client?.close();
  });

  it('sign in on one server and act on the other', async () => {
    // The admin made on A creates a user through B; that user signs in on B and is seen on A.
    expect((await api(b, admin, '/api/users', 'POST', { username: 'op', password, role: 'operator' })).status).toBe(201);
    const op = await signIn(b, 'op', password);
    expect((await api(a, op, '/api/vms')).status).toBe(200);
    const users = (await (await api(a, admin, '/api/users')).json()) as { users: { username: string }[] };
    expect(users.users.map((u) => u.username)).toContain('op');
  });

  it('a console ticket issued by one server opens a console on the other, exactly once', async () => {
    const op = await signIn(a, 'op', password);
    const url = await ticket(a, op);
    const first = await openConsole(b, op, url);
    expect(first).toHaveProperty('closed');
    expect(await openConsole(a, op, url)).toEqual({ refused: 403 });
    expect(await openConsole(b, op, url)).toEqual({ refused: 403 });
  });

  it('a sign-out on one server closes the console open on the other within a second', async () => {
    const op = await signIn(a, 'op', password);
    const con = await openConsole(b, op, await ticket(a, op));
    if (!('closed' in con)) throw new Error(`console refused: ${con.refused}`);
    const at = Date.now();
    expect((await api(a, op, '/api/auth/logout', 'POST')).status).toBe(200);
    const closed = await con.closed;
    expect(closed.code).toBe(4011);
    expect(closed.at - at).toBeLessThan(1000);
    expect((await api(b, op, '/api/vms')).status).toBe(401);
  });

  it('a restart of one server fails its own cut-off job and leaves the other server’s job running', async () => {
    http.serve(`cl-a-${suffix}.qcow2`, cloudImagePath, { bytesPerSecond: 64 * 1024 });
    http.serve(`cl-b-${suffix}.qcow2`, cloudImagePath, { bytesPerSecond: 64 * 1024 });
    const onA = await slowJob(a, `cl-a-${suffix}`);
    const onB = await slowJob(b, `cl-b-${suffix}`);
    await a.stop({ keepData: true, signal: 'SIGKILL' });
    a = await restart(a);
    const failed = await waitFor('the restarted server to fail its job', async () => ((await job(b, onA)).status === 'failed' ? job(b, onA) : null), 60_000);
    expect(failed.error).toMatch(/stopped while this job was running/);
    // Several leases later, B's job is still B's and still running.
    await new Promise((r) => setTimeout(r, LEASE_SECONDS * 2000));
    expect((await job(a, onB)).status).toBe('running');
    // A cancel that reaches A is carried out by B, where the job runs.
    expect((await api(a, admin, `/api/jobs/${onB}/cancel`, 'POST')).status).toBe(200);
    await waitFor('B to cancel its job', async () => (await job(a, onB)).status === 'cancelled', 30_000);
    await waitFor('both partial downloads to be removed', async () => (await pool.volumes()).length === 0, 30_000);
  });

  it('the job of a server that died is failed and rolled back once its lease runs out', async () => {
    http.serve(`cl-dead-${suffix}.qcow2`, cloudImagePath, { bytesPerSecond: 64 * 1024 });
    const onB = await slowJob(b, `cl-dead-${suffix}`);
    const killedAt = Date.now();
    await b.stop({ keepData: true, signal: 'SIGKILL' });
    const failed = await waitFor('A to fail the dead server’s job', async () => ((await job(a, onB)).status === 'failed' ? job(a, onB) : null), 60_000);
    expect(failed.error).toMatch(/stopped while this job was running/);
    // Not before the lease ran out: A swept it after at least one lease.
    expect(Date.now() - killedAt).toBeGreaterThanOrEqual(LEASE_SECONDS * 1000 - 1500);
    expect(await pool.volumes()).toEqual([]);
    b = await restart(b);
  });

  it('failed sign-ins count on every server', async () => {
    const name = `nobody-${suffix}`;
    for (const [i, s] of [a, b, a, b, a].entries()) {
      expect([i, (await api(s, null, '/api/auth/login', 'POST', { username: name, password: 'wrong-password' })).status]).toEqual([i, 401]);
    }
    expect((await api(b, null, '/api/auth/login', 'POST', { username: name, password: 'wrong-password' })).status).toBe(429);
  });
});
