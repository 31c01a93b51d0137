import { afterAll, describe, expect, it } from 'vitest';
import { HostContext } from './host-context';

// A host whose libvirtd is not there (a unix socket path that does not exist): the first calls wait through the
// reconnect as long as asked; once it has been down longer than that, calls fail at once with the reason, so one
// down host does not hold up every answer that lists all hosts.

const host = new HostContext({ id: 'gone', name: 'gone host', uri: 'qemu+unix:///system?socket=/nonexistent/vireo-test/libvirt-sock' });
afterAll(() => host.close());

async function timed(wait: number): Promise<{ ms: number; error: string }> {
  const t0 = Date.now();
  const error = await host.libvirt(wait).then(
    () => 'connected',
    (err: unknown) => (err instanceof Error ? err.message : String(err)),
  );
  return { ms: Date.now() - t0, error };
}

describe('a host that is down', () => {
  it('is waited for up to the wait, then answers at once while it stays down', async () => {
    const first = await timed(400);
    expect(first.error).not.toBe('connected');
    expect(first.ms).toBeGreaterThanOrEqual(300);
    expect(host.status().downSince).not.toBeNull();
    const again = await timed(400);
    expect(again.ms).toBeLessThan(100);
    expect(again.error).toMatch(/\S/);
    // A longer wait than the host has been down still waits for the rest of it.
    const longer = await timed(host.status().downSince ? Date.now() - Date.parse(host.status().downSince!) + 300 : 300);
    expect(longer.ms).toBeGreaterThanOrEqual(200);
  });
});
