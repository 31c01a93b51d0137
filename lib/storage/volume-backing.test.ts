import { DOMParser } from '@xmldom/xmldom';
import { describe, expect, it } from 'vitest';
import { buildVolumeXml } from './volume-model';

describe('buildVolumeXml with a backing store', () => {
  it('describes a qcow2 volume backed by the base, with text escaped by the XML library', () => {
    const xml = buildVolumeXml({ name: 'vm&1.qcow2', capacity: 4 * 1024 ** 3, format: 'qcow2', backing: { path: '/pool/<base>.qcow2', format: 'raw' } });
    const doc = new DOMParser().parseFromString(xml, 'text/xml');
    const text = (sel: string) => doc.getElementsByTagName(sel)[0]!.textContent;
    expect(text('name')).toBe('vm&1.qcow2');
    expect(text('capacity')).toBe(String(4 * 1024 ** 3));
    const target = doc.getElementsByTagName('target')[0]!;
    expect(target.getElementsByTagName('format')[0]!.getAttribute('type')).toBe('qcow2');
    const backing = doc.getElementsByTagName('backingStore')[0]!;
    expect(backing.getElementsByTagName('path')[0]!.textContent).toBe('/pool/<base>.qcow2');
    expect(backing.getElementsByTagName('format')[0]!.getAttribute('type')).toBe('raw');
  });
});
