import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { nameProblem, volumeNameSchema } from './names';

describe('storage names', () => {
  it('accepts ordinary pool and volume names', () => {
    for (const n of ['default', 'vm-disks', 'disk1.qcow2', 'debian-12.7_amd64+netinst.iso', 'a']) expect(nameProblem('volume', n)).toBeNull();
    expect(nameProblem('pool', 'images_2')).toBeNull();
  });

  it('refuses path tricks with a message saying why', () => {
    expect(nameProblem('pool', '../etc')).toMatch(/"\/"/);
    expect(nameProblem('volume', '..')).toMatch(/"\.\."/);
    expect(nameProblem('volume', 'a..b')).toMatch(/"\.\."/);
    expect(nameProblem('volume', 'sub/disk')).toMatch(/outside the pool/);
    expect(nameProblem('volume', 'a\\b')).toMatch(/outside the pool/);
    expect(nameProblem('volume', '.hidden')).toMatch(/start with "\."/);
    expect(nameProblem('volume', '-rf')).toMatch(/start with "-"/);
  });

  it('refuses odd characters, empty and over-long names', () => {
    expect(nameProblem('volume', 'disk 1')).toMatch(/only letters/);
    expect(nameProblem('volume', 'disk\u0000')).toMatch(/only letters/);
    expect(nameProblem('volume', 'dïsk')).toMatch(/only letters/);
    expect(nameProblem('pool', '')).toMatch(/required/);
    expect(nameProblem('pool', 'p'.repeat(65))).toMatch(/at most 64/);
    expect(nameProblem('volume', 'v'.repeat(200))).toBeNull();
    expect(nameProblem('volume', 'v'.repeat(201))).toMatch(/at most 200/);
  });

  it('states the whole rule as a pattern in its JSON Schema (the API document), agreeing with the checks', () => {
    const { pattern } = z.toJSONSchema(volumeNameSchema, { io: 'input' }) as { pattern?: string };
    expect(pattern).toBeDefined();
    const names = ['a', 'a.b', 'a.', 'a-', '+x', '_x', 'a.-b', 'disk1.qcow2', '.a', '-a', 'a..b', 'a...', 'a/b', 'a\\b', 'a b', 'ü', '', '..'];
    for (const n of names) expect(new RegExp(pattern!).test(n), n).toBe(nameProblem('volume', n) === null);
  });
});
