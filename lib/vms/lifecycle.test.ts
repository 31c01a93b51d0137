import { describe, expect, it } from 'vitest';
import { DomainState, ErrorNumber, type LibvirtClient } from '@/lib/libvirt';
import type { HostContext } from '@/lib/hosts';
import { describeError } from '@/lib/errors';
import { runLifecycle } from './lifecycle';

// Found by the route fuzzer: starting a running VM, or pausing a stopped one, came back as libvirt's "internal
// error" (a 502) from the test driver. Such refusals are made here, in plain words and the same on every driver.

function hostWith(
  id: number,
  calls: string[],
  state: number = id > 0 ? DomainState.RUNNING : DomainState.SHUTOFF,
  metadata: string | null = null,
): HostContext {
  const record = (what: string) => async () => {
    calls.push(what);
  };
  const client = {
    domains: {
      lookupByName: async (name: string) => ({ name, uuid: '6695eb01-f6a4-8304-79aa-97f2502e193f', id }),
      state: async () => ({ state, reason: 0 }),
      create: record('create'),
      shutdown: record('shutdown'),
      destroy: record('destroy'),
      reboot: record('reboot'),
      suspend: record('suspend'),
      resume: record('resume'),
    },
    remote: {
      domainGetMetadata: async () => {
        if (metadata !== null) return { metadata };
        throw Object.assign(new Error('metadata not found'), { name: 'LibvirtError', code: ErrorNumber.ERR_NO_DOMAIN_METADATA });
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

  it('refuses to start a template in plain words, starting nothing', async () => {
    const calls: string[] = [];
    const host = hostWith(-1, calls, DomainState.SHUTOFF, '<vm xmlns="https://vireo.dev/xmlns/vm/1"><template since="2026-01-01T00:00:00Z"/></vm>');
    const err = await runLifecycle(host, 'web', 'start').catch((e: unknown) => e);
    expect(describeError(err)).toMatchObject({ status: 409, message: expect.stringMatching(/"web" is a template, and templates are never started/) });
    expect(calls).toEqual([]);
  });

  it.each(['shutdown', 'destroy', 'reboot', 'suspend', 'resume'] as const)('refuses to %s a stopped VM with a 409, asking libvirt nothing', async (action) => {
    const calls: string[] = [];
    const err = await runLifecycle(hostWith(-1, calls), 'web', action).catch((e: unknown) => e);
    expect(describeError(err)).toEqual({ status: 409, message: 'Virtual machine "web" is not running.' });
    expect(calls).toEqual([]);
  });

  it('pauses a running VM and resumes a paused one; the other way round changes nothing', async () => {
    const calls: string[] = [];
    await runLifecycle(hostWith(3, calls, DomainState.RUNNING), 'web', 'suspend');
    await runLifecycle(hostWith(3, calls, DomainState.PAUSED), 'web', 'resume');
    await runLifecycle(hostWith(3, calls, DomainState.PAUSED), 'web', 'suspend');
    await runLifecycle(hostWith(3, calls, DomainState.RUNNING), 'web', 'resume');
    expect(calls).toEqual(['suspend', 'resume']);
  });
});
