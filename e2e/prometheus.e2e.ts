import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBusyGuest, type BusyGuest } from './support/busy-guest';
import { adminSession, type HttpSession } from './support/http-session';
import { startPrometheus, type PrometheusRun } from './support/prometheus';
import { startVireo, type VireoServer } from './support/server';

// Debian's Prometheus scrapes a real Vireo at /metrics with an API token: a PromQL query over the exporter's
// metric names finds the CPU of a TCG guest running a busy loop; once the token is revoked, scrapes get 401.

const guestName = `vireo-prom-${Math.random().toString(36).slice(2, 7)}`;
let server: VireoServer;
let session: HttpSession;
let guest: BusyGuest;
let prom: PrometheusRun;
let token: { id: string; secret: string };
/** Host cores the looping guest must be seen using; a whole one when the machine has one to spare. */
const BUSY_CORES = 0.2;

async function eventually<T>(what: string, fn: () => Promise<T | null | undefined | false>, ms = 90_000): Promise<T> {
  const deadline = Date.now() + ms;
  let last: unknown = null;
  for (;;) {
    const v = await fn().catch((err: unknown) => ((last = err), null));
    if (v) return v;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what} (last: ${String(last)})\n${prom?.output().slice(-2000) ?? ''}`);
    await new Promise((r) => setTimeout(r, 1000));
  }
}

beforeAll(async () => {
  // Plain HTTP on loopback: Node's fetch here would refuse the server's self-signed certificate.
  [server, guest] = await Promise.all([startVireo({ VIREO_TLS: 'off' }), startBusyGuest(guestName)]);
  session = await adminSession(server);
  const res = await fetch(`${server.url}/api/tokens`, {
    method: 'POST',
    headers: { ...session.headers, 'content-type': 'application/json' },
    body: JSON.stringify({ name: 'prometheus', role: 'viewer' }),
  });
  expect(res.status).toBe(201);
  const body = (await res.json()) as { token: { id: string }; secret: string };
  token = { id: body.token.id, secret: body.secret };
  prom = await startPrometheus({ target: server.url, token: token.secret });
}, 360_000); // a TCG boot on a loaded machine can take minutes

afterAll(async () => {
  await prom?.stop();
  await guest?.remove();
  await server?.stop();
});

describe('Prometheus scraping Vireo', () => {
  it('scrapes /metrics with the token and a PromQL query returns the busy guest’s CPU', async () => {
    await eventually('the target to be up', async () => (await prom.target())?.health === 'up');
    const up = await prom.query('libvirt_up');
    expect(up).toHaveLength(1);
    expect(up[0]!.value).toBe(1);
    expect(up[0]!.metric.host).toBeTruthy();
    // Cores the domain used over the last 20 s: the loop keeps its one vCPU (an emulator thread under TCG) busy,
    // as busy as a loaded test machine lets it be (BUSY_CORES).
    const promql = `rate(libvirt_domain_info_cpu_time_seconds_total{domain="${guestName}"}[20s])`;
    const cores = await eventually('the guest’s CPU rate', async () => {
      const r = await prom.query(promql);
      return r.length === 1 && r[0]!.value > BUSY_CORES ? r[0]!.value : null;
    });
    expect(cores).toBeGreaterThan(BUSY_CORES);
    expect(cores).toBeLessThan(4);
    const vcpus = await prom.query(`libvirt_domain_info_virtual_cpus{domain="${guestName}"}`);
    expect(vcpus[0]?.value).toBe(1);
  });

  it('refuses the token once it is revoked', async () => {
    const res = await fetch(`${server.url}/api/tokens/${token.id}`, { method: 'DELETE', headers: session.headers });
    expect(res.status).toBe(200);
    const direct = await fetch(`${server.url}/metrics`, { headers: { authorization: `Bearer ${token.secret}` } });
    expect(direct.status).toBe(401);
    const target = await eventually(
      'the scrape to be refused',
      async () => {
        const t = await prom.target();
        return t?.health === 'down' ? t : null;
      },
      30_000,
    );
    expect(target.lastError).toMatch(/401/);
    // Nobody without a token or session reads it either.
    expect((await fetch(`${server.url}/metrics`)).status).toBe(401);
  });
});
