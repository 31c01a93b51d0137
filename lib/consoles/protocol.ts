// What travels on a console WebSocket besides terminal bytes (binary frames both ways). Shared by the server
// and the page, so it holds types and constants only.

export type SerialState = 'connecting' | 'live' | 'busy' | 'stopped' | 'libvirt-down' | 'failed';

export interface SerialStatus {
  state: SerialState;
  /** Plain words for the page, e.g. why the console is busy. */
  message: string | null;
}

/** Server → page (text frames). */
export type ServerMessage = ({ type: 'state' } & SerialStatus) | { type: 'scrollback'; bytes: number };

/** Page → server (text frames). */
export type ClientMessage = { type: 'takeover' } | { type: 'resize'; cols: number; rows: number };

/** Close codes the page acts on: do not reconnect on its own after these. */
export const CloseCode = {
  IDLE: 4001,
  /** The browser read too slowly for too long. */
  TOO_SLOW: 4008,
  /** The guest or host terminal is gone for good (shell exited, VM undefined). */
  ENDED: 4010,
  /** The session behind the console ended (signed out, expired, revoked, the user changed). */
  SESSION_ENDED: 4011,
} as const;

export function parseClientMessage(text: string): ClientMessage | null {
  if (text.length > 1000) return null;
  try {
    const m = JSON.parse(text) as Record<string, unknown>;
    if (m.type === 'takeover') return { type: 'takeover' };
    if (m.type === 'resize' && isDimension(m.cols) && isDimension(m.rows)) return { type: 'resize', cols: m.cols, rows: m.rows };
  } catch {
    // fall through
  }
  return null;
}

function isDimension(n: unknown): n is number {
  return Number.isInteger(n) && (n as number) > 0 && (n as number) <= 1000;
}
