import { describe, expect, it } from 'vitest';
import { copyVolumeName } from './plan';

describe('copyVolumeName', () => {
  it('differs for two points made within the same second (a libvirt volume name is taken once)', () => {
    const at = new Date('2026-12-01T17:52:32.120Z');
    const a = copyVolumeName('web', 'vda', at, '0f3c9a1e-0000-4000-8000-000000000001', 'full');
    const b = copyVolumeName('web', 'vda', new Date(at.getTime() + 300), '7b21d04c-0000-4000-8000-000000000002', 'full');
    expect(a).toBe('web.vda.20261201-175232-0f3c9a1e.full.qcow2');
    expect(b).not.toBe(a);
  });
});
