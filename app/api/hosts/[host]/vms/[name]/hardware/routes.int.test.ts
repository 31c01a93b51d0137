import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as hardwareRoute from '@/app/api/hosts/[host]/vms/[name]/hardware/route';
import * as memoryRoute from '@/app/api/hosts/[host]/vms/[name]/hardware/memory/route';
import * as nicsRoute from '@/app/api/hosts/[host]/vms/[name]/hardware/nics/route';
import * as nicRoute from '@/app/api/hosts/[host]/vms/[name]/hardware/nics/[mac]/route';
import * as diskRoute from '@/app/api/hosts/[host]/vms/[name]/hardware/disks/[target]/route';
import * as bootRoute from '@/app/api/hosts/[host]/vms/[name]/hardware/boot/route';
import { listAudit } from '@/lib/audit/log';
import { createUser } from '@/lib/auth/accounts';
import { createSession } from '@/lib/auth/session';
import { localHost } from '@/lib/hosts';
import { withTestDatabase } from '@/test/support/with-test-database';
import { ensureFixtures, tcgGuestXml } from '@/test/support/fixtures';
import { virsh, virshCleanupDomain, virshDefine } from '@/test/support/virsh';

// The hardware API routes (app/api/vms/[name]/hardware/**) called as Next calls them, with real sessions in a
// throw-away database and a real (shut-off) domain: roles, CSRF, schema and scope refusals, the change itself and
// its audit entry. Hotplug itself is covered in lib/hardware.

const tag = Math.random().toString(36).slice(2, 7);
const vm = `vireo-hw-test-api-${tag}`;
withTestDatabase();
const sessions: Record<'admin' | 'viewer', { token: string; csrfToken: string }> = {} as never;

function request(method: string, path: string, as: 'admin' | 'viewer' | null, body?: unknown, csrf = true): Request {
  const headers = new Headers({ 'content-type': 'application/json' });
  if (as) {
    headers.set('cookie', `vireo_session=${sessions[as].token}`);
    if (csrf) headers.set('x-csrf-token', sessions[as].csrfToken);
  }
  return new Request(`http://127.0.0.1${path}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
}

const params = <P extends object>(p: P) => ({ params: Promise.resolve({ name: vm, ...p }) });

beforeAll(async () => {
  await ensureFixtures();
  // An empty CD-ROM drive on virtio-scsi gives the 409 test something libvirt refuses to change live.
  await virshDefine(
    tcgGuestXml({ name: vm, memoryMiB: 192 }).replace(
      '</devices>',
      "<controller type='scsi' index='0' model='virtio-scsi'/><disk type='file' device='cdrom'><driver name='qemu' type='raw'/><target dev='sda' " +
        "bus='scsi'/><readonly/></disk></devices>",
    ),
  );
  for (const role of ['admin', 'viewer'] as const) {
    const user = await createUser(`hw-${role}`, 'correct horse battery staple', role);
    sessions[role] = await createSession(user.id, {});
  }
});

afterAll(async () => {
  await virshCleanupDomain(vm);
  await localHost().close();
});

describe('hardware API routes', () => {
  it('GET answers the HardwareView to any signed-in role, 401 without a session', async () => {
    const res = await hardwareRoute.GET(request('GET', `/api/vms/${vm}/hardware`, 'viewer'), params({}));
    expect(res.status).toBe(200);
    const view = await res.json();
    expect(view).toMatchObject({ name: vm, running: false, memory: { maximumKiB: 192 * 1024 } });
    expect((await hardwareRoute.GET(request('GET', `/api/vms/${vm}/hardware`, null), params({}))).status).toBe(401);
    const missing = await hardwareRoute.GET(request('GET', '/api/vms/nope/hardware', 'viewer'), { params: Promise.resolve({ name: `nope-${tag}` }) });
    expect(missing.status).toBe(404);
  });

  it('refuses viewers, missing CSRF tokens, bad bodies and live changes on a stopped VM with 4xx, changing nothing', async () => {
    const before = await virsh(['dumpxml', '--inactive', vm]);
    const body = { live: false, persistent: true, currentMiB: 128 };
    expect((await memoryRoute.PUT(request('PUT', '/x', 'viewer', body), params({}))).status).toBe(403);
    expect((await memoryRoute.PUT(request('PUT', '/x', 'admin', body, false), params({}))).status).toBe(403);
    const bad = await memoryRoute.PUT(request('PUT', '/x', 'admin', { live: false, persistent: true, currentMiB: 'lots' }), params({}));
    expect(bad.status).toBe(422);
    expect((await bad.json()).fields).toHaveProperty('currentMiB');
    const live = await memoryRoute.PUT(request('PUT', '/x', 'admin', { live: true, persistent: true, currentMiB: 128 }), params({}));
    expect(live.status).toBe(422);
    const problem = await live.json();
    expect(problem.error).toMatch(/not running/);
    expect(problem.fields).toHaveProperty('live');
    const above = await memoryRoute.PUT(request('PUT', '/x', 'admin', { live: false, persistent: true, currentMiB: 4096 }), params({}));
    expect(above.status).toBe(422);
    expect((await above.json()).fields).toHaveProperty('currentMiB');
    expect((await diskRoute.PATCH(request('PATCH', '/x', 'admin', { live: false, persistent: true, cache: 'none' }), params({ target: 'vdq' }))).status).toBe(
      404,
    );
    expect(await virsh(['dumpxml', '--inactive', vm])).toBe(before);
    const denied = (await listAudit({ q: vm })).find((a) => a.outcome === 'error' && a.action === 'vm.hardware.memory');
    expect(denied?.error).toMatch(/not running|above/);
  });

  it('applies a change, answers { outcome, hardware } and records it', async () => {
    const res = await memoryRoute.PUT(request('PUT', '/x', 'admin', { live: false, persistent: true, currentMiB: 128 }), params({}));
    expect(res.status).toBe(200);
    const { outcome, hardware } = await res.json();
    expect(outcome).toMatchObject({
      persistent: { status: 'applied' },
      live: { status: 'not-requested' },
      summary: 'Memory set to 128 MiB for next boot; the running guest is unchanged.',
    });
    expect(hardware.memory.currentKiB).toBe(128 * 1024);
    const entry = (await listAudit({ q: vm })).find((a) => a.outcome === 'ok' && a.action === 'vm.hardware.memory');
    expect(JSON.parse(entry!.detail!)).toMatchObject({ currentMiB: 128, summary: outcome.summary });
  });

  it('adds a NIC with a generated MAC, then removes it by MAC with the scope in the query', async () => {
    const add = await nicsRoute.POST(
      request('POST', '/x', 'admin', { live: false, persistent: true, source: { type: 'network', network: 'default' }, model: 'virtio' }),
      params({}),
    );
    expect(add.status).toBe(200);
    const { hardware } = await add.json();
    const mac: string = hardware.nics[0].mac;
    expect(mac).toMatch(/^52:54:00/);
    const noScope = await nicRoute.DELETE(request('DELETE', `/x/${encodeURIComponent(mac)}`, 'admin'), params({ mac: encodeURIComponent(mac) }));
    expect(noScope.status).toBe(422);
    const del = await nicRoute.DELETE(request('DELETE', `/x/${encodeURIComponent(mac)}?persistent=1`, 'admin'), params({ mac: encodeURIComponent(mac) }));
    expect(del.status).toBe(200);
    expect((await del.json()).hardware.nics).toEqual([]);
  });

  it('answers 409 with the per-half outcome when libvirt refuses every half asked for', async () => {
    // Started paused: the guest has a live definition but never runs (nothing to boot or read).
    await virsh(['start', '--paused', vm]);
    try {
      const before = [await virsh(['dumpxml', vm]), await virsh(['dumpxml', '--inactive', vm])];
      const res = await diskRoute.PATCH(request('PATCH', '/x', 'admin', { live: true, persistent: false, cache: 'none' }), params({ target: 'sda' }));
      expect(res.status).toBe(409);
      const body = await res.json();
      expect(body.error).toMatch(/^Nothing was changed\. libvirt says: /);
      expect(body.code).toMatch(/^ERR_/);
      expect(body.outcome).toMatchObject({ live: { status: 'refused', code: body.code }, persistent: { status: 'not-requested' } });
      expect(body.outcome.live.reason).toMatch(/cache/);
      expect([await virsh(['dumpxml', vm]), await virsh(['dumpxml', '--inactive', vm])]).toEqual(before);
      const entry = (await listAudit({ q: vm })).find((a) => a.action === 'vm.hardware.disk.update');
      expect(entry).toMatchObject({ outcome: 'error', error: expect.stringContaining(body.code) });
    } finally {
      await virsh(['destroy', vm]);
    }
  });

  it('changes boot settings with the scope left out (persistent)', async () => {
    const res = await bootRoute.PUT(request('PUT', '/x', 'admin', { menu: true, onCrash: 'restart', title: 'API' }), params({}));
    expect(res.status).toBe(200);
    expect((await res.json()).hardware.boot).toMatchObject({ menu: true, onCrash: 'restart', title: 'API' });
    const liveOnStopped = await bootRoute.PUT(request('PUT', '/x', 'admin', { title: 'x', live: true }), params({}));
    expect(liveOnStopped.status).toBe(422);
  });
});
