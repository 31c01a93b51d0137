'use client';

import '@xterm/xterm/css/xterm.css';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { Button } from '@/components/ui/button';
import { ActionAlert, StateBadge, TerminalFrame } from './console-parts';
import { ConsoleSocket, type Connection } from './console-socket';
import { connectionWords } from './connection-words';
import { attachTerminal } from './terminal-view';

/** An admin shell on the host. Each session needs the password again and ends when the page closes. */
export function HostTerminal() {
  const [password, setPassword] = useState<string | null>(null);
  const [typed, setTyped] = useState('');
  const [conn, setConn] = useState<Connection | null>(null);
  const host = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (password === null) return;
    return attachTerminal(host.current!, (v) => {
      const sock = new ConsoleSocket(
        { kind: 'host', password },
        {
          onData: (bytes) => v.term.write(bytes),
          onConnection: (c) => {
            setConn(c);
            if (c.phase === 'open') sock.control({ type: 'resize', cols: v.term.cols, rows: v.term.rows });
          },
        },
        false,
      );
      v.term.onResize(({ cols, rows }) => sock.control({ type: 'resize', cols, rows }));
      return sock;
    });
  }, [password]);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    setPassword(typed);
    setTyped('');
  };

  if (password === null) {
    return (
      <form onSubmit={submit} className="max-w-sm space-y-3 rounded-lg border border-slate-200 bg-white p-4">
        <p className="text-sm text-slate-700">
          A shell on the host runs as the Vireo server&apos;s user. Enter your password again to open it; the session is recorded in the audit log.
        </p>
        <label className="block text-sm">
          Password
          <input
            type="password"
            autoComplete="current-password"
            value={typed}
            onChange={(e) => setTyped(e.target.value)}
            className="mt-1 block w-full rounded-md border border-slate-300 px-2 py-1"
          />
        </label>
        <Button type="submit" variant="primary" disabled={!typed}>
          Open terminal
        </Button>
      </form>
    );
  }
  return (
    <div className="space-y-2">
      <div className="flex items-center gap-2 text-sm">
        <StateBadge testId="host-terminal-state" state={conn?.phase ?? 'connecting'}>
          {connectionWords(conn ?? { phase: 'connecting' }, { open: 'Connected', closed: 'Closed' })}
        </StateBadge>
      </div>
      {conn?.phase === 'closed' ? (
        <ActionAlert
          message={conn.reason}
          action="New session"
          onAction={() => {
            setConn(null);
            setPassword(null);
          }}
        />
      ) : null}
      <TerminalFrame mount={host} testId="host-terminal" />
    </div>
  );
}
