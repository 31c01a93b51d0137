'use client';

import '@xterm/xterm/css/xterm.css';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { ConsoleSocket, type Connection } from './console-socket';
import { clipboardKeys, mountTerminal } from './terminal-view';

/** An admin shell on the host. Each session needs the password again and ends when the page closes. */
export function HostTerminal() {
  const [password, setPassword] = useState<string | null>(null);
  const [typed, setTyped] = useState('');
  const [conn, setConn] = useState<Connection | null>(null);
  const host = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (password === null) return;
    let disposed = false;
    let sock: ConsoleSocket | null = null;
    let dispose = () => undefined as void;
    void mountTerminal(host.current!).then((v) => {
      if (disposed) return v.dispose();
      dispose = () => v.dispose();
      sock = new ConsoleSocket(
        { kind: 'host', password },
        {
          onData: (bytes) => v.term.write(bytes),
          onConnection: (c) => {
            setConn(c);
            if (c.phase === 'open') sock!.control({ type: 'resize', cols: v.term.cols, rows: v.term.rows });
          },
        },
        false,
      );
      v.term.onData((d) => sock!.send(d));
      v.term.onResize(({ cols, rows }) => sock!.control({ type: 'resize', cols, rows }));
      clipboardKeys(v.term, (t) => sock!.send(t));
      sock.start();
      v.term.focus();
    });
    return () => {
      disposed = true;
      sock?.stop();
      dispose();
    };
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
        <span data-testid="host-terminal-state" data-state={conn?.phase ?? 'connecting'} className="rounded bg-slate-100 px-2 py-0.5">
          {conn?.phase === 'open' ? 'Connected' : conn?.phase === 'closed' ? 'Closed' : 'Connecting…'}
        </span>
      </div>
      {conn?.phase === 'closed' ? (
        <Alert tone="warning">
          <div className="flex items-center gap-3">
            <span>{conn.reason}</span>
            <Button
              className="px-2 py-1 text-xs"
              onClick={() => {
                setConn(null);
                setPassword(null);
              }}
            >
              New session
            </Button>
          </div>
        </Alert>
      ) : null}
      <div className="h-[32rem] overflow-hidden rounded-md bg-ink-900 p-1">
        <div ref={host} data-testid="host-terminal" className="h-full w-full" />
      </div>
    </div>
  );
}
