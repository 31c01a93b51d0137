import { describe, expect, it } from 'vitest';
import { parseXml, serializeXml } from '@/lib/xml/parse';
import { addLoopbackVnc } from './graphics';
import { vncTarget } from './vnc-target';

describe('addLoopbackVnc', () => {
  it('replaces any display with VNC on loopback, which the bridge accepts once a port is assigned', () => {
    const doc = parseXml('<domain type="kvm"><name>n</name><devices><graphics type="vnc" port="5900" listen="0.0.0.0"/></devices></domain>');
    addLoopbackVnc(doc);
    const xml = serializeXml(doc);
    expect(xml).not.toContain('0.0.0.0');
    expect(xml).toContain('<video><model type="vga"/></video>');
    // libvirt fills in the port when the guest starts.
    expect(vncTarget(xml.replace('autoport="yes"', 'autoport="yes" port="5907"'))).toEqual({ kind: 'tcp', host: '127.0.0.1', port: 5907 });
  });
});
