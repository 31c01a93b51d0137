'use client';

import { createContext, useContext, useEffect, useReducer, type ReactNode } from 'react';
import type { HostStatus as LibvirtStatus } from '@/lib/hosts/status';
import type { InventoryChange, VmRow } from '@/lib/vms/inventory';

// One EventSource per tab feeds every live view (banner, VM list, VM page) from the server's event stream.

export interface LiveState {
  /** null until the first snapshot arrives. */
  rows: Map<string, VmRow> | null;
  libvirt: LibvirtStatus | null;
  /** The stream to the Vireo server itself is up. */
  connected: boolean;
}

type Action =
  | { type: 'snapshot'; rows: VmRow[] }
  | { type: 'change'; change: InventoryChange }
  | { type: 'status'; status: LibvirtStatus }
  | { type: 'connected'; connected: boolean };

function reduce(state: LiveState, a: Action): LiveState {
  switch (a.type) {
    case 'snapshot':
      return { ...state, rows: new Map(a.rows.map((r) => [r.uuid, r])) };
    case 'status':
      return { ...state, libvirt: a.status };
    case 'connected':
      return state.connected === a.connected ? state : { ...state, connected: a.connected };
    case 'change': {
      const c = a.change;
      if (c.type === 'reset') return { ...state, rows: new Map(c.rows.map((r) => [r.uuid, r])) };
      const rows = new Map(state.rows ?? []);
      if (c.type === 'upsert') rows.set(c.row.uuid, c.row);
      else if (c.type === 'remove') rows.delete(c.uuid);
      else if (c.type === 'state') {
        const old = rows.get(c.uuid);
        if (old) rows.set(c.uuid, { ...old, state: c.state });
      }
      return { ...state, rows };
    }
  }
}

const LiveContext = createContext<LiveState>({ rows: null, libvirt: null, connected: false });

export function useLive(): LiveState {
  return useContext(LiveContext);
}

export function LiveProvider({ children }: { children: ReactNode }) {
  const [state, dispatch] = useReducer(reduce, { rows: null, libvirt: null, connected: true });

  useEffect(() => {
    let es: EventSource | null = null;
    let retry: ReturnType<typeof setTimeout> | null = null;
    const open = () => {
      es = new EventSource('/api/vms/events');
      es.onopen = () => dispatch({ type: 'connected', connected: true });
      es.addEventListener('snapshot', (e) => dispatch({ type: 'snapshot', rows: JSON.parse((e as MessageEvent).data) }));
      es.addEventListener('change', (e) => dispatch({ type: 'change', change: JSON.parse((e as MessageEvent).data) }));
      es.addEventListener('status', (e) => dispatch({ type: 'status', status: JSON.parse((e as MessageEvent).data) }));
      es.onerror = () => {
        dispatch({ type: 'connected', connected: false });
        // A closed stream (server restart, expired session) is not retried by the browser: do it ourselves.
        if (es?.readyState === EventSource.CLOSED) {
          es.close();
          retry = setTimeout(async () => {
            const res = await fetch('/api/auth/session').catch(() => null);
            if (res?.status === 401) window.location.assign('/login');
            else open();
          }, 2000);
        }
      };
    };
    open();
    return () => {
      es?.close();
      if (retry) clearTimeout(retry);
    };
  }, []);

  return <LiveContext.Provider value={state}>{children}</LiveContext.Provider>;
}
