import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type WebSocket } from 'ws';
import type { Settings } from '@/lib/config/settings';
import { SessionCaps } from '@/lib/consoles/caps';
import { eachHost, hostById, type HostContext } from '@/lib/hosts';
import { SerialRegistry } from '@/lib/consoles/serial-registry';
import type { ConsoleKind } from '@/lib/consoles/tickets';
import { recordAudit } from '@/lib/audit/log';
import { watchSession } from '@/lib/auth/session-watch';
import { CloseCode } from '@/lib/consoles/protocol';
import type { Logger } from '@/lib/log';
import { registerUpgrade } from '../upgrades';
import { admitUpgrade, refuse } from './upgrade-auth';
import { bridgeSerial } from './serial';
import { bridgeVnc } from './vnc';
import { bridgeHostTerminal } from './host-terminal';

// WebSocket endpoints of the consoles: /ws/consoles/{serial,vnc,host}?ticket=… The URL names no VM: the
// ticket (from POST /api/consoles/tickets) says which one, for whom.

const KINDS = new Set<ConsoleKind>(['serial', 'vnc', 'host']);

export function registerConsoles(settings: Settings, log: Logger): void {
  const cfg = settings.consoles;
  const wss = new WebSocketServer({ noServer: true, maxPayload: 64 * 1024, perMessageDeflate: false });
  const caps = new SessionCaps(cfg.maxPerUser);
  // One serial registry per host, on that host's console connection, made when its first console opens.
  const serialOf = (host: HostContext) =>
    host.scoped('console.serial-registry', (h) => {
      const registry = new SerialRegistry(h.consoleClient(), cfg);
      registry.start();
      return registry;
    });
  // Started at once on every host, and on each host added later, so a console opened later still shows what the
  // guest printed since boot (on a host added at run time too: its first VM's boot is not lost).
  void eachHost((host) => {
    const registry = serialOf(host);
    return () => registry.close();
  });

  registerUpgrade('/ws/consoles/', (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    const kind = (req.url ?? '').split('?')[0]!.slice('/ws/consoles/'.length) as ConsoleKind;
    if (!KINDS.has(kind)) return refuse(socket, { status: 404, reason: 'unknown console kind' });
    if (kind === 'host' && !cfg.hostTerminal) return refuse(socket, { status: 403, reason: 'host terminal is off' });
    void admitUpgrade(req, kind)
      .then((admitted) => {
        if ('status' in admitted) {
          log.warn(`refused console upgrade ${kind} from ${String(req.headers['x-vireo-client-ip'])}: ${admitted.reason}`);
          return refuse(socket, admitted);
        }
        const release = caps.tryAcquire(admitted.ticket.userId);
        if (!release) return refuse(socket, { status: 429, reason: 'too many consoles' });
        wss.handleUpgrade(req, socket, head, (ws: WebSocket) => {
          const t = admitted.ticket;
          // A console lives no longer than the session that opened it.
          const unwatch = watchSession(t.sessionId, (why) =>
            ws.close(
              CloseCode.SESSION_ENDED,
              why === 'user-changed' ? 'An admin changed your account. Open the console again.' : 'Your session ended. Sign in again.',
            ),
          );
          ws.once('close', unwatch);
          if (t.vm) {
            void recordAudit({
              actor: { id: t.userId, username: t.username },
              action: `vm.console.${kind}`,
              objectType: 'vm',
              objectName: t.vm.name,
              outcome: 'ok',
              detail: t.device ? { device: t.device } : null,
              ip: admitted.ip,
              host: t.host,
            }).catch(() => undefined);
          }
          if (kind === 'serial' || kind === 'vnc') {
            void hostById(t.host ?? 'local').then(
              (host) =>
                kind === 'serial' ? bridgeSerial(ws, t, serialOf(host), cfg.idleMs, release) : bridgeVnc(ws, t, host.consoleClient(), cfg.idleMs, release),
              () => {
                release();
                ws.close(4004, 'That host is no longer managed by Vireo.');
              },
            );
          } else
            void bridgeHostTerminal(ws, t, admitted.ip, cfg.idleMs, release).catch((err: Error) => {
              log.error(`host terminal failed: ${err.message}`);
              ws.close(4010, 'The host terminal could not start.');
            });
        });
      })
      .catch((err: Error) => {
        log.error(`console upgrade failed: ${err.message}`);
        refuse(socket, { status: 503, reason: 'error' });
      });
  });
}
