import { bool, createModel, int, many, str, xmlModel } from './model';

// <graphics>: the guest's display. Vireo's own guests get VNC on the host's loopback only; the browser reaches it
// through Vireo's authenticated WebSocket bridge.

export class GraphicsListen extends xmlModel('GraphicsListen', 'listen', {
  type: str<'address' | 'network' | 'socket' | 'none'>('@type'),
  address: str('@address'),
  socket: str('@socket'),
}) {}

export class Graphics extends xmlModel(
  'Graphics',
  'graphics',
  {
    type: str('@type'),
    /** The TCP port; -1 (or absent) until a running guest has one. */
    port: int('@port'),
    autoport: bool('@autoport'),
    /** The legacy listen attribute; libvirt mirrors the first <listen type='address'> into it. */
    listen: str('@listen'),
    socket: str('@socket'),
    listens: many(GraphicsListen, 'listen'),
  },
  { '': ['listen', 'image', 'channel', 'gl', 'audio'] },
) {
  /** VNC on 127.0.0.1 with a port libvirt picks when the guest starts. */
  static loopbackVnc(): Graphics {
    const g = createModel(Graphics);
    g.type = 'vnc';
    g.autoport = true;
    g.listen = '127.0.0.1';
    const l = g.add(createModel(GraphicsListen));
    l.type = 'address';
    l.address = '127.0.0.1';
    return g;
  }

  /** Every address the display listens on (the attribute and each <listen type='address'>). */
  get listenAddresses(): string[] {
    const addrs = [this.listen, ...this.listens.filter((l) => l.type === 'address').map((l) => l.address)];
    return addrs.filter((a): a is string => Boolean(a));
  }

  /** The unix socket it listens on instead of TCP, if any. */
  get socketPath(): string | null {
    return this.socket || this.listens.find((l) => l.type === 'socket')?.socket || null;
  }
}
