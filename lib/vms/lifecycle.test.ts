import { describe, expect, it } from 'vitest';
import type { LibvirtClient } from '@/lib/libvirt';
import type { HostContext } from '@/lib/hosts';
import { describeError } from '@/lib/errors';
import { runLifecycle } from './lifecycle';

// Found by the route fuzzer: starting a running VM came back as libvirt's "internal error" (a 502) from the test
// driver. It is refused here, in plain words and the same on every driver.

function hostWith(id: number, calls: string[]): HostContext {
  const client = {
    domains: {
      lookupByName: async (name: string) => ({ name, uuid: '6695eb01-f6a4-8304-79aa-97f2502e193f', id }),
      create: async () => {
        calls.push('create');
      },
    },
  } as unknown as LibvirtClient;
  return { libvirt: async () => client } as unknown as HostContext;
}

describe('runLifecycle', () => {
  it('refuses to start a VM that is already running, with a 409 in plain words, asking libvirt nothing', async () => {
    const calls: string[] = [];
    const err = await runLifecycle(hostWith(3, calls), 'web', 'start').catch((e: unknown) => e);
    expect(describeError(err)).toEqual({ status: 409, message: 'Virtual machine "web" is already running.' });
    expect(calls).toEqual([]);
  });

  it('starts a stopped VM', async () => {
    const calls: string[] = [];
    await runLifecycle(hostWith(-1, calls), 'web', 'start');
    expect(calls).toEqual(['create']);
  });
});
