import net from 'node:net';
import { existsSync } from 'node:fs';
import type { Duplex } from 'node:stream';
import { ConnectionError } from '../errors';
import type { Dialer } from './dialer';
import type { ParsedUri } from './uri';

function connectSocket(opts: net.NetConnectOpts, what: string, signal?: AbortSignal): Promise<Duplex> {
  return new Promise((resolve, reject) => {
    const sock = net.connect(opts);
    const onAbort = () => {
      sock.destroy();
      reject(new ConnectionError('dial-failed', `connecting to ${what} was aborted`));
    };
    signal?.addEventListener('abort', onAbort, { once: true });
    sock.once('connect', () => {
      signal?.removeEventListener('abort', onAbort);
      sock.setNoDelay?.(true);
      sock.removeAllListeners('error');
      resolve(sock);
    });
    sock.once('error', (err) => {
      signal?.removeEventListener('abort', onAbort);
      reject(new ConnectionError('dial-failed', `cannot connect to ${what}: ${err.message}`, { cause: err }));
    });
  });
}

export class UnixDialer implements Dialer {
  constructor(readonly path: string) {}
  get description(): string {
    return `unix socket ${this.path}`;
  }
  dial(signal?: AbortSignal): Promise<Duplex> {
    return connectSocket({ path: this.path }, this.description, signal);
  }
}

export class TcpDialer implements Dialer {
  constructor(
    readonly host: string,
    readonly port: number,
  ) {}
  get description(): string {
    return `tcp ${this.host}:${this.port}`;
  }
  dial(signal?: AbortSignal): Promise<Duplex> {
    return connectSocket({ host: this.host, port: this.port }, this.description, signal);
  }
}

const RUN_DIR = '/run/libvirt';

/**
 * The local socket for a URI. libvirtd (monolithic) serves every driver on libvirt-sock; with modular daemons
 * each driver has its own (virtqemud-sock, ...), which is used when libvirt-sock is absent.
 */
export function localSocketPath(uri: ParsedUri, readOnly: boolean, runDir = RUN_DIR): string {
  if (uri.params.socket) return uri.params.socket;
  const suffix = readOnly ? '-sock-ro' : '-sock';
  const monolithic = `${runDir}/libvirt${suffix}`;
  const modular = `${runDir}/virt${uri.driver === 'test' ? 'qemu' : uri.driver}d${suffix}`;
  return existsSync(monolithic) || !existsSync(modular) ? monolithic : modular;
}
