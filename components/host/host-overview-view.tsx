import type { HostOverview } from '@/components/data/types';
import { formatBytes } from '@/components/format';
import { Alert } from '@/components/ui/alert';
import { Fact } from './fact';
import { HostMemoryText } from './host-memory';

/** A card listing the host's pools or networks: each by name, active or not, and one more fact on the right. */
function HostObjects<T extends { name: string; active: boolean }>({
  title,
  testId,
  items,
  empty,
  aside,
}: {
  title: string;
  testId: string;
  items: T[];
  empty: string;
  aside: (item: T) => string;
}) {
  return (
    <section className="rounded-lg border border-slate-200 bg-white p-4">
      <h2 className="mb-2 font-semibold">{title}</h2>
      <ul className="space-y-1 text-sm" data-testid={testId}>
        {items.map((x) => (
          <li key={x.name} className="flex justify-between gap-2">
            <span>
              {x.name} <span className={x.active ? 'text-emerald-700' : 'text-slate-500'}>({x.active ? 'active' : 'inactive'})</span>
            </span>
            <span className="text-slate-600">{aside(x)}</span>
          </li>
        ))}
        {items.length === 0 ? <li className="text-slate-500">{empty}</li> : null}
      </ul>
    </section>
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
          <Fact label="Host name" testId="host-name">
            {host.hostname}
          </Fact>
          <Fact label="libvirt" testId="libvirt-version">
            {host.libvirtVersion}
          </Fact>
          <Fact label="QEMU" testId="qemu-version">
            {host.qemuVersion}
          </Fact>
          <Fact label="Acceleration">{host.kvm ? 'KVM' : 'emulated (TCG)'}</Fact>
          <Fact label="CPU model">{`${host.cpuVendor ? `${host.cpuVendor} ` : ''}${host.cpuModel}`}</Fact>
          <Fact label="Architecture">{host.arch}</Fact>
          <Fact label="CPUs">
            {`${host.cpus} (${host.sockets} socket × ${host.cores} core × ${host.threads} thread${host.numaNodes > 1 ? `, ${host.numaNodes} NUMA nodes` : ''})`}
          </Fact>
          <Fact label="Memory">
            <HostMemoryText memory={host.memory} />, {usedPct}% in use
          </Fact>
        </dl>
      </section>
      <div className="grid gap-4 md:grid-cols-2">
        <HostObjects
          title="Storage pools"
          testId="pool-list"
          items={host.pools}
          empty="No storage pools."
          aside={(p) => (p.active ? `${formatBytes(p.available)} free of ${formatBytes(p.capacity)}` : '')}
        />
        <HostObjects title="Networks" testId="network-list" items={host.networks} empty="No networks." aside={(n) => (n.autostart ? 'autostart' : '')} />
      </div>
    </div>
  );
}
