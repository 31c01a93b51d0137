import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import { ensureFixtures, tcgGuestXml } from '@/test/support/fixtures';
import { virsh, virshDefine, virshCleanupDomain } from '@/test/support/virsh';
import { adminSession, type HttpSession } from './support/http-session';
import { startVireo, type VireoServer } from './support/server';

// Issue 5's idle timeout: a console nobody types into is closed with the IDLE code after the configured time;
// input (keys, resize) keeps it open. A server of its own with a 6-second limit.

const vm = `vireo-idle-e2e-${Math.random().toString(36).slice(2, 7)}`;
const IDLE_MS = 6000;
let server: VireoServer;
let session: HttpSession;

async function openConsole(): Promise<{ ws: WebSocket; closed: Promise<{ code: number; at: number }>; openedAt: number }> {
  const res = await fetch(`${server.url}/api/consoles/tickets`, {
    method: 'POST',
    headers: { ...session.headers, 'content-type': 'application/json', origin: server.url },
    body: JSON.stringify({ kind: 'serial', vm }),
  });
  expect(res.status).toBe(200);
  const { url } = (await res.json()) as { url: string };
  const ws = new WebSocket(`${server.url.replace(/^http/, 'ws')}${url}`, { headers: { cookie: session.headers.cookie!, origin: server.url } });
  await new Promise<void>((resolve, reject) => {
    ws.once('open', () => resolve());
    ws.once('error', reject);
  });
  const openedAt = Date.now();
  const closed = new Promise<{ code: number; at: number }>((resolve) => ws.once('close', (code) => resolve({ code, at: Date.now() })));
  return { ws, closed, openedAt };
}

beforeAll(async () => {
  await ensureFixtures();
  await virshDefine(tcgGuestXml({ name: vm, memoryMiB: 128 }));
  await virsh(['start', vm, '--paused']);
  server = await startVireo({ VIREO_TLS: 'off', VIREO_CONSOLE_IDLE_MINUTES: String(IDLE_MS / 60_000) });
  session = await adminSession(server);
});

afterAll(async () => {
  await server?.stop();
  await virshCleanupDomain(vm);
});

describe('console idle timeout', () => {
  it('closes a console without input after the limit, with the IDLE close code', async () => {
    const { closed, openedAt } = await openConsole();
    const { code, at } = await closed;
    expect(code).toBe(4001);
    expect(at - openedAt).toBeGreaterThanOrEqual(IDLE_MS - 100);
    expect(at - openedAt).toBeLessThan(IDLE_MS + 3000);
  });

  it('keeps a console open while the user sends input', async () => {
    const { ws, closed, openedAt } = await openConsole();
    const keepAlive = setInterval(() => ws.send(JSON.stringify({ type: 'resize', cols: 80, rows: 24 })), IDLE_MS / 3);
    await new Promise((r) => setTimeout(r, IDLE_MS * 1.5));
    clearInterval(keepAlive);
    expect(ws.readyState).toBe(WebSocket.OPEN);
    const { code, at } = await closed;
    expect(code).toBe(4001);
    expect(at - openedAt).toBeGreaterThan(IDLE_MS * 2);
  });
});
