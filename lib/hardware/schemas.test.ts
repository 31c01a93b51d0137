import { describe, expect, it } from 'vitest';
import { bootChangeSchema, diskAddSchema, memoryChangeSchema, scopeQuerySchema } from './schemas';

describe('hardware request schemas', () => {
  it('requires the scope booleans on mutations', () => {
    expect(memoryChangeSchema.safeParse({ currentMiB: 512 }).success).toBe(false);
    expect(memoryChangeSchema.safeParse({ live: true, persistent: false, currentMiB: 512 }).success).toBe(true);
    expect(memoryChangeSchema.safeParse({ live: true, persistent: false, currentMiB: 1.5 }).success).toBe(false);
  });

  it('knows the disk sources and buses', () => {
    const ok = diskAddSchema.safeParse({
      live: true,
      persistent: true,
      bus: 'virtio',
      source: { kind: 'new-volume', pool: 'default', name: 'a.qcow2', sizeGiB: 10, format: 'qcow2' },
    });
    expect(ok.success).toBe(true);
    expect(diskAddSchema.safeParse({ live: true, persistent: true, bus: 'floppy', source: { kind: 'file', path: '/a' } }).success).toBe(false);
    expect(diskAddSchema.safeParse({ live: true, persistent: true, bus: 'virtio', source: { kind: 'url', url: 'http://x' } }).success).toBe(false);
  });

  it('lets boot changes leave the scope out', () => {
    expect(bootChangeSchema.safeParse({ menu: true }).success).toBe(true);
    expect(bootChangeSchema.safeParse({ onCrash: 'explode' }).success).toBe(false);
  });

  it('reads the DELETE scope from the query', () => {
    const q = (url: string) => scopeQuerySchema.parse(Object.fromEntries(new URL(url).searchParams));
    expect(q('http://x/?live=1&persistent=true')).toEqual({ live: true, persistent: true });
    expect(q('http://x/?live=0')).toEqual({ live: false, persistent: false });
  });
});
