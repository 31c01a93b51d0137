'use client';

import { useCallback, useEffect, useState } from 'react';
import type { DhcpLease } from '@/lib/libvirt';
import { api } from '@/components/api-client';

/** Leases appear when a guest's DHCP client asks, with no libvirt event: poll while the page is open. */
export function LeasesPanel({ name, active }: { name: string; active: boolean }) {
  const [leases, setLeases] = useState<DhcpLease[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const load = useCallback(async () => {
    try {
      setLeases((await api<{ leases: DhcpLease[] }>(`/api/networks/${encodeURIComponent(name)}/leases`)).leases);
      setError(null);
    } catch (err) {
      setError((err as Error).message);
    }
  }, [name]);
  useEffect(() => {
    void load();
    const t = setInterval(() => void load(), 3000);
    return () => clearInterval(t);
  }, [load]);
  return (
    <section className="rounded-lg border border-slate-200 bg-white p-4 text-sm" data-testid="leases">
      <h2 className="mb-2 font-semibold">DHCP leases</h2>
      {error ? <p className="text-red-700">{error}</p> : null}
      {!active ? <p className="text-slate-500">The network is not running.</p> : null}
      <table className="w-full text-left">
        <thead className="text-xs uppercase text-slate-500"><tr><th className="py-1">Address</th><th>MAC</th><th>Host name</th><th>Expires</th></tr></thead>
        <tbody>
          {leases?.map((l) => (
            <tr key={`${l.mac}-${l.ipAddress}`} className="border-t border-slate-100" data-testid={`lease-${l.ipAddress}`}>
              <td className="py-1 font-mono text-xs">{l.ipAddress}/{l.prefix}</td>
              <td className="font-mono text-xs">{l.mac ?? '—'}</td>
              <td>{l.hostname ?? '—'}</td>
              <td className="text-xs">{l.expiryTime ? new Date(l.expiryTime * 1000).toLocaleString() : '—'}</td>
            </tr>
          ))}
          {leases && leases.length === 0 ? <tr><td colSpan={4} className="py-1 text-slate-500">No leases.</td></tr> : null}
        </tbody>
      </table>
    </section>
  );
}
