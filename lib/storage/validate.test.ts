import { describe, expect, it } from 'vitest';
import { poolInputSchema, volumeActionSchema, volumeInputSchema } from './validate';

const issues = (r: { success: boolean; error?: { issues: Array<{ path: PropertyKey[]; message: string }> } }) =>
  Object.fromEntries((r.error?.issues ?? []).map((i) => [i.path.join('.'), i.message]));

describe('pool input', () => {
  it('fills defaults for a directory pool', () => {
    expect(poolInputSchema.parse({ name: 'p1', type: 'dir', targetPath: '/srv/p1' })).toEqual({
      name: 'p1',
      type: 'dir',
      targetPath: '/srv/p1',
      build: true,
      start: true,
      autostart: false,
    });
  });

  it('asks for what each type needs', () => {
    expect(issues(poolInputSchema.safeParse({ name: 'p', type: 'dir' }))).toEqual({ targetPath: 'A directory pool needs its directory (target path).' });
    expect(Object.keys(issues(poolInputSchema.safeParse({ name: 'p', type: 'netfs', targetPath: '/mnt/x' })))).toEqual(['sourceHost', 'sourceDir']);
    expect(Object.keys(issues(poolInputSchema.safeParse({ name: 'p', type: 'logical' })))).toEqual(['sourceName']);
    expect(poolInputSchema.safeParse({ name: 'p', type: 'iscsi', targetPath: '/x' }).success).toBe(false);
  });

  it('refuses relative and climbing paths and bad names', () => {
    expect(issues(poolInputSchema.safeParse({ name: 'p', type: 'dir', targetPath: 'srv/p' })).targetPath).toMatch(/absolute/);
    expect(issues(poolInputSchema.safeParse({ name: 'p', type: 'dir', targetPath: '/srv/../etc' })).targetPath).toMatch(/"\.\."/);
    expect(issues(poolInputSchema.safeParse({ name: '../etc', type: 'dir', targetPath: '/srv/p' })).name).toMatch(/outside the pool/);
  });

  it('treats empty optional fields as absent', () => {
    expect(poolInputSchema.parse({ name: 'p', type: 'dir', targetPath: '/srv/p', sourceHost: '', sourceDevice: null }).sourceHost).toBeUndefined();
  });
});

describe('volume input and actions', () => {
  it('accepts qcow2/raw with a whole positive size', () => {
    expect(volumeInputSchema.parse({ name: 'd.qcow2', format: 'qcow2', capacity: 1 << 20 })).toMatchObject({ capacity: 1048576 });
    expect(issues(volumeInputSchema.safeParse({ name: 'd', format: 'vmdk', capacity: 1 })).format).toMatch(/qcow2, raw/);
    expect(issues(volumeInputSchema.safeParse({ name: 'd', format: 'raw', capacity: 0 })).capacity).toMatch(/at least 1/);
    expect(issues(volumeInputSchema.safeParse({ name: 'd', format: 'raw', capacity: 1.5 })).capacity).toMatch(/whole/);
  });

  it('parses resize and wipe', () => {
    expect(volumeActionSchema.parse({ action: 'resize', capacity: 10 })).toEqual({ action: 'resize', capacity: 10 });
    expect(volumeActionSchema.parse({ action: 'wipe' })).toEqual({ action: 'wipe', confirmUsers: [] });
    expect(volumeActionSchema.parse({ action: 'wipe', confirmUsers: ['web1', 'default/vm.qcow2'] })).toEqual({
      action: 'wipe',
      confirmUsers: ['web1', 'default/vm.qcow2'],
    });
    expect(volumeActionSchema.safeParse({ action: 'wipe', confirmUsers: 'web1' }).success).toBe(false);
    expect(volumeActionSchema.safeParse({ action: 'shred' }).success).toBe(false);
  });
});
