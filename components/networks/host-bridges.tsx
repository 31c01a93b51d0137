import type { HostBridge, HostNic } from '@/components/data/types';
import { DataTable, type Column } from '@/components/ui/data-table';

/** The host's own bridges and NICs, read-only: Vireo lets guests join them but never reconfigures the host. */
export function HostBridges({ bridges, nics, libvirtBridges }: { bridges: HostBridge[]; nics: HostNic[]; libvirtBridges: Map<string, string> }) {
  const columns: Column<HostBridge>[] = [
    { id: 'name', header: 'Bridge', className: 'font-mono', cell: (b) => b.name },
    { id: 'state', header: 'State', cell: (b) => b.operstate },
    {
      id: 'ports',
      header: 'Ports',
      className: 'font-mono text-xs',
      cell: (b) => b.ports.map((p) => `${p.name}${p.physical ? ' (physical)' : ''}`).join(', ') || '—',
    },
    { id: 'owner', header: 'Owner', cell: (b) => (libvirtBridges.has(b.name) ? `libvirt network “${libvirtBridges.get(b.name)}”` : 'host') },
  ];
  return (
    <section className="rounded-lg border border-slate-200 bg-white p-4 text-sm" data-testid="host-bridges">
      <h2 className="mb-1 font-semibold">Host bridges</h2>
      <p className="mb-3 text-xs text-slate-500">Read from the host. Vireo does not create or change host bridges: that can cut the host off its network.</p>
      <DataTable rows={bridges} columns={columns} rowKey={(b) => b.name} rowTestId={(b) => `bridge-${b.name}`} frame="plain" empty="No bridges on this host." />
      <h3 className="mb-1 mt-4 font-semibold">Physical network cards</h3>
      <ul className="font-mono text-xs">
        {nics.map((n) => (
          <li key={n.name}>
            {n.name} {n.mac ?? ''} {n.operstate}
            {n.bridge ? ` → in bridge ${n.bridge}` : ''}
          </li>
        ))}
        {nics.length === 0 ? <li className="text-slate-500">None found.</li> : null}
      </ul>
    </section>
  );
}
