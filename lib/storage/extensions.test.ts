import { describe, expect, it } from 'vitest';
import { withFormatExtension } from './extensions';

describe('withFormatExtension', () => {
  it("adds the format's extension to a bare name", () => {
    expect(withFormatExtension('disk', 'qcow2')).toBe('disk.qcow2');
    expect(withFormatExtension(' disk ', 'raw')).toBe('disk.img');
  });
  it("keeps the format's own extensions and swaps the other format's", () => {
    expect(withFormatExtension('disk.qcow2', 'qcow2')).toBe('disk.qcow2');
    expect(withFormatExtension('disk.RAW', 'raw')).toBe('disk.RAW');
    expect(withFormatExtension('disk.img', 'qcow2')).toBe('disk.qcow2');
    expect(withFormatExtension('disk.qcow2', 'raw')).toBe('disk.img');
  });
  it('keeps any other extension and an empty name', () => {
    expect(withFormatExtension('installer.iso', 'raw')).toBe('installer.iso');
    expect(withFormatExtension('', 'qcow2')).toBe('');
    expect(withFormatExtension('web-01.v2', 'qcow2')).toBe('web-01.v2');
  });
});
