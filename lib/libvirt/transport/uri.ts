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

/** libvirt's client-side parameters (remote_driver.c): they steer the transport and never reach the daemon. */
const CLIENT_PARAMS = new Set([
  'socket',
  'mode',
  'no_verify',
  'no_tty',
  'pkipath',
  'keyfile',
  'sshauth',
  'netcat',
  'command',
  'proxy',
  'name',
  'known_hosts',
  'known_hosts_verify',
  'tls_priority',
]);

/** The daemon's port when the URI names none: libvirtd's tcp_port and tls_port, and sshd's. */
export const DEFAULT_PORTS: Readonly<Record<'tcp' | 'tls' | 'ssh', number>> = { tcp: 16509, tls: 16514, ssh: 22 };

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

/** A yes/no parameter as libvirt reads it (`no_verify=1`); anything but 0 or 1 is refused rather than guessed. */
export function flagParam(uri: ParsedUri, name: string): boolean {
  const v = uri.params[name];
  if (v === undefined || v === '' || v === '0') return false;
  if (v === '1') return true;
  throw new UriError(`${name}=${JSON.stringify(v)}: expected 0 or 1`);
}

/** A parameter that must name an absolute path (socket=, netcat=, keyfile=, pkipath=). */
export function pathParam(uri: ParsedUri, name: string): string | undefined {
  const v = uri.params[name];
  if (v === undefined) return undefined;
  if (!v.startsWith('/') || /[\0\n]/.test(v)) throw new UriError(`${name}=${JSON.stringify(v)}: expected an absolute path`);
  return v;
}

/** One of a fixed set of words (proxy=auto|netcat|native). */
export function choiceParam<T extends string>(uri: ParsedUri, name: string, choices: readonly T[]): T | undefined {
  const v = uri.params[name];
  if (v === undefined) return undefined;
  if (!(choices as readonly string[]).includes(v)) throw new UriError(`${name}=${JSON.stringify(v)}: expected one of ${choices.join(', ')}`);
  return v as T;
}
