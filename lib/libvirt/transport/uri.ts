/**
 * libvirt connection URIs: `driver[+transport]://[user@][host][:port]/path[?query]`.
 * The daemon is told the URI without the transport part (`qemu+tcp://h/system` opens `qemu:///system` there).
 */
export type TransportKind = 'unix' | 'tcp' | 'tls' | 'ssh';

export interface ParsedUri {
  driver: string;
  transport: TransportKind;
  host: string | null;
  port: number | null;
  user: string | null;
  path: string;
  /** Query parameters meant for the client side (socket=, mode=, ...), removed from `remoteName`. */
  params: Record<string, string>;
  /** What CONNECT_OPEN sends to the daemon. */
  remoteName: string;
}

const CLIENT_PARAMS = new Set(['socket', 'mode', 'no_verify', 'no_tty', 'pkipath', 'keyfile', 'sshauth', 'netcat', 'command', 'proxy', 'name']);

export class UriError extends Error {
  override name = 'UriError';
}

export function parseUri(uri: string): ParsedUri {
  const m = /^([a-z][a-z0-9]*)(?:\+([a-z]+))?:\/\/(?:([^@/]*)@)?(\[[^\]]+\]|[^/:?]*)(?::(\d+))?(\/[^?]*)?(?:\?(.*))?$/i.exec(uri);
  if (!m) throw new UriError(`not a libvirt URI: ${JSON.stringify(uri)}`);
  const [, driver, transportRaw, user, hostRaw, portRaw, pathRaw, query] = m;
  const host = hostRaw ? hostRaw.replace(/^\[|\]$/g, '') : null;
  const transport = (transportRaw?.toLowerCase() ?? (host ? 'tls' : 'unix')) as TransportKind;
  if (!['unix', 'tcp', 'tls', 'ssh'].includes(transport)) throw new UriError(`unsupported transport "${transportRaw}" in ${uri}`);
  const params: Record<string, string> = {};
  const forward: string[] = [];
  for (const part of (query ?? '').split('&').filter(Boolean)) {
    const [k = '', v = ''] = part.split('=').map(decodeURIComponent);
    if (CLIENT_PARAMS.has(k)) params[k] = v;
    else forward.push(part);
  }
  const path = pathRaw ?? '/';
  const port = portRaw ? Number(portRaw) : null;
  if (port !== null && (port < 1 || port > 65535)) throw new UriError(`bad port in ${uri}`);
  const remoteName = params.name ?? `${driver!.toLowerCase()}://${path}${forward.length ? `?${forward.join('&')}` : ''}`;
  return { driver: driver!.toLowerCase(), transport, host, port, user: user ?? null, path, params, remoteName };
}
