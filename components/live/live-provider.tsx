'use client';

import { useHostId } from '@/components/hosts/host-scope';
import { createContext, useContext, useEffect, useState, type ReactNode } from 'react';
import { useSWRConfig } from 'swr';
import { keys } from '@/components/data/keys';
import { applyLiveEvent, type LiveEvent } from '@/components/data/live-cache';
import type { InventoryChange, LibvirtStatus, StatusReply, VmList, VmRow } from '@/components/data/types';
import { reloadAt } from '@/components/navigation';

// One EventSource per tab feeds the data cache from the server's event stream: VM rows into the answer of
// GET /api/vms, libvirt's connection state into GET /api/status. Views read them with useVms() and
// useLibvirtStatus(); only whether the stream itself is up lives here.

const ConnectedContext = createContext(true);

/** The stream to the Vireo server itself is up. */
export function useLiveConnected(): boolean {
  return useContext(ConnectedContext);
}

export function LiveProvider({ children }: { children: ReactNode }) {
  const { mutate } = useSWRConfig();
  const [connected, setConnected] = useState(true);
  const host = useHostId();

  useEffect(() => {
    let es: EventSource | null = null;
    let retry: ReturnType<typeof setTimeout> | null = null;
    const feed = (event: LiveEvent) => void mutate<VmList>(keys.vms(host), (current) => applyLiveEvent(current, event), { revalidate: false });
    const data = <T,>(e: Event) => JSON.parse((e as MessageEvent<string>).data) as T;
    const open = () => {
      es = new EventSource(`${keys.vms(host)}/events`);
      es.onopen = () => setConnected(true);
      es.addEventListener('snapshot', (e) => feed({ type: 'snapshot', rows: data<VmRow[]>(e) }));
      es.addEventListener('change', (e) => feed({ type: 'change', change: data<InventoryChange>(e) }));
      es.addEventListener('status', (e) => void mutate<StatusReply>(keys.status, { libvirt: data<LibvirtStatus>(e) }, { revalidate: false }));
      es.onerror = () => {
        setConnected(false);
        // A closed stream (server restart, expired session) is not retried by the browser: do it ourselves.
        if (es?.readyState === EventSource.CLOSED) {
          es.close();
          retry = setTimeout(async () => {
            const res = await fetch('/api/auth/session').catch(() => null);
            if (res?.status === 401) reloadAt('/login');
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
  }, [mutate, host]);

  return <ConnectedContext.Provider value={connected}>{children}</ConnectedContext.Provider>;
}
