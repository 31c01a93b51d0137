'use client';

import { useHostId } from '@/components/hosts/host-scope';
import { createContext, useContext, useEffect, useState, type ReactNode } from 'react';
import { useParams } from 'next/navigation';
import { useSWRConfig } from 'swr';
import { keys } from '@/components/data/keys';
import { applyFleetEvent, applyLiveEvent, type LiveEvent } from '@/components/data/live-cache';
import type { FleetList, InventoryChange, LibvirtStatus, StatusReply, VmList, VmRow } from '@/components/data/types';
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
  const scoped = useParams<{ host?: string }>()?.host !== undefined;

  useEffect(() => {
    let es: EventSource | null = null;
    let retry: ReturnType<typeof setTimeout> | null = null;
    const data = <T,>(e: Event) => JSON.parse((e as MessageEvent<string>).data) as T;
    // On a host's pages, that host's feed; elsewhere (the VM list of every host, the dashboard, jobs) the fleet's,
    // whose local part also feeds what single-host views read (the local list, the libvirt banner).
    const fleet = !scoped;
    const feedHost = (h: string, event: LiveEvent) => void mutate<VmList>(keys.vms(h), (current) => applyLiveEvent(current, event), { revalidate: false });
    const feedStatus = (status: LibvirtStatus) => void mutate<StatusReply>(keys.status, { libvirt: status }, { revalidate: false });
    const feedFleet = (h: string, event: Parameters<typeof applyFleetEvent>[2]) =>
      void mutate<FleetList>(keys.inventory, (current) => applyFleetEvent(current, h, event), { revalidate: false });
    const onEvent = (type: 'snapshot' | 'change' | 'status', e: Event) => {
      if (!fleet) {
        if (type === 'status') feedStatus(data<LibvirtStatus>(e));
        else feedHost(host, type === 'snapshot' ? { type, rows: data<VmRow[]>(e) } : { type, change: data<InventoryChange>(e) });
        return;
      }
      const { host: h, data: d } = data<{ host: string; data: unknown }>(e);
      const event =
        type === 'status' ? { type, status: d as LibvirtStatus } : type === 'snapshot' ? { type, rows: d as VmRow[] } : { type, change: d as InventoryChange };
      feedFleet(h, event);
      if (h !== 'local') return;
      if (event.type === 'status') feedStatus(event.status);
      else feedHost(h, event);
    };
    const open = () => {
      es = new EventSource(fleet ? '/api/inventory/events' : `${keys.vms(host)}/events`);
      for (const type of ['snapshot', 'change', 'status'] as const) es.addEventListener(type, (e) => onEvent(type, e));
      es.onopen = () => setConnected(true);
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
  }, [mutate, host, scoped]);

  return <ConnectedContext.Provider value={connected}>{children}</ConnectedContext.Provider>;
}
