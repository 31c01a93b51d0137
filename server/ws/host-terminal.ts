import { homedir } from 'node:os';
import type { WebSocket } from 'ws';
import { recordAudit } from '@/lib/audit/log';
import { CloseCode, parseClientMessage } from '@/lib/consoles/protocol';
import type { Ticket } from '@/lib/consoles/tickets';
import { idleTimer } from './idle-timer';

// An admin's shell on the host, in a pseudo-terminal. Its start and end (with who, from where and how long)
// go to the audit log. Output is paused, not dropped, while the browser is behind.

const MAX_BUFFERED = 1024 * 1024;
/** How long the shell's output must be quiet after it exits before the socket closes (its last lines may still come). */
const QUIET_BEFORE_CLOSE_MS = 50;

export async function bridgeHostTerminal(ws: WebSocket, ticket: Ticket, ip: string | null, idleMs: number, onEnd: () => void): Promise<void> {
  const actor = { id: ticket.userId, username: ticket.username };
  const started = Date.now();
  // Loaded on first use: a host without the native module still serves everything else.
  const pty = await import('node-pty');
  const shell = process.env.SHELL && process.env.SHELL.startsWith('/') ? process.env.SHELL : '/bin/bash';
  const term = pty.spawn(shell, ['-l'], {
    name: 'xterm-256color',
    cols: 100,
    rows: 30,
    cwd: homedir(),
    env: { ...process.env, TERM: 'xterm-256color' },
  });
  if (ws.readyState !== ws.OPEN) {
    term.kill('SIGHUP');
    onEnd();
    return;
  }
  await recordAudit({ actor, action: 'host.terminal.start', objectType: 'host', objectName: 'shell', outcome: 'ok', detail: { pid: term.pid, shell }, ip });
  const idle = idleTimer(ws, idleMs);
  let paused = false;
  const resumeWhenDrained = () => {
    if (ws.bufferedAmount < MAX_BUFFERED / 2) {
      paused = false;
      term.resume();
    } else setTimeout(resumeWhenDrained, 20).unref();
  };
  let lastOutput = Date.now();
  term.onData((data) => {
    lastOutput = Date.now();
    ws.send(Buffer.from(data, 'utf8'));
    if (!paused && ws.bufferedAmount > MAX_BUFFERED) {
      paused = true;
      term.pause();
      setTimeout(resumeWhenDrained, 20).unref();
    }
  });
  let exitCode: number | null = null;
  term.onExit(({ exitCode: code }) => {
    exitCode = code;
    // The exit can be reported before the shell's last output is read from the pty ("echo done; exit" showed the
    // command but not "done"): close once the output has been quiet for a moment, or after a second at most.
    const deadline = Date.now() + 1000;
    const closeWhenQuiet = () => {
      if (Date.now() - lastOutput >= QUIET_BEFORE_CLOSE_MS || Date.now() > deadline) ws.close(CloseCode.ENDED, 'The shell exited.');
      else setTimeout(closeWhenQuiet, 25).unref();
    };
    setTimeout(closeWhenQuiet, QUIET_BEFORE_CLOSE_MS).unref();
  });
  ws.on('message', (data: Buffer, isBinary: boolean) => {
    idle.touch();
    if (isBinary) return term.write(data.toString('utf8'));
    const msg = parseClientMessage(data.toString());
    if (msg?.type === 'resize') term.resize(msg.cols, msg.rows);
  });
  ws.on('error', () => undefined);
  ws.on('close', (code: number) => {
    idle.stop();
    if (exitCode === null) term.kill('SIGHUP');
    onEnd();
    void recordAudit({
      actor,
      action: 'host.terminal.end',
      objectType: 'host',
      objectName: 'shell',
      outcome: 'ok',
      ip,
      detail: { pid: term.pid, seconds: Math.round((Date.now() - started) / 1000), exitCode, closeCode: code },
    }).catch(() => undefined);
  });
}
