import { isIP } from 'node:net';
import { Domain } from '@/lib/domain-xml/domain';

// Where a running guest's VNC server listens, read from its live XML. Vireo only bridges to a display on
// the host's loopback or a unix socket: a VNC port reachable from the network would bypass Vireo's login,
// so such a guest is refused here rather than bridged.

export type VncTarget = { kind: 'tcp'; host: string; port: number } | { kind: 'unix'; path: string };

export class VncTargetError extends Error {
  override name = 'VncTargetError';
}

export function isLoopbackAddress(addr: string): boolean {
  if (addr === 'localhost') return true;
  if (isIP(addr) === 4) return addr.startsWith('127.');
  return addr === '::1' || addr === '0:0:0:0:0:0:0:1';
}

export function vncTarget(liveXml: string): VncTarget {
  const vnc = Domain.parse(liveXml).graphics.find((g) => g.type === 'vnc');
  if (!vnc) throw new VncTargetError('This virtual machine has no VNC display.');
  if (vnc.socketPath) return { kind: 'unix', path: vnc.socketPath };
  const addrs = vnc.listenAddresses;
  const address = addrs[0] ?? '';
  if (!address || addrs.some((a) => !isLoopbackAddress(a))) {
    throw new VncTargetError(
      `The VNC display listens on ${address || 'all addresses'}, not only on this host's loopback. Vireo does not bridge it; ` +
        `change the VM's <graphics> to listen on 127.0.0.1 or a unix socket.`,
    );
  }
  const port = vnc.port ?? 0;
  if (port <= 0 || port > 65535) throw new VncTargetError('The VNC display has no port yet; is the VM running?');
  return { kind: 'tcp', host: address === 'localhost' ? '127.0.0.1' : address, port };
}
