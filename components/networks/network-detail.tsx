'use client';

import { hostPage } from '@/components/data/keys';
import { useHostId } from '@/components/hosts/host-scope';
import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { useNetwork } from '@/components/data/hooks';
import { keys } from '@/components/data/keys';
import { useMutation } from '@/components/data/mutation';
import type { NetworkDetail } from '@/components/data/types';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { ChangeDialog } from '@/components/ui/change-dialog';
import { DhcpHostsPanel, DnsHostsPanel } from './host-entries';
import { LeasesPanel } from './leases-panel';
import { addresses, dhcpRanges, modeLabels } from './network-facts';
import { NetworkXmlPanel } from './network-xml-panel';

export function NetworkDetailView({ initial, canChange }: { initial: NetworkDetail; canChange: boolean }) {
  const host = useHostId();
  const router = useRouter();
  const { data, error: readError } = useNetwork(initial.name, initial);
  const net = data ?? initial;
  const change = useMutation();
  const [deleting, setDeleting] = useState(false);
  const touches = [keys.network(host, net.name), keys.networks(host)];

  const act = (action: string) => void change.send(`${keys.network(host, net.name)}/actions`, { body: { action }, touches });

  async function remove() {
    const r = await change.send(keys.network(host, net.name), { method: 'DELETE', touches: [keys.networks(host)] });
    setDeleting(false);
    if (r.ok) router.push(hostPage(host, '/networks'));
  }

  const m = net.model;
  const facts: [string, string][] = [
    ['State', net.active ? 'active' : 'inactive'],
    ['Mode', `${modeLabels[m.mode]}${m.forwardDev ? ` via ${m.forwardDev}` : ''}`],
    ['Bridge', m.bridge ?? '—'],
    ['Addresses', addresses(m).join(', ') || '—'],
    ['DHCP range', dhcpRanges(m).join(', ') || '—'],
    ['Domain', m.domain ?? '—'],
    ['MTU', m.mtu ? String(m.mtu) : 'default'],
    ['Autostart', net.autostart ? 'yes' : 'no'],
    ['UUID', net.uuid],
  ];
  const error = change.problem?.message ?? readError?.message;
  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-center gap-3">
        <Link href={hostPage(host, '/networks')} className="text-sm text-sky-800 hover:underline">
          ← Networks
        </Link>
        <h1 className="text-xl font-semibold">{net.name}</h1>
        <span
          data-testid="network-state"
          className={`rounded px-1.5 py-0.5 text-xs ${net.active ? 'bg-emerald-100 text-emerald-800' : 'bg-slate-100 text-slate-600'}`}
        >
          {net.active ? 'active' : 'inactive'}
        </span>
        {canChange ? (
          <div className="ml-auto flex gap-2">
            {net.active ? (
              <Button disabled={change.busy} onClick={() => act('stop')}>
                Stop
              </Button>
            ) : (
              <Button variant="primary" disabled={change.busy} onClick={() => act('start')}>
                Start
              </Button>
            )}
            <Button disabled={change.busy} onClick={() => act(net.autostart ? 'autostart-off' : 'autostart-on')}>
              {net.autostart ? 'Disable autostart' : 'Enable autostart'}
            </Button>
            <Button
              variant="danger"
              disabled={change.busy}
              onClick={() => {
                change.reset();
                setDeleting(true);
              }}
            >
              Delete…
            </Button>
          </div>
        ) : null}
      </div>
      <Alert testId="network-error">{error}</Alert>
      {net.pendingRestart ? <Alert tone="warning">The saved definition differs from the running network: stop and start it to apply.</Alert> : null}
      <dl className="grid gap-x-6 gap-y-2 rounded-lg border border-slate-200 bg-white p-4 text-sm md:grid-cols-2" data-testid="network-facts">
        {facts.map(([k, v]) => (
          <div key={k} className="flex gap-2">
            <dt className="w-28 shrink-0 text-slate-500">{k}</dt>
            <dd>{v}</dd>
          </div>
        ))}
        <div className="flex gap-2">
          <dt className="w-28 shrink-0 text-slate-500">VMs</dt>
          <dd data-testid="network-vms">
            {net.vms.map((v) => (
              <Link key={v.name} href={hostPage(host, `/vms/${encodeURIComponent(v.name)}`)} className="mr-2 text-sky-800 hover:underline">
                {v.name}
                {v.running ? ' (running)' : ''}
              </Link>
            ))}
            {net.vms.length ? null : 'none'}
          </dd>
        </div>
      </dl>
      {m.mode !== 'bridge' && m.mode !== 'macvtap' ? (
        <div className="grid gap-4 lg:grid-cols-2">
          <DhcpHostsPanel name={net.name} model={m} canChange={canChange} />
          <DnsHostsPanel name={net.name} model={m} canChange={canChange} />
        </div>
      ) : null}
      {m.ips.length ? <LeasesPanel name={net.name} active={net.active} /> : null}
      <NetworkXmlPanel name={net.name} live={net.live} inactive={net.inactive} canEdit={canChange} />
      <ChangeDialog
        open={deleting}
        title={`Delete network “${net.name}”?`}
        submitLabel="Delete network"
        danger
        wide={false}
        busy={change.busy}
        onSubmit={() => void remove()}
        onClose={() => setDeleting(false)}
      >
        {net.vms.length ? (
          <p data-testid="delete-warning">
            These virtual machines still use it, so Vireo will refuse: {net.vms.map((v) => v.name).join(', ')}. Move their network interfaces first.
          </p>
        ) : (
          <p>{net.active ? 'It is running: it will be stopped, then its definition removed.' : 'Its definition will be removed.'}</p>
        )}
      </ChangeDialog>
    </div>
  );
}
