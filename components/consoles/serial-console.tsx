'use client';

import '@xterm/xterm/css/xterm.css';
import { useEffect, useRef, useState } from 'react';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import type { SerialStatus } from '@/lib/consoles/protocol';
import { ConsoleSocket, type Connection } from './console-socket';
import { clipboardKeys, mountTerminal, type TerminalView } from './terminal-view';

const stateWords: Record<SerialStatus['state'], string> = {
  connecting: 'Connecting to the guest console…',
  live: 'Connected',
  busy: 'In use elsewhere',
  stopped: 'Not running',
  'libvirt-down': 'libvirtd unreachable',
  failed: 'Console error',
};

/** The VM's serial console in xterm.js, on Vireo's shared console session (scrollback from boot included). */
export function SerialConsole({ vm, device }: { vm: string; device?: string }) {
  const host = useRef<HTMLDivElement>(null);
  const sock = useRef<ConsoleSocket | null>(null);
  const view = useRef<TerminalView | null>(null);
  const [conn, setConn] = useState<Connection>({ phase: 'connecting' });
  const [status, setStatus] = useState<SerialStatus>({ state: 'connecting', message: null });

  useEffect(() => {
    let disposed = false;
    let s: ConsoleSocket | null = null;
    void mountTerminal(host.current!).then((v) => {
      if (disposed) return v.dispose();
      view.current = v;
      s = new ConsoleSocket(
        { kind: 'serial', vm, ...(device ? { device } : {}) },
        {
          onOpen: () => v.term.reset(),
          onData: (bytes) => v.term.write(bytes),
          onMessage: (m) => m.type === 'state' && setStatus({ state: m.state, message: m.message }),
          onConnection: setConn,
        },
      );
      sock.current = s;
      v.term.onData((d) => s!.send(d));
      clipboardKeys(v.term, (text) => s!.send(text));
      s.start();
      v.term.focus();
    });
    return () => {
      disposed = true;
      s?.stop();
      view.current?.dispose();
      view.current = null;
    };
  }, [vm, device]);

  const copy = () => void navigator.clipboard?.writeText(view.current?.term.getSelection() ?? '');
  const paste = () => void navigator.clipboard?.readText().then((t) => sock.current?.send(t));
  const shown = conn.phase === 'open' ? status.state : conn.phase;

  return (
    <div className="space-y-2">
      <div className="flex flex-wrap items-center gap-2 text-sm">
        <span data-testid="serial-state" data-state={shown} className="rounded bg-slate-100 px-2 py-0.5">
          {conn.phase === 'open'
            ? stateWords[status.state]
            : conn.phase === 'retrying'
              ? `Reconnecting in ${Math.round(conn.inMs / 100) / 10} s…`
              : conn.phase === 'closed'
                ? 'Disconnected'
                : 'Connecting…'}
        </span>
        <div className="ml-auto flex gap-2">
          <Button className="px-2 py-1 text-xs" onClick={copy} title="Copy the selected text (Ctrl+Shift+C)">
            Copy
          </Button>
          <Button className="px-2 py-1 text-xs" onClick={paste} title="Paste into the guest (Ctrl+Shift+V)">
            Paste
          </Button>
          <Button className="px-2 py-1 text-xs" onClick={() => view.current?.term.clear()}>
            Clear screen
          </Button>
        </div>
      </div>
      {conn.phase === 'open' && status.state === 'busy' ? (
        <Alert tone="warning" testId="serial-busy">
          <div className="flex flex-wrap items-center gap-3">
            <span>{status.message}</span>
            <Button variant="primary" className="px-2 py-1 text-xs" onClick={() => sock.current?.control({ type: 'takeover' })}>
              Take over
            </Button>
          </div>
        </Alert>
      ) : null}
      {conn.phase === 'open' && status.message && status.state !== 'busy' ? <Alert tone="info">{status.message}</Alert> : null}
      {conn.phase === 'closed' ? (
        <Alert tone="warning" testId="serial-closed">
          <div className="flex flex-wrap items-center gap-3">
            <span>{conn.reason}</span>
            <Button className="px-2 py-1 text-xs" onClick={() => sock.current?.reconnect()}>
              Reconnect
            </Button>
          </div>
        </Alert>
      ) : null}
      <div className="h-[32rem] overflow-hidden rounded-md bg-ink-900 p-1">
        <div ref={host} data-testid="serial-terminal" className="h-full w-full" />
      </div>
    </div>
  );
}
