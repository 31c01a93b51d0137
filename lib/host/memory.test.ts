import { describe, expect, it } from 'vitest';
import type { LibvirtClient } from '@/lib/libvirt';
import { memoryFromCounters, mibOf, readHostMemory } from './memory';

const GiB = 1024 ** 3;

function clientWith(host: Partial<LibvirtClient['host']>): LibvirtClient {
  return { host } as unknown as LibvirtClient;
}

describe('host memory', () => {
  it("takes the kernel's counters: total, and free plus buffers and cache as available", () => {
    expect(memoryFromCounters({ total: 24683652, free: 21672792, buffers: 129208, cached: 1982984 })).toEqual({
      totalBytes: 24683652 * 1024,
      availableBytes: (21672792 + 129208 + 1982984) * 1024,
      source: 'counters',
    });
  });

  it('never calls more available than the total, and needs a total', () => {
    expect(memoryFromCounters({ total: 100, free: 90, cached: 50 })!.availableBytes).toBe(100 * 1024);
    expect(memoryFromCounters({ free: 90 })).toBeNull();
    expect(memoryFromCounters({ total: 0 })).toBeNull();
  });

  it('prefers the counters over node info when both answer (they can disagree)', async () => {
    const client = clientWith({
      memoryStats: async () => ({ total: 24n * 1024n * 1024n, free: 20n * 1024n * 1024n, buffers: 0n, cached: 0n }),
      nodeInfo: async () => ({ memoryKiB: 9 * 1024 * 1024 }) as never,
      freeMemory: async () => 6 * GiB,
    });
    expect(await readHostMemory(client)).toEqual({ totalBytes: 24 * GiB, availableBytes: 20 * GiB, source: 'counters' });
  });

  it('falls back to node info where the driver has no counters', async () => {
    const client = clientWith({
      memoryStats: async () => {
        throw new Error('this function is not supported by the connection driver: virNodeGetMemoryStats');
      },
      nodeInfo: async () => ({ memoryKiB: 3 * 1024 * 1024 }) as never,
      freeMemory: async () => 2 * GiB,
    });
    expect(await readHostMemory(client)).toEqual({ totalBytes: 3 * GiB, availableBytes: 2 * GiB, source: 'node-info' });
  });

  it('rounds down to whole MiB for checks in MiB', () => {
    expect(mibOf(24683652 * 1024)).toBe(24105);
  });
});
