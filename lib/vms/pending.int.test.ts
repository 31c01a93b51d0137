import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureFixtures, tcgGuestXml } from '@/test/support/fixtures';
import { testHost } from '@/test/support/test-host';
import { until } from '@/test/support/until';
import { virsh, virshCleanupDomain, virshDefine, virshDomState } from '@/test/support/virsh';
import { inventory, type VmRow } from './inventory';
import { runLifecycle } from './lifecycle';

// "Shutdown requested": an ACPI shutdown only asks the guest, so until it has stopped the live list says so rather
// than nothing. The guest here has no ACPI, so it never acts on the request: the state is there to be seen, and a
// forced stop ends it.

const name = `vireo-it-pending-${randomUUID().slice(0, 8)}`;
const host = testHost();

async function row(): Promise<VmRow | undefined> {
  return (await inventory(host).list()).find((r) => r.name === name);
}

beforeAll(async () => {
  await ensureFixtures();
  await virshDefine(tcgGuestXml({ name, memoryMiB: 96 }).replace(/<acpi\s*\/>|<acpi><\/acpi>/, ''));
  await virsh(['start', name]);
  await until('the running row', async () => (await row())?.state === 'running');
});

afterAll(async () => {
  await virshCleanupDomain(name);
  await host.close();
});

describe('pending lifecycle states', () => {
  it('shows "shutdown requested" from the ACPI request until the guest stops', async () => {
    const changes: unknown[] = [];
    const listen = (c: unknown) => changes.push(c);
    inventory(host).on('change', listen);
    try {
      expect((await row())?.pending ?? null).toBeNull();
      await runLifecycle(host, name, 'shutdown');
      expect(await row()).toMatchObject({ state: 'running', pending: 'shutdown requested' });
      expect(changes).toContainEqual({ type: 'upsert', row: expect.objectContaining({ name, pending: 'shutdown requested' }) });
      // The guest ignores it (no ACPI): the request stays visible, through any re-read of the row.
      await new Promise((r) => setTimeout(r, 2000));
      expect(await virshDomState(name)).toBe('running');
      const dom = await (await host.libvirt()).domains.lookupByName(name);
      await inventory(host).refresh(dom);
      expect(await row()).toMatchObject({ state: 'running', pending: 'shutdown requested' });

      await runLifecycle(host, name, 'destroy');
      await until('the stopped row', async () => (await row())?.state === 'shut off');
      expect((await row())?.pending).toBeNull();
      // Started again, nothing is pending.
      await runLifecycle(host, name, 'start');
      await until('the running row again', async () => (await row())?.state === 'running');
      expect((await row())?.pending).toBeNull();
    } finally {
      inventory(host).off('change', listen);
    }
  });
});
