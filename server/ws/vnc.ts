import { connect, type Socket } from 'node:net';
import type { WebSocket } from 'ws';
import type { LibvirtClient } from '@/lib/libvirt';
import { vncTarget } from '@/lib/consoles/vnc-target';
import type { Ticket } from '@/lib/consoles/tickets';
import { CloseCode } from '@/lib/consoles/protocol';
import { idleTimer } from './idle-timer';

// RFB over WebSocket to the guest's VNC server on loopback (or its unix socket). RFB cannot lose bytes, so
// instead of dropping, each side pauses the other: TCP reading stops while the browser's queue is long, and
// WebSocket reading stops while the VNC server is not taking input. Each bridge has its own TCP connection,
// so a slow browser slows only its own display.

const MAX_BUFFERED = 2 * 1024 * 1024;

export async function bridgeVnc(ws: WebSocket, ticket: Ticket, client: LibvirtClient, idleMs: number, onEnd: () => void): Promise<void> {
  let tcp: Socket | null = null;
  const idle = idleTimer(ws, idleMs);
  ws.on('close', () => {
    idle.stop();
    tcp?.destroy();
    onEnd();
  });
  ws.on('error', () => undefined);
  try {
    const dom = await client.domains.lookupByUuid(ticket.vm!.uuid);
    const target = vncTarget(await client.domains.xml(dom));
    tcp = target.kind === 'tcp' ? connect(target.port, target.host) : connect(target.path);
  } catch (err) {
    ws.close(CloseCode.ENDED, ((err as Error).message ?? 'VNC is not available').slice(0, 120));
    return;
  }
  if (ws.readyState !== ws.OPEN) {
    tcp.destroy();
    return;
  }
  const sock = tcp;
  sock.setNoDelay(true);
  const drainWs = () => {
    if (ws.bufferedAmount < MAX_BUFFERED / 2) sock.resume();
    else setTimeout(drainWs, 20).unref();
  };
  sock.on('data', (chunk) => {
    ws.send(chunk);
    if (ws.bufferedAmount > MAX_BUFFERED) {
      sock.pause();
      setTimeout(drainWs, 20).unref();
    }
  });
  sock.on('drain', () => ws.resume());
  sock.on('close', () => ws.close(CloseCode.ENDED, 'The VNC display closed (the VM may have stopped).'));
  sock.on('error', () => undefined);
  ws.on('message', (data: Buffer) => {
    idle.touch();
    if (!sock.write(data)) ws.pause();
  });
}
