import type { IncomingMessage } from 'node:http';
import { CLIENT_IP_HEADER } from '@/lib/http/client-ip';

const SAFE = new Set(['GET', 'HEAD', 'OPTIONS']);

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
  let host: string;
  try {
    host = new URL(origin).host;
  } catch {
    return 'Origin header is malformed';
  }
  const expected = req.headers['x-forwarded-host'] ?? req.headers.host;
  return host === expected ? null : `Origin ${origin} does not match host ${String(expected)}`;
}

/** Records who is calling, from the socket or (only when the admin trusts a proxy) X-Forwarded-For. */
export function stampClientIp(req: IncomingMessage, trustProxy: boolean): void {
  const forwarded = trustProxy ? String(req.headers['x-forwarded-for'] ?? '').split(',')[0]?.trim() : '';
  req.headers[CLIENT_IP_HEADER] = forwarded || req.socket.remoteAddress?.replace(/^::ffff:/, '') || 'unknown';
}
