'use client';

import { useState } from 'react';
import type { NetworkModel } from '@/lib/networks/model';
import { api, ApiError } from '@/components/api-client';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Field } from '@/components/ui/field';

// Static DHCP hosts and DNS entries: libvirt changes both on a running network without a restart.

function useEdit(url: string, onDone: () => Promise<void>) {
  const [error, setError] = useState<string | null>(null);
  const [fields, setFields] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);
  async function send(body: Record<string, unknown>): Promise<boolean> {
    setBusy(true);
    setError(null);
    try {
      await api(url, { body });
      setFields({});
      await onDone();
      return true;
    } catch (err) {
      setFields(err instanceof ApiError ? err.fields : {});
      setError((err as Error).message);
      return false;
    } finally {
      setBusy(false);
    }
  }
  return { error, fields, busy, send };
}

export function DhcpHostsPanel({ name, model, canChange, onChanged }: { name: string; model: NetworkModel; canChange: boolean; onChanged: () => Promise<void> }) {
  const [draft, setDraft] = useState({ mac: '', ip: '', name: '' });
  const edit = useEdit(`/api/networks/${encodeURIComponent(name)}/dhcp-hosts`, onChanged);
  const hosts = model.ips.flatMap((ip) => ip.hosts);
  return (
    <section className="rounded-lg border border-slate-200 bg-white p-4 text-sm" data-testid="dhcp-hosts">
      <h2 className="mb-2 font-semibold">Static DHCP hosts</h2>
      <table className="w-full text-left">
        <thead className="text-xs uppercase text-slate-500"><tr><th className="py-1">MAC</th><th>Address</th><th>Name</th><th /></tr></thead>
        <tbody>
          {hosts.map((h) => (
            <tr key={`${h.mac}-${h.ip}`} className="border-t border-slate-100" data-testid={`dhcp-host-${h.ip}`}>
              <td className="py-1 font-mono text-xs">{h.mac ?? '—'}</td><td className="font-mono text-xs">{h.ip}</td><td>{h.name ?? '—'}</td>
              <td className="text-right">{canChange ? <Button className="px-2 py-0.5 text-xs" disabled={edit.busy} onClick={() => void edit.send({ edit: 'delete', mac: h.mac ?? '', ip: h.ip })}>Remove</Button> : null}</td>
            </tr>
          ))}
          {hosts.length === 0 ? <tr><td colSpan={4} className="py-1 text-slate-500">None.</td></tr> : null}
        </tbody>
      </table>
      {canChange ? (
        <form className="mt-3 grid items-end gap-2 md:grid-cols-[1fr_1fr_1fr_auto]" onSubmit={async (e) => {
          e.preventDefault();
          if (await edit.send({ edit: 'add', ...draft })) setDraft({ mac: '', ip: '', name: '' });
        }}>
          <Field label="New host MAC" value={draft.mac} onChange={(e) => setDraft({ ...draft, mac: e.target.value })} error={edit.fields.mac} placeholder="52:54:00:12:34:56" />
          <Field label="New host address" value={draft.ip} onChange={(e) => setDraft({ ...draft, ip: e.target.value })} error={edit.fields.ip} />
          <Field label="New host name" value={draft.name} onChange={(e) => setDraft({ ...draft, name: e.target.value })} error={edit.fields.name} />
          <Button type="submit" variant="primary" disabled={edit.busy}>Add host</Button>
        </form>
      ) : null}
      {edit.error ? <div className="mt-2"><Alert testId="dhcp-host-error">{edit.error}</Alert></div> : null}
    </section>
  );
}

export function DnsHostsPanel({ name, model, canChange, onChanged }: { name: string; model: NetworkModel; canChange: boolean; onChanged: () => Promise<void> }) {
  const [draft, setDraft] = useState({ ip: '', hostname: '' });
  const edit = useEdit(`/api/networks/${encodeURIComponent(name)}/dns-hosts`, onChanged);
  return (
    <section className="rounded-lg border border-slate-200 bg-white p-4 text-sm" data-testid="dns-hosts">
      <h2 className="mb-2 font-semibold">DNS entries{model.domain ? ` (domain ${model.domain})` : ''}</h2>
      <ul className="space-y-1">
        {model.dnsHosts.map((h) => (
          <li key={h.ip} className="flex items-center gap-3" data-testid={`dns-host-${h.ip}`}>
            <span className="font-mono text-xs">{h.ip}</span><span>{h.hostnames.join(', ')}</span>
            {canChange ? <Button className="ml-auto px-2 py-0.5 text-xs" disabled={edit.busy} onClick={() => void edit.send({ edit: 'delete', ip: h.ip })}>Remove</Button> : null}
          </li>
        ))}
        {model.dnsHosts.length === 0 ? <li className="text-slate-500">None.</li> : null}
      </ul>
      {canChange ? (
        <form className="mt-3 grid items-end gap-2 md:grid-cols-[1fr_1fr_auto]" onSubmit={async (e) => {
          e.preventDefault();
          if (await edit.send({ edit: 'add', ...draft })) setDraft({ ip: '', hostname: '' });
        }}>
          <Field label="DNS address" value={draft.ip} onChange={(e) => setDraft({ ...draft, ip: e.target.value })} error={edit.fields.ip} />
          <Field label="DNS host name" value={draft.hostname} onChange={(e) => setDraft({ ...draft, hostname: e.target.value })} error={edit.fields.hostname} />
          <Button type="submit" variant="primary" disabled={edit.busy}>Add entry</Button>
        </form>
      ) : null}
      {edit.error ? <div className="mt-2"><Alert>{edit.error}</Alert></div> : null}
    </section>
  );
}
