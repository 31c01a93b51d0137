'use client';

import Link from 'next/link';
import { useHostId } from '@/components/hosts/host-scope';
import { useState } from 'react';
import { useBackups } from '@/components/data/hooks';
import { keys } from '@/components/data/keys';
import { useMutation } from '@/components/data/mutation';
import type { BackupPointView } from '@/components/data/types';
import { formatBytes } from '@/components/format';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { DataTable, type Column } from '@/components/ui/data-table';
import { JobStarted } from '@/components/jobs/job-started';
import { CheckboxField } from '@/components/ui/inputs';
import { WithNote } from '@/components/ui/with-note';
import { ProblemNote } from '@/components/ui/problem-note';
import { RestoreDialog } from './restore-dialog';
import { PoolChoiceField, usePoolChoice } from './target-pool';

// The Backups tab of a VM: whether the next backup can be incremental (and why not, in words), "back up now", and
// the points, each with its chain, restore, verify and delete.

export interface BackupPerms {
  run: boolean;
  restore: boolean;
  manage: boolean;
}

const KIND: Record<BackupPointView['kind'], string> = { full: 'full', incremental: 'incremental', copy: 'copy (VM stopped)' };

function chainLabel(p: BackupPointView, all: BackupPointView[]): string {
  const chain = all.filter((x) => x.chainId === p.chainId && x.status === 'ok').sort((a, b) => a.createdAt.localeCompare(b.createdAt));
  const at = chain.findIndex((x) => x.id === p.id);
  return at < 0 ? '—' : `chain ${p.chainId.slice(0, 8)}, ${at + 1} of ${chain.length}`;
}

function RunNow({ vm }: { vm: string }) {
  const host = useHostId();
  const pool = usePoolChoice();
  const [full, setFull] = useState(false);
  const [job, setJob] = useState<string | null>(null);
  const m = useMutation();
  const start = async () => {
    const r = await m.send<{ jobId: string }>(keys.backups(host, vm), {
      method: 'POST',
      body: { pool: pool.value, full },
      touches: [keys.backups(host, vm), keys.jobs],
    });
    if (r.ok) setJob(r.data.jobId);
  };
  return (
    <section className="space-y-2 rounded-lg border border-slate-200 bg-white p-4 text-sm" data-testid="backup-run">
      <h2 className="font-semibold">Back up now</h2>
      <div className="flex flex-wrap items-end gap-3">
        <PoolChoiceField label="Target pool" choice={pool} testId="backup-pool" />
        <CheckboxField label="Start a new chain (full backup)" checked={full} onChange={setFull} testId="backup-full" />
        <Button variant="primary" onClick={() => void start()} disabled={m.busy || !pool.value} data-testid="backup-start">
          {m.busy ? 'Starting…' : 'Back up'}
        </Button>
      </div>
      {m.problem ? <ProblemNote problem={m.problem} /> : null}
      {job ? <JobStarted doing="Started" jobId={job} testId="backup-job" /> : null}
    </section>
  );
}

function PointActions({ vm, point, perms, onRestore }: { vm: string; point: BackupPointView; perms: BackupPerms; onRestore: () => void }) {
  const host = useHostId();
  const m = useMutation();
  const [job, setJob] = useState<string | null>(null);
  const base = `${keys.backups(host, vm)}/${point.id}`;
  const verify = async (boot: boolean) => {
    const r = await m.send<{ jobId: string }>(`${base}/verify`, { method: 'POST', body: { boot }, touches: [keys.jobs] });
    if (r.ok) setJob(r.data.jobId);
  };
  if (point.status !== 'ok') return null;
  return (
    <div className="flex flex-wrap items-center gap-1">
      {perms.restore ? (
        <Button className="px-2 py-0.5 text-xs" onClick={onRestore} data-testid={`restore-${point.id}`}>
          Restore…
        </Button>
      ) : null}
      {perms.run ? (
        <>
          <Button className="px-2 py-0.5 text-xs" onClick={() => void verify(false)} disabled={m.busy} data-testid={`verify-${point.id}`}>
            Verify
          </Button>
          <Button className="px-2 py-0.5 text-xs" onClick={() => void verify(true)} disabled={m.busy} title="Also boots a throwaway VM made from this point">
            Verify + boot
          </Button>
        </>
      ) : null}
      {perms.manage ? (
        <Button
          variant="danger"
          className="px-2 py-0.5 text-xs"
          disabled={m.busy}
          onClick={() => {
            if (window.confirm('Delete this backup point and its volumes?')) void m.send(base, { method: 'DELETE', touches: [keys.backups(host, vm)] });
          }}
        >
          Delete
        </Button>
      ) : null}
      {job ? (
        <Link href={`/jobs/${job}`} className="text-xs text-sky-800 hover:underline">
          verify job
        </Link>
      ) : null}
      {m.problem ? <ProblemNote problem={m.problem} /> : null}
    </div>
  );
}

function columns(all: BackupPointView[], vm: string, perms: BackupPerms, restore: (p: BackupPointView) => void): Column<BackupPointView>[] {
  return [
    { id: 'taken', header: 'Taken', cell: (p) => new Date(p.createdAt).toLocaleString() },
    { id: 'kind', header: 'Kind', cell: (p) => KIND[p.kind] },
    { id: 'chain', header: 'Chain', cell: (p) => <span className="text-xs">{chainLabel(p, all)}</span> },
    { id: 'size', header: 'Size', cell: (p) => (p.status === 'ok' ? formatBytes(p.sizeBytes) : '—') },
    { id: 'state', header: 'State', cell: (p) => <WithNote value={p.status} note={p.error} place="error" /> },
    { id: 'actions', header: '', cell: (p) => <PointActions vm={vm} point={p} perms={perms} onRestore={() => restore(p)} /> },
  ];
}

export function BackupsPanel({ vm, perms }: { vm: string; perms: BackupPerms }) {
  const { data, error } = useBackups(vm);
  const [restoring, setRestoring] = useState<BackupPointView | null>(null);
  if (!data)
    return error ? (
      <Alert>
        The backups of {vm} could not be read: {error.message}
      </Alert>
    ) : (
      <p className="text-sm text-slate-500">Reading the backups…</p>
    );
  const { chain, points, running } = data;
  return (
    <div className="space-y-4" data-testid="backups-panel">
      {chain.state === 'broken' ? (
        <Alert testId="chain-broken">{chain.problem}</Alert>
      ) : (
        <p className="text-sm text-slate-600" data-testid="chain-state">
          {chain.state === 'ok'
            ? `The next backup is incremental (changes since checkpoint ${chain.base}).`
            : running
              ? 'The next backup is a full one: there is no backup to build on yet.'
              : 'The VM is stopped: the next backup copies its disks whole.'}
        </p>
      )}
      {perms.run ? <RunNow vm={vm} /> : null}
      <DataTable
        rows={points}
        columns={columns(points, vm, perms, setRestoring)}
        rowKey={(p) => p.id}
        rowTestId={(p) => `backup-point-${p.kind}-${p.status}`}
        empty="No backups yet."
        testId="backup-points"
      />
      {restoring ? <RestoreDialog vm={vm} point={restoring} vmRunning={running} onClose={() => setRestoring(null)} /> : null}
    </div>
  );
}
