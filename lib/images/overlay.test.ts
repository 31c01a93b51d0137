import { DOMParser } from '@xmldom/xmldom';
import { describe, expect, it } from 'vitest';
import { buildOverlayXml } from './overlay';

describe('buildOverlayXml', () => {
  it('describes a qcow2 volume backed by the base, with text escaped by the XML library', () => {
    const xml = buildOverlayXml({ name: 'vm&1.qcow2', capacity: 4 * 1024 ** 3, backingPath: '/pool/<base>.qcow2', backingFormat: 'raw' });
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
