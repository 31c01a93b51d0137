import type { WebSocket } from 'ws';
import type { SerialRegistry } from '@/lib/consoles/serial-registry';
import { SocketViewer } from '@/lib/consoles/socket-viewer';
import { parseClientMessage } from '@/lib/consoles/protocol';
import type { Ticket } from '@/lib/consoles/tickets';
import { idleTimer } from './idle-timer';

/** One browser on a VM's shared serial console: keys in as binary frames, control messages as text. */
export function bridgeSerial(ws: WebSocket, ticket: Ticket, registry: SerialRegistry, idleMs: number, onEnd: () => void): void {
  const session = registry.session(ticket.vm!, ticket.device ?? null);
  const detach = session.attach(new SocketViewer(ws));
  const idle = idleTimer(ws, idleMs);
  ws.on('message', (data: Buffer, isBinary: boolean) => {
    idle.touch();
    if (isBinary) {
      session.input(data);
      return;
    }
    const msg = parseClientMessage(data.toString());
    if (msg?.type === 'takeover') void session.takeOver();
  });
  ws.on('close', () => {
    idle.stop();
    detach();
    onEnd();
  });
  ws.on('error', () => undefined);
}
