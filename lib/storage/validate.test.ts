import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { capacityQuerySchema, poolInputSchema, volumeActionSchema, volumeInputSchema } from './validate';

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

describe('what the API document says of them', () => {
  it('states the path rule as a pattern agreeing with the checks', () => {
    const doc = z.toJSONSchema(poolInputSchema, { io: 'input' }) as { properties: Record<string, { pattern?: string }> };
    const pattern = new RegExp(doc.properties.targetPath!.pattern!);
    const paths = ['/', '/srv/p', '//x', '/a/', '/.x', '/..x', '/x..', '/a b/ü', 'srv', '/a/./b', '/a/..', '/.', '/a\nb', '/a\u0000'];
    for (const p of paths) {
      const ok = poolInputSchema.safeParse({ name: 'p', type: 'dir', targetPath: p }).success;
      expect(pattern.test(p), p).toBe(ok);
    }
  });

  it("says that '' leaves an optional field out, as the checks take it", () => {
    const doc = z.toJSONSchema(poolInputSchema, { io: 'input' }) as { properties: Record<string, { pattern?: string }> };
    for (const field of ['targetPath', 'sourceDevice', 'sourceHost', 'sourceDir', 'sourceName']) {
      expect(new RegExp(doc.properties[field]!.pattern!).test(''), field).toBe(true);
      expect(poolInputSchema.safeParse({ name: 'p', type: 'dir', targetPath: '/srv/p', [field === 'targetPath' ? 'sourceDir' : field]: '' }).success).toBe(
        true,
      );
    }
    expect(new RegExp(doc.properties.sourceHost!.pattern!).test('-x')).toBe(false);
  });

  it("states an upload size's bounds, with the same messages as before", () => {
    expect(z.toJSONSchema(capacityQuerySchema, { io: 'input' })).toMatchObject({ type: 'integer', minimum: 1, maximum: Number.MAX_SAFE_INTEGER });
    const first = (v: unknown) => capacityQuerySchema.safeParse(v).error?.issues[0]?.message;
    expect(first(undefined)).toBe('The upload must declare its size in bytes (size=…).');
    expect(first('abc')).toBe('The upload must declare its size in bytes (size=…).');
    expect(first('0')).toBe('The size must be at least 1 byte.');
    expect(first('1.5')).toBe('The size must be a whole number of bytes.');
    expect(capacityQuerySchema.parse('4096')).toBe(4096);
  });
});
