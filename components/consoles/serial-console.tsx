'use client';

import '@xterm/xterm/css/xterm.css';
import { useEffect, useRef, useState } from 'react';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import type { SerialStatus } from '@/lib/consoles/protocol';
import { ActionAlert, StateBadge, TerminalFrame } from './console-parts';
import { ConsoleSocket, type Connection } from './console-socket';
import { connectionWords } from './connection-words';
import { attachTerminal, type TerminalView } from './terminal-view';

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
    const detach = attachTerminal(host.current!, (v) => {
      view.current = v;
      sock.current = new ConsoleSocket(
        { kind: 'serial', vm, ...(device ? { device } : {}) },
        {
          onOpen: () => v.term.reset(),
          onData: (bytes) => v.term.write(bytes),
          onMessage: (m) => m.type === 'state' && setStatus({ state: m.state, message: m.message }),
          onConnection: setConn,
        },
      );
      return sock.current;
    });
    return () => {
      detach();
      view.current = null;
    };
  }, [vm, device]);

  const copy = () => void navigator.clipboard?.writeText(view.current?.term.getSelection() ?? '');
  const paste = () => void navigator.clipboard?.readText().then((t) => sock.current?.send(t));
  const shown = conn.phase === 'open' ? status.state : conn.phase;

  return (
    <div className="space-y-2">
      <div className="flex flex-wrap items-center gap-2 text-sm">
        <StateBadge testId="serial-state" state={shown}>
          {connectionWords(conn, { open: stateWords[status.state] })}
        </StateBadge>
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
        <ActionAlert testId="serial-busy" message={status.message} action="Take over" primary onAction={() => sock.current?.control({ type: 'takeover' })} />
      ) : null}
      {conn.phase === 'open' && status.message && status.state !== 'busy' ? <Alert tone="info">{status.message}</Alert> : null}
      {conn.phase === 'closed' ? (
        <ActionAlert testId="serial-closed" message={conn.reason} action="Reconnect" onAction={() => sock.current?.reconnect()} />
      ) : null}
      <TerminalFrame mount={host} testId="serial-terminal" />
    </div>
  );
}
