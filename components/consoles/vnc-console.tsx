'use client';

import { useHostId } from '@/components/hosts/host-scope';
import { hostPage } from '@/components/data/keys';
import type RFB from '@novnc/novnc';
import { useCallback, useEffect, useRef, useState } from 'react';
import { Button } from '@/components/ui/button';
import { ActionAlert, StateBadge } from './console-parts';
import { ticketUrl, type Connection } from './console-socket';
import { connectionWords } from './connection-words';
import { KEY_COMBOS, keyStrokesForText, XK } from '@/lib/consoles/keysyms';

/** The VNC link goes through the same phases as a terminal's socket. */
type Phase = Connection;

/** The VM's graphical console with noVNC, bridged by Vireo to the guest's loopback-only VNC server. */
export function VncConsole({ vm, popout = false }: { vm: string; popout?: boolean }) {
  const host = useHostId();
  const frame = useRef<HTMLDivElement>(null);
  const screen = useRef<HTMLDivElement>(null);
  const rfb = useRef<RFB | null>(null);
  const [phase, setPhase] = useState<Phase>({ phase: 'connecting' });
  const [scale, setScale] = useState(true);
  const [text, setText] = useState('');
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    let stopped = false;
    let failures = 0;
    let timer: ReturnType<typeof setTimeout> | null = null;
    const connect = async () => {
      setPhase({ phase: 'connecting' });
      try {
        const [{ default: RFBClass }, url] = await Promise.all([import('@novnc/novnc'), ticketUrl({ kind: 'vnc', vm })]);
        if (stopped) return;
        const r = new RFBClass(screen.current!, url, { shared: true });
        r.scaleViewport = scale;
        r.background = '#0f172a';
        rfb.current = r;
        r.addEventListener('connect', () => {
          failures = 0;
          setPhase({ phase: 'open' });
        });
        r.addEventListener('disconnect', () => {
          rfb.current = null;
          if (stopped) return;
          const inMs = Math.min(10_000, 500 * 2 ** failures++);
          setPhase({ phase: 'retrying', inMs });
          timer = setTimeout(() => void connect(), inMs);
        });
      } catch (err) {
        const status = (err as { status?: number }).status ?? 0;
        if ([403, 404, 422, 429].includes(status)) return setPhase({ phase: 'closed', reason: (err as Error).message });
        const inMs = Math.min(10_000, 500 * 2 ** failures++);
        setPhase({ phase: 'retrying', inMs });
        timer = setTimeout(() => void connect(), inMs);
      }
    };
    void connect();
    return () => {
      stopped = true;
      if (timer) clearTimeout(timer);
      rfb.current?.disconnect();
      rfb.current = null;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps -- `scale` is applied live below; reconnect only for a new VM or a retry
  }, [vm, attempt]);

  useEffect(() => {
    if (rfb.current) rfb.current.scaleViewport = scale;
  }, [scale]);

  const combo = useCallback((keys: number[]) => {
    const r = rfb.current;
    if (!r) return;
    for (const k of keys) r.sendKey(k, null, true);
    for (const k of [...keys].reverse()) r.sendKey(k, null, false);
    r.focus();
  }, []);

  const typeText = () => {
    const r = rfb.current;
    if (!r) return;
    for (const { keysym, shift } of keyStrokesForText(text)) {
      if (shift) r.sendKey(XK.Shift_L, 'ShiftLeft', true);
      r.sendKey(keysym, null);
      if (shift) r.sendKey(XK.Shift_L, 'ShiftLeft', false);
    }
    r.focus();
  };

  const popOut = () => {
    window.open(hostPage(host, `/vms/${encodeURIComponent(vm)}/console?tab=vnc&popout=1`), `vnc-${vm}`, 'popup,width=1060,height=860');
  };

  return (
    <div ref={frame} className="space-y-2 bg-white">
      <div className="flex flex-wrap items-center gap-2 text-sm">
        <StateBadge testId="vnc-state" state={phase.phase}>
          {connectionWords(phase, { open: 'Connected' })}
        </StateBadge>
        <Button className="px-2 py-1 text-xs" onClick={() => rfb.current?.sendCtrlAltDel()} disabled={phase.phase !== 'open'}>
          Ctrl+Alt+Del
        </Button>
        <select
          aria-label="Send keys"
          className="rounded-md border border-slate-300 px-2 py-1 text-xs"
          value=""
          disabled={phase.phase !== 'open'}
          onChange={(e) => {
            const c = KEY_COMBOS.find((k) => k.label === e.target.value);
            if (c) combo(c.keys);
          }}
        >
          <option value="">Send keys…</option>
          {KEY_COMBOS.map((c) => (
            <option key={c.label} value={c.label}>
              {c.label}
            </option>
          ))}
        </select>
        <label className="flex items-center gap-1 text-xs">
          <input type="checkbox" checked={scale} onChange={(e) => setScale(e.target.checked)} /> Scale to window
        </label>
        <div className="ml-auto flex gap-2">
          <Button className="px-2 py-1 text-xs" onClick={() => void frame.current?.requestFullscreen()}>
            Full screen
          </Button>
          {popout ? null : (
            <Button className="px-2 py-1 text-xs" onClick={popOut}>
              Pop out
            </Button>
          )}
        </div>
      </div>
      {phase.phase === 'closed' ? <ActionAlert message={phase.reason} action="Reconnect" onAction={() => setAttempt((n) => n + 1)} /> : null}
      <div ref={screen} data-testid="vnc-screen" className={`${popout ? 'h-[calc(100vh-9rem)]' : 'h-[36rem]'} overflow-hidden rounded-md bg-ink-900`} />
      <form
        className="flex gap-2"
        onSubmit={(e) => {
          e.preventDefault();
          typeText();
        }}
      >
        <textarea
          aria-label="Text to type into the guest"
          value={text}
          onChange={(e) => setText(e.target.value)}
          rows={1}
          placeholder="Paste text here to type it into the guest as key presses (no guest agent needed)"
          className="flex-1 rounded-md border border-slate-300 px-2 py-1 font-mono text-xs"
        />
        <Button type="submit" disabled={phase.phase !== 'open' || !text}>
          Type into guest
        </Button>
      </form>
    </div>
  );
}
