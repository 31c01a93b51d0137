'use client';

import Link from 'next/link';
import { useCallback, useEffect, useState } from 'react';
import type { HostBridge, HostNic } from '@/lib/host/bridges';
import type { NetworkRow } from '@/lib/networks/read';
import { api } from '@/components/api-client';
import { Alert } from '@/components/ui/alert';
import { HostBridges } from './host-bridges';
import { addresses, dhcpRanges, modeLabels } from './network-facts';

interface Listing { networks: NetworkRow[]; bridges: HostBridge[]; nics: HostNic[]; hostLocal: boolean }

export function NetworkList({ canChange }: { canChange: boolean }) {
  const [data, setData] = useState<Listing | null>(null);
  const [error, setError] = useState<string | null>(null);
  const load = useCallback(async () => {
    try {
      setData(await api<Listing>('/api/networks'));
      setError(null);
    } catch (err) {
      setError((err as Error).message);
    }
  }, []);
  useEffect(() => {
    void load();
    const t = setInterval(() => void load(), 10_000);
    return () => clearInterval(t);
  }, [load]);

  return (
    <div className="space-y-4">
      <div className="flex items-center gap-3">
        <h1 className="text-xl font-semibold">Networks</h1>
        {canChange ? <Link href="/networks/new" className="ml-auto rounded-md bg-sky-700 px-3 py-1.5 text-sm font-medium text-white hover:bg-sky-800">Create network</Link> : null}
      </div>
      {error ? <Alert>{error}</Alert> : null}
      <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
        <table className="w-full text-left text-sm" data-testid="network-table">
          <thead className="bg-slate-50 text-xs uppercase text-slate-500">
            <tr>{['Name', 'State', 'Mode', 'Bridge', 'Addresses', 'DHCP range', 'Autostart', 'VMs'].map((h) => <th key={h} className="px-3 py-2">{h}</th>)}</tr>
          </thead>
          <tbody>
            {data?.networks.map((n) => (
              <tr key={n.uuid} className="border-t border-slate-100" data-testid={`network-row-${n.name}`}>
                <td className="px-3 py-1.5 font-medium"><Link href={`/networks/${encodeURIComponent(n.name)}`} className="text-sky-800 hover:underline">{n.name}</Link></td>
                <td className="px-3 py-1.5"><span className={`rounded px-1.5 py-0.5 text-xs ${n.active ? 'bg-emerald-100 text-emerald-800' : 'bg-slate-100 text-slate-600'}`}>{n.active ? 'active' : 'inactive'}</span></td>
                <td className="px-3 py-1.5">{modeLabels[n.model.mode]}{n.model.forwardDev ? ` via ${n.model.forwardDev}` : ''}</td>
                <td className="px-3 py-1.5 font-mono text-xs">{n.model.bridge ?? '—'}</td>
                <td className="px-3 py-1.5 font-mono text-xs">{addresses(n.model).join(', ') || '—'}</td>
                <td className="px-3 py-1.5 font-mono text-xs">{dhcpRanges(n.model).join(', ') || '—'}</td>
                <td className="px-3 py-1.5">{n.autostart ? 'yes' : 'no'}</td>
                <td className="px-3 py-1.5 text-xs">{n.vms.map((v) => <Link key={v.name} href={`/vms/${encodeURIComponent(v.name)}`} className="mr-2 text-sky-800 hover:underline">{v.name}{v.running ? ' ●' : ''}</Link>)}{n.vms.length ? null : '—'}</td>
              </tr>
            ))}
            {data && data.networks.length === 0 ? <tr><td colSpan={8} className="px-3 py-2 text-slate-500">No networks.</td></tr> : null}
            {!data && !error ? <tr><td colSpan={8} className="px-3 py-2 text-slate-500">Loading…</td></tr> : null}
          </tbody>
        </table>
      </div>
      {data?.hostLocal ? <HostBridges bridges={data.bridges} nics={data.nics} libvirtBridges={new Map(data.networks.filter((n) => n.model.bridge).map((n) => [n.model.bridge!, n.name]))} /> : null}
    </div>
  );
}
