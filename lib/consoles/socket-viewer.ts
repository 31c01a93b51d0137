import type { ConsoleViewer } from './serial-session';
import { CloseCode, type SerialStatus } from './protocol';

/** The part of a `ws` WebSocket a viewer uses (kept narrow for tests). */
export interface SocketLike {
  readonly bufferedAmount: number;
  send(data: Buffer | string): void;
  close(code?: number, reason?: string): void;
}

export interface ViewerLimits {
  /** Bytes queued towards the browser past which new output is dropped instead of queued. */
  maxBuffered: number;
  /** How long a browser may stay over that bound before it is disconnected. */
  maxLagMs: number;
}

export const DEFAULT_VIEWER_LIMITS: ViewerLimits = { maxBuffered: 1024 * 1024, maxLagMs: 30_000 };

/**
 * One browser attached to a shared console. The console's reader never waits for a browser: when this
 * socket's queue is full, output is dropped (and counted, then reported in the terminal once the browser
 * catches up); a browser that stays behind is disconnected. Memory per viewer is thus bounded by maxBuffered.
 */
export class SocketViewer implements ConsoleViewer {
  private dropped = 0;
  private laggingSince: number | null = null;

  constructor(
    private readonly socket: SocketLike,
    private readonly limits: ViewerLimits = DEFAULT_VIEWER_LIMITS,
    private readonly now: () => number = Date.now,
  ) {}

  output(chunk: Buffer): void {
    if (this.socket.bufferedAmount > this.limits.maxBuffered) {
      this.dropped += chunk.length;
      this.laggingSince ??= this.now();
      if (this.now() - this.laggingSince > this.limits.maxLagMs) {
        this.socket.close(CloseCode.TOO_SLOW, 'The browser could not keep up with the console output.');
      }
      return;
    }
    if (this.dropped) {
      this.socket.send(Buffer.from(`\x1b[0m\r\n[vireo: ${this.dropped} bytes of output skipped while this browser caught up]\r\n`));
      this.dropped = 0;
    }
    this.laggingSince = null;
    this.socket.send(chunk);
  }

  state(status: SerialStatus): void {
    this.socket.send(JSON.stringify({ type: 'state', ...status }));
  }

  get droppedBytes(): number {
    return this.dropped;
  }
}
