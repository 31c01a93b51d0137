import type { HostBridge, HostNic } from '@/lib/host/bridges';

/** The host's own bridges and NICs, read-only: Vireo lets guests join them but never reconfigures the host. */
export function HostBridges({ bridges, nics, libvirtBridges }: { bridges: HostBridge[]; nics: HostNic[]; libvirtBridges: Map<string, string> }) {
  return (
    <section className="rounded-lg border border-slate-200 bg-white p-4 text-sm" data-testid="host-bridges">
      <h2 className="mb-1 font-semibold">Host bridges</h2>
      <p className="mb-3 text-xs text-slate-500">Read from the host. Vireo does not create or change host bridges: that can cut the host off its network.</p>
      <table className="w-full text-left">
        <thead className="text-xs uppercase text-slate-500"><tr><th className="py-1">Bridge</th><th>State</th><th>Ports</th><th>Owner</th></tr></thead>
        <tbody>
          {bridges.map((b) => (
            <tr key={b.name} className="border-t border-slate-100" data-testid={`bridge-${b.name}`}>
              <td className="py-1 font-mono">{b.name}</td>
              <td>{b.operstate}</td>
              <td className="font-mono text-xs">{b.ports.map((p) => `${p.name}${p.physical ? ' (physical)' : ''}`).join(', ') || '—'}</td>
              <td>{libvirtBridges.has(b.name) ? `libvirt network “${libvirtBridges.get(b.name)}”` : 'host'}</td>
            </tr>
          ))}
          {bridges.length === 0 ? <tr><td colSpan={4} className="py-1 text-slate-500">No bridges on this host.</td></tr> : null}
        </tbody>
      </table>
      <h3 className="mb-1 mt-4 font-semibold">Physical network cards</h3>
      <ul className="font-mono text-xs">
        {nics.map((n) => <li key={n.name}>{n.name} {n.mac ?? ''} {n.operstate}{n.bridge ? ` → in bridge ${n.bridge}` : ''}</li>)}
        {nics.length === 0 ? <li className="text-slate-500">None found.</li> : null}
      </ul>
    </section>
  );
}
