import { describe, expect, it } from 'vitest';
import { filePathProblem, formatFromPath } from './paths';

describe('disk file paths', () => {
  it('accepts plain absolute paths', () => {
    expect(filePathProblem('/var/lib/libvirt/images/a.qcow2')).toBeNull();
    expect(filePathProblem('/srv/iso/debian 12.iso')).toBeNull();
  });

  it('refuses relative, climbing, unnormalised and special paths', () => {
    expect(filePathProblem('')).toMatch(/required/);
    expect(filePathProblem('images/a.img')).toMatch(/absolute/);
    expect(filePathProblem('/var/lib/../../etc/shadow')).toMatch(/\.\./);
    expect(filePathProblem('/var//lib/a.img')).toMatch(/plainly/);
    expect(filePathProblem('/var/./lib/a.img')).toMatch(/plainly/);
    expect(filePathProblem('/var/lib/')).toMatch(/folder/);
    expect(filePathProblem('/var/a\nb.img')).toMatch(/control/);
    expect(filePathProblem('/proc/self/mem')).toMatch(/not a disk image/);
    expect(filePathProblem(`/${'a'.repeat(5000)}`)).toMatch(/too long/);
  });

  it('guesses the format from the name only for files outside pools', () => {
    expect(formatFromPath('/x/a.QCOW2')).toBe('qcow2');
    expect(formatFromPath('/x/a.iso')).toBe('raw');
  });
});
