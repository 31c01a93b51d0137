'use client';

import { useHostId } from '@/components/hosts/host-scope';
import { useState } from 'react';
import { keys } from '@/components/data/keys';
import { useMutation } from '@/components/data/mutation';
import { fieldError } from '@/components/data/problem';
import type { NetworkModel } from '@/components/data/types';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { DataTable, type Column } from '@/components/ui/data-table';
import { TextField } from '@/components/ui/inputs';

// Static DHCP hosts and DNS entries: libvirt changes both on a running network without a restart.

type DhcpHost = NetworkModel['ips'][number]['hosts'][number];

function useEntries(network: string, kind: 'dhcp-hosts' | 'dns-hosts') {
  const host = useHostId();
  const m = useMutation();
  const url = `${keys.network(host, network)}/${kind}`;
  const send = async (body: Record<string, unknown>) => (await m.send(url, { body, touches: [keys.network(host, network), keys.networks(host)] })).ok;
  const field = (name: string) => fieldError(m.problem?.fields, name);
  return { busy: m.busy, error: m.problem?.message ?? null, field, send };
}

export function DhcpHostsPanel({ name, model, canChange }: { name: string; model: NetworkModel; canChange: boolean }) {
  const [draft, setDraft] = useState({ mac: '', ip: '', name: '' });
  const edit = useEntries(name, 'dhcp-hosts');
  const hosts = model.ips.flatMap((ip) => ip.hosts);
  const columns: Column<DhcpHost>[] = [
    { id: 'mac', header: 'MAC', className: 'font-mono text-xs', cell: (h) => h.mac ?? '—' },
    { id: 'ip', header: 'Address', className: 'font-mono text-xs', cell: (h) => h.ip },
    { id: 'name', header: 'Name', cell: (h) => h.name ?? '—' },
    {
      id: 'remove',
      header: '',
      className: 'text-right',
      cell: (h) =>
        canChange ? (
          <Button className="px-2 py-0.5 text-xs" disabled={edit.busy} onClick={() => void edit.send({ edit: 'delete', mac: h.mac ?? '', ip: h.ip })}>
            Remove
          </Button>
        ) : null,
    },
  ];
  return (
    <section className="rounded-lg border border-slate-200 bg-white p-4 text-sm" data-testid="dhcp-hosts">
      <h2 className="mb-2 font-semibold">Static DHCP hosts</h2>
      <DataTable rows={hosts} columns={columns} rowKey={(h) => `${h.mac}-${h.ip}`} rowTestId={(h) => `dhcp-host-${h.ip}`} frame="plain" empty="None." />
      {canChange ? (
        <form
          className="mt-3 grid items-start gap-2 md:grid-cols-[1fr_1fr_1fr_auto]"
          onSubmit={async (e) => {
            e.preventDefault();
            if (await edit.send({ edit: 'add', ...draft })) setDraft({ mac: '', ip: '', name: '' });
          }}
        >
          <TextField
            label="New host MAC"
            value={draft.mac}
            onChange={(mac) => setDraft({ ...draft, mac })}
            error={edit.field('mac')}
            placeholder="52:54:00:12:34:56"
          />
          <TextField label="New host address" value={draft.ip} onChange={(ip) => setDraft({ ...draft, ip })} error={edit.field('ip')} />
          <TextField label="New host name" value={draft.name} onChange={(n) => setDraft({ ...draft, name: n })} error={edit.field('name')} />
          <Button type="submit" variant="primary" className="mt-6" disabled={edit.busy}>
            Add host
          </Button>
        </form>
      ) : null}
      {edit.error ? (
        <div className="mt-2">
          <Alert testId="dhcp-host-error">{edit.error}</Alert>
        </div>
      ) : null}
    </section>
  );
}

export function DnsHostsPanel({ name, model, canChange }: { name: string; model: NetworkModel; canChange: boolean }) {
  const [draft, setDraft] = useState({ ip: '', hostname: '' });
  const edit = useEntries(name, 'dns-hosts');
  return (
    <section className="rounded-lg border border-slate-200 bg-white p-4 text-sm" data-testid="dns-hosts">
      <h2 className="mb-2 font-semibold">DNS entries{model.domain ? ` (domain ${model.domain})` : ''}</h2>
      <ul className="space-y-1">
        {model.dnsHosts.map((h) => (
          <li key={h.ip} className="flex items-center gap-3" data-testid={`dns-host-${h.ip}`}>
            <span className="font-mono text-xs">{h.ip}</span>
            <span>{h.hostnames.join(', ')}</span>
            {canChange ? (
              <Button className="ml-auto px-2 py-0.5 text-xs" disabled={edit.busy} onClick={() => void edit.send({ edit: 'delete', ip: h.ip })}>
                Remove
              </Button>
            ) : null}
          </li>
        ))}
        {model.dnsHosts.length === 0 ? <li className="text-slate-500">None.</li> : null}
      </ul>
      {canChange ? (
        <form
          className="mt-3 grid items-start gap-2 md:grid-cols-[1fr_1fr_auto]"
          onSubmit={async (e) => {
            e.preventDefault();
            if (await edit.send({ edit: 'add', ...draft })) setDraft({ ip: '', hostname: '' });
          }}
        >
          <TextField label="DNS address" value={draft.ip} onChange={(ip) => setDraft({ ...draft, ip })} error={edit.field('ip')} />
          <TextField label="DNS host name" value={draft.hostname} onChange={(hostname) => setDraft({ ...draft, hostname })} error={edit.field('hostname')} />
          <Button type="submit" variant="primary" className="mt-6" disabled={edit.busy}>
            Add entry
          </Button>
        </form>
      ) : null}
      {edit.error ? (
        <div className="mt-2">
          <Alert>{edit.error}</Alert>
        </div>
      ) : null}
    </section>
  );
}
