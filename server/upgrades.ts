import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { originMismatch } from './request-guard';

// WebSocket endpoints (consoles) register here by path prefix. The server refuses cross-site upgrades before
// any handler runs; handlers still check the session themselves (lib/http/guard's readCookie + findSession).

export type UpgradeHandler = (req: IncomingMessage, socket: Duplex, head: Buffer) => void;

const handlers = new Map<string, UpgradeHandler>();

export function registerUpgrade(pathPrefix: string, handler: UpgradeHandler): void {
  handlers.set(pathPrefix, handler);
}

export function findUpgrade(url: string | undefined): UpgradeHandler | null {
  const path = (url ?? '/').split('?')[0]!;
  for (const [prefix, handler] of handlers) if (path.startsWith(prefix)) return handler;
  return null;
}

/**
 * Browsers send Origin on every WebSocket handshake; a foreign one (another host, scheme or port) is a cross-site
 * hijack attempt. The server has passed the request through admitForwarded before this runs.
 */
export function sameOriginUpgrade(req: IncomingMessage): boolean {
  const origin = req.headers.origin;
  return !origin || originMismatch(req, origin) === null;
}
