'use client';

import Link from 'next/link';
import { useMemo, useState } from 'react';
import { useHosts } from '@/components/data/hooks';
import { keys } from '@/components/data/keys';
import { useMutation } from '@/components/data/mutation';
import type { HostProbe, HostView } from '@/components/data/types';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { ChangeDialog } from '@/components/ui/change-dialog';
import { actionsColumn, DataTable, type Column } from '@/components/ui/data-table';
import { RowButton } from '@/components/ui/row-button';
import type { SortState } from '@/components/ui/table-sort';
import { HostForm } from './host-form';
import { HostState } from './host-state';

// Every host with its connection state; admins add, test, edit and remove them. The public key of a generated
// pair and the pinned host key fingerprint are shown to copy and to check; private keys never come back.

type Acting = { host: HostView; action: 'edit' | 'remove' } | { host: null; action: 'add' };

function Credentials({ h }: { h: HostView }) {
  if (h.ssh) {
    return (
      <div className="space-y-1 text-xs">
        {h.ssh.publicKey ? (
          <details>
            <summary className="cursor-pointer">Public key ({h.ssh.keySource})</summary>
            <code data-testid="host-public-key" className="block max-w-md break-all select-all">
              {h.ssh.publicKey}
            </code>
          </details>
        ) : null}
        <div data-testid="host-key">{h.ssh.hostKey ? <>Host key {h.ssh.hostKey}</> : 'Host key: trusted at first contact'}</div>
      </div>
    );
  }
  if (h.tls)
    return (
      <div className="text-xs">
        TLS: CA {h.tls.ca ? '✓' : '—'}, client certificate {h.tls.cert ? '✓' : '—'}, key {h.tls.key ? '✓' : '—'}
      </div>
    );
  return <div className="text-xs text-slate-500">{h.local ? 'local socket' : h.transport}</div>;
}

function columnsFor(admin: boolean, act: (a: Acting) => void, test: (h: HostView) => void, testing: string | null): Column<HostView>[] {
  return [
    {
      id: 'name',
      header: 'Host',
      className: 'font-medium',
      sortValue: (h) => h.name,
      cell: (h) => (
        <>
          <Link href={`/hosts/${encodeURIComponent(h.id)}`} className="underline">
            {h.name}
          </Link>
          <div className="text-xs font-normal text-slate-500">{h.id}</div>
        </>
      ),
    },
    { id: 'uri', header: 'URI', className: 'font-mono text-xs break-all', sortValue: (h) => h.uri, cell: (h) => h.uri },
    { id: 'state', header: 'State', sortValue: (h) => h.status.state, cell: (h) => <HostState status={h.status} /> },
    { id: 'creds', header: 'Credentials', cell: (h) => <Credentials h={h} /> },
    actionsColumn((h) =>
      admin ? (
        <>
          <RowButton word={testing === h.id ? 'Testing…' : 'Test'} suffix={h.name} onClick={() => test(h)} disabled={testing === h.id} testId="host-test" />
          <RowButton word="Edit" suffix={h.name} onClick={() => act({ host: h, action: 'edit' })} />
          {h.local ? null : <RowButton word="Remove" suffix={h.name} danger onClick={() => act({ host: h, action: 'remove' })} />}
        </>
      ) : null,
    ),
  ];
}

function probeWords(h: HostView, p: HostProbe & { host?: HostView }): string {
  if (!p.ok) return `${h.name}: ${p.problem}`;
  const pinned = p.host?.ssh?.hostKey ? ` Host key ${p.host.ssh.hostKey}${h.ssh?.hostKey ? '' : ' trusted at first contact and pinned'}.` : '';
  return `${h.name}: connected to ${p.hostname}, libvirt ${p.libvirtVersion} (${p.ms} ms).${pinned}`;
}

export function HostsPanel({ initial, admin }: { initial: HostView[]; admin: boolean }) {
  const { data, error } = useHosts(initial);
  const [acting, setActing] = useState<Acting | null>(null);
  const [done, setDone] = useState<{ text: string; ok: boolean } | null>(null);
  const [testing, setTesting] = useState<string | null>(null);
  const [sort, setSort] = useState<SortState>({ column: 'name', dir: 1 });
  const probe = useMutation();
  const remove = useMutation();

  const columns = useMemo(() => {
    const test = async (h: HostView) => {
      setDone(null);
      setTesting(h.id);
      const r = await probe.send<HostProbe & { host: HostView }>(`${keys.host(h.id)}/test`, { touches: [keys.hosts] });
      setTesting(null);
      setDone(r.ok ? { text: probeWords(h, r.data), ok: r.data.ok } : { text: r.problem.message, ok: false });
    };
    return columnsFor(
      admin,
      (a) => (setDone(null), setActing(a)),
      (h) => void test(h),
      testing,
    );
  }, [admin, probe, testing]);

  async function removeHost(h: HostView) {
    const r = await remove.send(keys.host(h.id), { method: 'DELETE', touches: [keys.hosts] });
    if (!r.ok) return;
    setActing(null);
    setDone({ text: `Removed ${h.name}. Its VMs are untouched on the host.`, ok: true });
  }

  return (
    <div className="space-y-3">
      {error ? <Alert>{error.message}</Alert> : null}
      {done ? (
        <Alert tone={done.ok ? 'info' : 'error'} testId="hosts-done">
          {done.text}
        </Alert>
      ) : null}
      {admin ? (
        <Button variant="primary" onClick={() => setActing({ host: null, action: 'add' })} data-testid="host-add">
          Add a host
        </Button>
      ) : null}
      <DataTable
        rows={data?.hosts}
        columns={columns}
        rowKey={(h) => h.id}
        testId="hosts-table"
        rowTestId={(h) => `host-row-${h.id}`}
        sort={{ state: sort, onChange: setSort }}
        empty="No hosts."
      />
      <ChangeDialog
        open={acting?.action === 'add' || acting?.action === 'edit'}
        title={acting?.host ? `Edit ${acting.host.name}` : 'Add a host'}
        onClose={() => setActing(null)}
      >
        {acting && acting.action !== 'remove' ? (
          <HostForm
            editing={acting.host ?? undefined}
            onDone={(h, text) => {
              setActing(null);
              const key =
                h.ssh?.keySource === 'generated' && h.ssh.publicKey ? ` Copy its public key into the host's authorized_keys, then Test.` : ' Test it now.';
              setDone({ text: text + key, ok: true });
            }}
          />
        ) : null}
      </ChangeDialog>
      <ChangeDialog
        open={acting?.action === 'remove'}
        title={acting?.host ? `Remove ${acting.host.name}?` : 'Remove'}
        onClose={() => setActing(null)}
        onSubmit={() => acting?.host && void removeHost(acting.host)}
        submitLabel="Remove"
        busy={remove.busy}
        problem={remove.problem}
        danger
      >
        <p className="text-sm">Vireo stops managing this host and forgets its keys. Its VMs keep running there, untouched.</p>
      </ChangeDialog>
    </div>
  );
}
