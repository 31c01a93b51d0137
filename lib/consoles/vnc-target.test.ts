import { describe, expect, it } from 'vitest';
import { isLoopbackAddress, vncTarget } from './vnc-target';

const dom = (graphics: string) => `<domain type="qemu"><name>g</name><devices><serial type="pty"/>${graphics}</devices></domain>`;

describe('vncTarget', () => {
  it('reads the live port of a loopback display', () => {
    expect(
      vncTarget(dom(`<graphics type="vnc" port="5901" autoport="yes" listen="127.0.0.1"><listen type="address" address="127.0.0.1"/></graphics>`)),
    ).toEqual({ kind: 'tcp', host: '127.0.0.1', port: 5901 });
  });

  it('bridges a unix socket display', () => {
    expect(vncTarget(dom(`<graphics type="vnc"><listen type="socket" socket="/run/libvirt/qemu/vnc-1.sock"/></graphics>`))).toEqual({
      kind: 'unix',
      path: '/run/libvirt/qemu/vnc-1.sock',
    });
  });

  it('refuses a display reachable from the network', () => {
    expect(() => vncTarget(dom(`<graphics type="vnc" port="5900" listen="0.0.0.0"/>`))).toThrow(/not only on this host's loopback/);
    expect(() => vncTarget(dom(`<graphics type="vnc" port="5900"/>`))).toThrow(/all addresses/);
    expect(() => vncTarget(dom(`<graphics type="vnc" port="5900" listen="127.0.0.1"><listen type="address" address="10.0.0.5"/></graphics>`))).toThrow(
      /loopback/,
    );
  });

  it('says when there is no VNC display or no port yet', () => {
    expect(() => vncTarget(dom(`<graphics type="spice" port="5900" listen="127.0.0.1"/>`))).toThrow(/no VNC display/);
    expect(() => vncTarget(dom(`<graphics type="vnc" port="-1" listen="127.0.0.1"/>`))).toThrow(/no port/);
  });

  it('knows loopback addresses', () => {
    for (const a of ['127.0.0.1', '127.1.2.3', '::1', 'localhost']) expect(isLoopbackAddress(a)).toBe(true);
    for (const a of ['0.0.0.0', '::', '192.168.1.1', '128.0.0.1']) expect(isLoopbackAddress(a)).toBe(false);
  });
});
