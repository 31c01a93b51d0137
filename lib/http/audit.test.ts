import { describe, expect, it } from 'vitest';
import { jobInPath, networkInPath, vmInPath, volumeInPath } from './audit';

describe('audit objects named by the path', () => {
  it('names a VM or a network by its name, a volume as pool/volume', () => {
    expect([vmInPath.objectType, vmInPath.objectName({ params: { name: 'web-1' } })]).toEqual(['vm', 'web-1']);
    expect([networkInPath.objectType, networkInPath.objectName({ params: { name: 'lan' } })]).toEqual(['network', 'lan']);
    expect(volumeInPath.objectName({ params: { pool: 'default', volume: 'web-1.qcow2' } })).toBe('default/web-1.qcow2');
  });

  it('names a job by its id, and keeps the id in the detail', () => {
    const i = { params: { id: '0b7c6f0e-4f7e-4a8e-9d59-2f4c0c3b1a11' } };
    expect([jobInPath.objectType, jobInPath.objectName(i), jobInPath.detail(i)]).toEqual(['job', i.params.id, { jobId: i.params.id }]);
  });
});
