import { describe, expect, it } from 'vitest';
import { filesGoingWithVm, type RecordedFile } from './files';

const ov = (path: string, base: string): RecordedFile => ({ role: 'overlay', path, base });
const mem = (path: string): RecordedFile => ({ role: 'memory', path, base: null });

describe('filesGoingWithVm', () => {
  const files = [ov('/p/g-vda-s1.qcow2', '/p/g.qcow2'), ov('/p/g-vda-s2.qcow2', '/p/g-vda-s1.qcow2'), mem('/p/g-s2.mem')];

  it('a chosen disk takes its whole chain of Vireo overlays and the original image beneath', () => {
    const out = filesGoingWithVm(files, new Set(['/p/g-vda-s2.qcow2']), new Set(['/p/g-vda-s2.qcow2']));
    expect(out.sort()).toEqual(['/p/g-s2.mem', '/p/g-vda-s1.qcow2', '/p/g.qcow2']);
  });

  it('a kept disk keeps its chain; memory states still go', () => {
    expect(filesGoingWithVm(files, new Set(), new Set(['/p/g-vda-s2.qcow2']))).toEqual(['/p/g-s2.mem']);
  });

  it('overlays no disk uses any more go', () => {
    expect(filesGoingWithVm([ov('/p/old.qcow2', '/p/g.qcow2')], new Set(), new Set(['/p/g.qcow2']))).toEqual(['/p/old.qcow2']);
  });
});
