'use client';

import { api, ApiError } from '@/components/api-client';
import { keys } from '@/components/data/keys';
import { CloseCode, type ClientMessage, type ServerMessage } from '@/lib/consoles/protocol';

// The browser end of a console WebSocket: fetches a fresh single-use ticket for every connection, and
// reconnects by itself (with backoff) when the connection drops, e.g. when Vireo restarts. It stops for
// good on a refusal it cannot fix by retrying (role, missing VM, idle timeout, too slow).

export type TicketRequest = { kind: 'serial'; vm: string; device?: string } | { kind: 'vnc'; vm: string } | { kind: 'host'; password: string };

export type Connection = { phase: 'connecting' | 'open' } | { phase: 'retrying'; inMs: number } | { phase: 'closed'; reason: string };

export interface ConsoleSocketEvents {
  onData(bytes: Uint8Array): void;
  onMessage?(msg: ServerMessage): void;
  onConnection(c: Connection): void;
  /** Called before each (re)connection's first byte, e.g. to clear the screen before the scrollback comes again. */
  onOpen?(): void;
}

const FINAL_CODES = new Set<number>([CloseCode.IDLE, CloseCode.TOO_SLOW, CloseCode.ENDED, CloseCode.SESSION_ENDED]);

/** The host of the page (/hosts/{host}/...): a console is asked of the host its VM is on. */
function pageHostId(): string {
  const m = /^\/hosts\/([^/]+)\//.exec(location.pathname);
  return m ? decodeURIComponent(m[1]!) : 'local';
}

export async function ticketUrl(req: TicketRequest): Promise<string> {
  const { url } = await api<{ url: string }>(keys.consoleTickets(pageHostId()), { body: req });
  return `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}${url}`;
}

export class ConsoleSocket {
  private ws: WebSocket | null = null;
  private stopped = false;
  private failures = 0;
  private timer: ReturnType<typeof setTimeout> | null = null;

  constructor(
    private readonly req: TicketRequest,
    private readonly events: ConsoleSocketEvents,
    private readonly autoReconnect = true,
  ) {}

  start(): void {
    void this.connect();
  }

  send(data: string | Uint8Array): void {
    if (this.ws?.readyState !== WebSocket.OPEN) return;
    this.ws.send(typeof data === 'string' ? new TextEncoder().encode(data) : data);
  }

  control(msg: ClientMessage): void {
    if (this.ws?.readyState === WebSocket.OPEN) this.ws.send(JSON.stringify(msg));
  }

  /** Reconnect now (after a final close, or to skip the backoff). */
  reconnect(): void {
    this.stopped = false;
    this.failures = 0;
    if (this.timer) clearTimeout(this.timer);
    this.ws?.close();
    void this.connect();
  }

  stop(): void {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    this.ws?.close();
    this.ws = null;
  }

  private async connect(): Promise<void> {
    if (this.stopped) return;
    this.events.onConnection({ phase: 'connecting' });
    let url: string;
    try {
      url = await ticketUrl(this.req);
    } catch (err) {
      const status = err instanceof ApiError ? err.status : 0;
      if (status === 403 || status === 404 || status === 422 || status === 429) return this.finish((err as Error).message);
      return this.retry();
    }
    if (this.stopped) return;
    const ws = new WebSocket(url);
    ws.binaryType = 'arraybuffer';
    this.ws = ws;
    let opened = false;
    ws.onopen = () => {
      opened = true;
      this.failures = 0;
      this.events.onOpen?.();
      this.events.onConnection({ phase: 'open' });
    };
    ws.onmessage = (e: MessageEvent<ArrayBuffer | string>) => {
      if (typeof e.data === 'string') this.events.onMessage?.(JSON.parse(e.data) as ServerMessage);
      else this.events.onData(new Uint8Array(e.data));
    };
    ws.onclose = (e) => {
      if (this.ws !== ws) return;
      this.ws = null;
      if (this.stopped) return;
      if (FINAL_CODES.has(e.code)) return this.finish(e.reason || 'The console closed.');
      if (!this.autoReconnect && opened) return this.finish(e.reason || 'The connection closed.');
      this.retry();
    };
  }

  private retry(): void {
    if (!this.autoReconnect) return this.finish('Vireo refused or lost the connection.');
    const inMs = Math.min(10_000, 500 * 2 ** this.failures++);
    this.events.onConnection({ phase: 'retrying', inMs });
    this.timer = setTimeout(() => void this.connect(), inMs);
  }

  private finish(reason: string): void {
    this.stopped = true;
    this.events.onConnection({ phase: 'closed', reason });
  }
}
