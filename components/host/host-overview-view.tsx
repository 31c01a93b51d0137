import type { ReactNode } from 'react';
import type { HostOverview } from '@/components/data/types';
import { formatBytes } from '@/components/format';
import { Alert } from '@/components/ui/alert';
import { HostMemoryText } from './host-memory';

function Fact({ label, value, testId }: { label: string; value: ReactNode; testId?: string }) {
  return (
    <div>
      <dt className="text-xs uppercase text-slate-500">{label}</dt>
      <dd className="font-medium" data-testid={testId}>
        {value}
      </dd>
    </div>
  );
}

export function HostOverviewView({ host }: { host: HostOverview }) {
  const usedPct = Math.round(((host.memory.totalBytes - host.memory.availableBytes) / host.memory.totalBytes) * 100);
  return (
    <div className="space-y-4">
      {!host.kvm ? (
        <Alert tone="warning" testId="kvm-warning">
          KVM is not usable on this host: guests run under QEMU&apos;s emulator (TCG), which is many times slower. Check that virtualization is enabled in the
          firmware and that /dev/kvm exists.
        </Alert>
      ) : null}
      <section className="rounded-lg border border-slate-200 bg-white p-4">
        <dl className="grid grid-cols-2 gap-4 md:grid-cols-4">
          <Fact label="Host name" value={host.hostname} testId="host-name" />
          <Fact label="libvirt" value={host.libvirtVersion} testId="libvirt-version" />
          <Fact label="QEMU" value={host.qemuVersion} testId="qemu-version" />
          <Fact label="Acceleration" value={host.kvm ? 'KVM' : 'emulated (TCG)'} />
          <Fact label="CPU model" value={`${host.cpuVendor ? `${host.cpuVendor} ` : ''}${host.cpuModel}`} />
          <Fact label="Architecture" value={host.arch} />
          <Fact
            label="CPUs"
            value={`${host.cpus} (${host.sockets} socket × ${host.cores} core × ${host.threads} thread${host.numaNodes > 1 ? `, ${host.numaNodes} NUMA nodes` : ''})`}
          />
          <Fact
            label="Memory"
            value={
              <>
                <HostMemoryText memory={host.memory} />, {usedPct}% in use
              </>
            }
          />
        </dl>
      </section>
      <div className="grid gap-4 md:grid-cols-2">
        <section className="rounded-lg border border-slate-200 bg-white p-4">
          <h2 className="mb-2 font-semibold">Storage pools</h2>
          <ul className="space-y-1 text-sm" data-testid="pool-list">
            {host.pools.map((p) => (
              <li key={p.name} className="flex justify-between gap-2">
                <span>
                  {p.name} <span className={p.active ? 'text-emerald-700' : 'text-slate-500'}>({p.active ? 'active' : 'inactive'})</span>
                </span>
                <span className="text-slate-600">{p.active ? `${formatBytes(p.available)} free of ${formatBytes(p.capacity)}` : ''}</span>
              </li>
            ))}
            {host.pools.length === 0 ? <li className="text-slate-500">No storage pools.</li> : null}
          </ul>
        </section>
        <section className="rounded-lg border border-slate-200 bg-white p-4">
          <h2 className="mb-2 font-semibold">Networks</h2>
          <ul className="space-y-1 text-sm" data-testid="network-list">
            {host.networks.map((n) => (
              <li key={n.name} className="flex justify-between">
                <span>
                  {n.name} <span className={n.active ? 'text-emerald-700' : 'text-slate-500'}>({n.active ? 'active' : 'inactive'})</span>
                </span>
                <span className="text-slate-600">{n.autostart ? 'autostart' : ''}</span>
              </li>
            ))}
            {host.networks.length === 0 ? <li className="text-slate-500">No networks.</li> : null}
          </ul>
        </section>
      </div>
    </div>
  );
}
