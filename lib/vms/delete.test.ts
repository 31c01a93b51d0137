import { describe, expect, it } from 'vitest';
import { ErrorNumber, LibvirtError, type LibvirtClient } from '@/lib/libvirt';
import type { HostContext } from '@/lib/hosts';
import { deleteVm } from './delete';

// The order of deleteVm's changes, against a stand-in client that records them: found by the route fuzzer, which
// saw a refused delete leave a running VM forced off.

function hostWith(calls: string[], undefine: () => Promise<void>): HostContext {
  const dom = { name: 'web', uuid: '6695eb01-f6a4-8304-79aa-97f2502e193f', id: 7 };
  const client = {
    domains: {
      lookupByName: async () => dom,
      xml: async () => "<domain type='kvm'><name>web</name><devices/></domain>",
      undefine: async () => {
        calls.push('undefine');
        await undefine();
      },
      destroy: async () => {
        calls.push('destroy');
      },
    },
    remote: { domainSnapshotNum: async () => ({ num: 0 }) },
  } as unknown as LibvirtClient;
  return { libvirt: async () => client } as unknown as HostContext;
}

describe('deleteVm', () => {
  it('leaves a running VM running when libvirt refuses to undefine it', async () => {
    const calls: string[] = [];
    const refused = new LibvirtError({ code: ErrorNumber.ERR_INVALID_ARG, domain: 10, level: 2, message: 'unsupported flags (0x18)' });
    const host = hostWith(calls, () => Promise.reject(refused));
    await expect(deleteVm(host, 'web', { volumes: [], nvram: false, snapshots: false })).rejects.toBe(refused);
    expect(calls).toEqual(['undefine']);
  });

  it('undefines a running VM first, then forces the now transient VM off', async () => {
    const calls: string[] = [];
    const result = await deleteVm(
      hostWith(calls, async () => undefined),
      'web',
      { volumes: [], nvram: false, snapshots: false },
    );
    expect(calls).toEqual(['undefine', 'destroy']);
    expect(result).toEqual({ removedVolumes: [], failedVolumes: [] });
  });
});
