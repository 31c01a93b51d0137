import type { IncomingMessage } from 'node:http';
import type { TLSSocket } from 'node:tls';
import { CLIENT_IP_HEADER } from '@/lib/http/client-ip';

const SAFE = new Set(['GET', 'HEAD', 'OPTIONS']);

/** What a proxy says about the browser's request. Anyone can send these, so they count only from a trusted proxy. */
const FORWARDED = ['x-forwarded-for', 'x-forwarded-host', 'x-forwarded-proto', 'x-forwarded-port', 'forwarded'] as const;

/**
 * The first thing done to every request and upgrade: without VIREO_TRUST_PROXY the forwarded headers are removed
 * (Next then fills them in from the socket itself), so nothing after this point (Origin checks, Secure cookies,
 * the request URL Next builds, the audit trail's IP) can be steered by a client claiming to be a proxy.
 */
export function admitForwarded(req: IncomingMessage, trustProxy: boolean): void {
  if (!trustProxy) for (const name of FORWARDED) delete req.headers[name];
  // The last address is the one our proxy saw; earlier ones are whatever the client put in the header itself.
  const forwarded = String(req.headers['x-forwarded-for'] ?? '')
    .split(',')
    .at(-1)!
    .trim();
  req.headers[CLIENT_IP_HEADER] = forwarded || req.socket.remoteAddress?.replace(/^::ffff:/, '') || 'unknown';
}

/** First of a comma-separated (proxy chain) or repeated header, trimmed. */
function firstValue(v: string | string[] | undefined): string {
  return String(Array.isArray(v) ? v[0] : (v ?? ''))
    .split(',')[0]!
    .trim();
}

/**
 * The origin (scheme, host and port) the browser used to reach us: from the socket and Host header, or from the
 * proxy's X-Forwarded-Proto/-Host/-Port when admitForwarded kept them. Null when the request names no host.
 */
export function servedOrigin(req: IncomingMessage): string | null {
  const proto = firstValue(req.headers['x-forwarded-proto']).toLowerCase();
  const scheme = proto === 'https' || proto === 'http' ? proto : (req.socket as Partial<TLSSocket>).encrypted ? 'https' : 'http';
  let host = firstValue(req.headers['x-forwarded-host']) || firstValue(req.headers.host);
  if (!host) return null;
  const port = firstValue(req.headers['x-forwarded-port']);
  // A proxy may name the port apart from the host ("[::1]" ends in "]", not in a port).
  if (/^\d{1,5}$/.test(port) && !/:\d+$/.test(host)) host = `${host}:${port}`;
  try {
    return new URL(`${scheme}://${host}`).origin;
  } catch {
    return null;
  }
}

/** Null when `origin` (an Origin header) names the very scheme, host and port we are served at; else why not. */
export function originMismatch(req: IncomingMessage, origin: string): string | null {
  let theirs: string;
  try {
    theirs = new URL(origin).origin;
  } catch {
    return 'Origin header is malformed';
  }
  const ours = servedOrigin(req);
  if (theirs === 'null' || theirs !== ours) return `Origin ${origin} does not match ${ours ?? 'a request without a host'}`;
  return null;
}

/**
 * First CSRF line for every request, Next pages, route handlers and server actions alike: a browser always
 * sends Origin (and Sec-Fetch-Site) on state-changing requests, so a foreign one is refused here. Route
 * handlers then check the session's CSRF token (lib/http/guard).
 */
export function crossSiteReason(req: IncomingMessage): string | null {
  if (SAFE.has(req.method ?? 'GET')) return null;
  const site = req.headers['sec-fetch-site'];
  if (site === 'cross-site' || site === 'same-site') return `Sec-Fetch-Site is ${site}`;
  const origin = req.headers.origin;
  if (origin === undefined) return null;
  return originMismatch(req, origin);
}
