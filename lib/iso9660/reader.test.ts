import { describe, expect, it } from 'vitest';
import { readIsoRoot } from './reader';
import { buildIso } from './writer';

describe('readIsoRoot', () => {
  it('reads back the label and the exact names and bytes the writer put in', () => {
    const files = [
      { name: 'user-data', data: Buffer.from('#cloud-config\nhostname: a\n') },
      { name: 'meta-data', data: Buffer.from('instance-id: x\n') },
      { name: 'network-config', data: Buffer.alloc(5000, 7) },
    ];
    const iso = readIsoRoot(buildIso({ volumeId: 'cidata', files }));
    expect(iso.volumeId).toBe('cidata');
    expect([...iso.files.keys()].sort()).toEqual(['meta-data', 'network-config', 'user-data']);
    for (const f of files) expect(iso.files.get(f.name)!.equals(f.data)).toBe(true);
  });

  it('refuses what is not an ISO image', () => {
    expect(() => readIsoRoot(Buffer.alloc(40_000))).toThrow(/not an ISO 9660/);
  });
});
