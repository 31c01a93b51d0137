'use client';

import { hostPage } from '@/components/data/keys';
import { useHostId } from '@/components/hosts/host-scope';
import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { usePool } from '@/components/data/hooks';
import { keys, poolTouches } from '@/components/data/keys';
import { useMutation } from '@/components/data/mutation';
import { formatBytes } from '@/components/format';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { ChangeDialog } from '@/components/ui/change-dialog';
import { PoolState } from './pool-state';
import { VolumeCreateForm } from './volume-create-form';
import { VolumeTable } from './volume-table';
import { VolumeUpload } from './volume-upload';

type Action = 'build' | 'start' | 'stop' | 'refresh' | 'autostart-on' | 'autostart-off' | 'delete-storage' | 'undefine';

const confirmText: Partial<Record<Action, { title: string; body: string; label: string }>> = {
  stop: {
    title: 'Stop pool',
    body: 'Guests using its volumes keep running, but the volumes cannot be listed or created until it is started again.',
    label: 'Stop pool',
  },
  'delete-storage': {
    title: 'Delete pool storage',
    body: "libvirt removes the pool's storage itself (for a directory pool: its directory, which must be empty). This cannot be undone.",
    label: 'Delete storage',
  },
  undefine: { title: 'Undefine pool', body: 'Vireo and libvirt forget the pool. Its files stay where they are.', label: 'Undefine' },
};

export function PoolDetail({ name, canChange, canDownload }: { name: string; canChange: boolean; canDownload: boolean }) {
  const host = useHostId();
  const router = useRouter();
  const { data, error: readError } = usePool(name);
  const change = useMutation();
  const [asking, setAsking] = useState<Action | null>(null);

  async function run(action: Action) {
    const r = await change.send(`${keys.pool(host, name)}/actions`, {
      body: { action },
      touches: action === 'undefine' ? [keys.pools(host)] : poolTouches(host, name),
    });
    setAsking(null);
    if (r.ok && action === 'undefine') router.push(hostPage(host, '/storage'));
  }
  const ask = (a: Action) => (confirmText[a] ? setAsking(a) : void run(a));

  const p = data?.pool;
  const error = change.problem?.message ?? readError?.message;
  const question = asking ? confirmText[asking] : undefined;
  return (
    <div className="space-y-5">
      <Link href={hostPage(host, '/storage')} className="text-sm text-sky-800 hover:underline">
        ← Storage
      </Link>
      <div className="flex items-center gap-3">
        <h1 className="text-xl font-semibold">Pool {name}</h1>
        {p ? <PoolState state={p.state} /> : null}
      </div>
      <Alert testId="storage-error">{error}</Alert>
      {p ? (
        <>
          <dl className="grid grid-cols-2 gap-x-6 gap-y-1 text-sm sm:grid-cols-4" data-testid="pool-facts">
            <dt className="text-slate-500">Type</dt>
            <dd>{p.type}</dd>
            <dt className="text-slate-500">Path</dt>
            <dd className="font-mono text-xs">{p.targetPath ?? '—'}</dd>
            <dt className="text-slate-500">Capacity</dt>
            <dd data-testid="pool-capacity">{p.active ? formatBytes(p.capacity) : '—'}</dd>
            <dt className="text-slate-500">Allocation</dt>
            <dd data-testid="pool-allocation">{p.active ? formatBytes(p.allocation) : '—'}</dd>
            <dt className="text-slate-500">Available</dt>
            <dd>{p.active ? formatBytes(p.available) : '—'}</dd>
            <dt className="text-slate-500">Autostart</dt>
            <dd data-testid="pool-autostart">{p.autostart ? 'yes' : 'no'}</dd>
          </dl>
          {canChange ? (
            <div className="flex flex-wrap gap-2">
              {p.active ? (
                <Button onClick={() => ask('stop')} disabled={change.busy}>
                  Stop
                </Button>
              ) : (
                <Button variant="primary" onClick={() => ask('start')} disabled={change.busy}>
                  Start
                </Button>
              )}
              {p.active ? (
                <Button onClick={() => ask('refresh')} disabled={change.busy}>
                  Refresh
                </Button>
              ) : (
                <Button onClick={() => ask('build')} disabled={change.busy}>
                  Build
                </Button>
              )}
              <Button onClick={() => ask(p.autostart ? 'autostart-off' : 'autostart-on')} disabled={change.busy}>
                {p.autostart ? 'Disable autostart' : 'Enable autostart'}
              </Button>
              {!p.active ? (
                <Button variant="danger" onClick={() => ask('delete-storage')} disabled={change.busy}>
                  Delete storage
                </Button>
              ) : null}
              {!p.active ? (
                <Button variant="danger" onClick={() => ask('undefine')} disabled={change.busy}>
                  Undefine
                </Button>
              ) : null}
            </div>
          ) : null}
          {p.active ? (
            <>
              <VolumeTable pool={name} volumes={data.volumes} canChange={canChange} canDownload={canDownload} />
              {canChange ? (
                <div className="grid gap-6 md:grid-cols-2">
                  <VolumeCreateForm pool={name} />
                  <VolumeUpload pool={name} />
                </div>
              ) : null}
            </>
          ) : (
            <p className="text-sm text-slate-500">The pool is not running: start it to see and change its volumes.</p>
          )}
        </>
      ) : null}
      <ChangeDialog
        open={question !== undefined}
        title={question?.title ?? ''}
        submitLabel={question?.label}
        danger
        wide={false}
        busy={change.busy}
        onSubmit={() => asking && void run(asking)}
        onClose={() => setAsking(null)}
      >
        <p>{question?.body}</p>
      </ChangeDialog>
    </div>
  );
}
