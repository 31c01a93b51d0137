import type { WebSocket } from 'ws';
import { CloseCode } from '@/lib/consoles/protocol';

/** Closes the socket when the user has sent nothing (keys, clicks, control messages) for `idleMs`. */
export function idleTimer(ws: WebSocket, idleMs: number): { touch(): void; stop(): void } {
  let timer: NodeJS.Timeout | null = null;
  const touch = () => {
    if (timer) clearTimeout(timer);
    timer = setTimeout(() => ws.close(CloseCode.IDLE, 'Closed after a period without input.'), idleMs);
    timer.unref();
  };
  touch();
  return { touch, stop: () => timer && clearTimeout(timer) };
}
