import { randomBytes } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';

// Response headers that limit what a page can do if something hostile ever gets into it. Set here, in front of
// Next, so every answer carries them (pages, route handlers, errors, static files, and the routes the server
// answers itself: server/fast-routes.ts) and so the nonce can be handed to Next on the request: Next reads it from
// the request's Content-Security-Policy header and puts it on its own scripts
// (node_modules/next/dist/server/app-render/get-script-nonce-from-header.js).

/**
 * Scripts: only those carrying this response's nonce, and what they load ('strict-dynamic': Next's chunks).
 * Styles: inline allowed, because React style attributes, xterm.js and noVNC set styles at run time; a style
 * cannot run code. Connections: this origin only, its WebSockets (the consoles) included.
 */
export function contentSecurityPolicy(nonce: string): string {
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    "connect-src 'self'",
    "worker-src 'self' blob:",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join('; ');
}

/** A year, without includeSubDomains: Vireo speaks for its own host name only. */
export const HSTS = 'max-age=31536000';

/** Older browsers' counterparts of frame-ancestors, plus no MIME sniffing and no referrer sent to other sites. */
export const FIXED_HEADERS = { 'X-Frame-Options': 'DENY', 'X-Content-Type-Options': 'nosniff', 'Referrer-Policy': 'same-origin' } as const;

export function applySecurityHeaders(req: IncomingMessage, res: ServerResponse, opts: { tls: boolean }): void {
  for (const [name, value] of Object.entries(FIXED_HEADERS)) res.setHeader(name, value);
  const policy = contentSecurityPolicy(randomBytes(18).toString('base64'));
  // Whatever the client sent under this name is replaced: the nonce Next uses must be ours.
  req.headers['content-security-policy'] = policy;
  delete req.headers['content-security-policy-report-only'];
  res.setHeader('Content-Security-Policy', policy);
  if (opts.tls) res.setHeader('Strict-Transport-Security', HSTS);
}
