'use client';

import { useHostId } from '@/components/hosts/host-scope';
import { useState } from 'react';
import { keys, poolTouches } from '@/components/data/keys';
import { useMutation } from '@/components/data/mutation';
import type { VolumeRow } from '@/components/data/types';
import { formatBytes } from '@/components/format';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { ChangeDialog } from '@/components/ui/change-dialog';
import { actionsColumn, DataTable, type Column } from '@/components/ui/data-table';
import { CheckboxField, NumberField } from '@/components/ui/inputs';
import { userLabel } from '@/lib/storage/volume-user-names';
import { SIZE_UNITS, toBytes } from './sizes';
import { isImage, userLines, volumeSize } from './volume-label';

interface Props {
  pool: string;
  volumes: VolumeRow[];
  canChange: boolean;
  /** Reading a volume's data is a right of its own (a disk holds the guest's secrets): no link without it. */
  canDownload: boolean;
}

const ASK = {
  wipe: {
    title: 'Wipe',
    label: 'Wipe volume',
    body: 'Every byte of the volume is overwritten with zeros. Its data is gone for good.',
    inUse: 'Wiping it destroys the data they read: a VM using it no longer boots, an overlay loses every block it never wrote.',
  },
  delete: {
    title: 'Delete',
    label: 'Delete volume',
    body: 'The volume and its data are removed from the pool. This cannot be undone.',
    inUse: 'Deleting it leaves them pointing at a file that is gone: a running VM keeps writing to the deleted file and does not start again.',
  },
} as const;

export function VolumeTable({ pool, volumes, canChange, canDownload }: Props) {
  const host = useHostId();
  const [asking, setAsking] = useState<{ kind: 'wipe' | 'delete'; volume: VolumeRow } | null>(null);
  const [understood, setUnderstood] = useState(false);
  const [resizing, setResizing] = useState<{ name: string; mib: string } | null>(null);
  const [invalid, setInvalid] = useState<string | null>(null);
  const change = useMutation();
  const url = (v: string) => `${keys.volumes(host, pool)}/${encodeURIComponent(v)}`;
  const touches = poolTouches(host, pool);

  async function confirm() {
    if (!asking) return;
    const { kind, volume } = asking;
    // The users this dialog named: the server refuses again if more have appeared since.
    const confirmUsers = volume.usedBy.map(userLabel);
    const r = await (kind === 'wipe'
      ? change.send(`${url(volume.name)}/actions`, { body: { action: 'wipe', confirmUsers }, touches })
      : change.send(url(volume.name), { method: 'DELETE', body: { confirmUsers }, touches }));
    if (r.ok) setAsking(null);
  }

  function ask(kind: 'wipe' | 'delete', volume: VolumeRow) {
    change.reset();
    setUnderstood(false);
    setAsking({ kind, volume });
  }

  async function resize(name: string, mib: string) {
    const capacity = toBytes(mib, 'MiB');
    setInvalid(Number.isFinite(capacity) ? null : 'The new size must be a positive number of MiB.');
    if (!Number.isFinite(capacity)) return;
    if ((await change.send(`${url(name)}/actions`, { body: { action: 'resize', capacity }, touches })).ok) setResizing(null);
  }

  const actions = (v: VolumeRow) => (
    <>
      {isImage(v) ? imageActions(v) : null}
      {canChange ? (
        <Button className="!px-2 !py-1 text-xs" variant="danger" aria-label={`Delete ${v.name}`} onClick={() => ask('delete', v)}>
          Delete
        </Button>
      ) : null}
    </>
  );

  // Download, Resize and Wipe: what a disk image has and a directory in the pool does not.
  const imageActions = (v: VolumeRow) => (
    <>
      {canDownload ? (
        <a
          href={`${url(v.name)}/download`}
          download={v.name}
          aria-label={`Download ${v.name}`}
          className="inline-flex rounded-md border border-slate-300 px-2 py-1 text-xs hover:bg-slate-100"
        >
          Download
        </a>
      ) : null}
      {canChange ? (
        <>
          <Button
            className="!px-2 !py-1 text-xs"
            aria-label={`Resize ${v.name}`}
            onClick={() => setResizing({ name: v.name, mib: String(Math.ceil(v.capacity / SIZE_UNITS.MiB)) })}
          >
            Resize
          </Button>
          <Button className="!px-2 !py-1 text-xs" aria-label={`Wipe ${v.name}`} onClick={() => ask('wipe', v)}>
            Wipe
          </Button>
        </>
      ) : null}
      {resizing?.name === v.name ? (
        <form
          noValidate
          className="mt-2 flex items-end justify-end gap-1 text-left"
          onSubmit={(e) => {
            e.preventDefault();
            void resize(v.name, resizing.mib);
          }}
        >
          <NumberField label={`New size of ${v.name} (MiB)`} value={resizing.mib} min={1} onChange={(mib) => setResizing({ ...resizing, mib })} />
          <Button type="submit" variant="primary" className="!px-2 !py-1 text-xs" disabled={change.busy}>
            Apply
          </Button>
          <Button className="!px-2 !py-1 text-xs" onClick={() => setResizing(null)}>
            Cancel
          </Button>
        </form>
      ) : null}
    </>
  );

  const columns: Column<VolumeRow>[] = [
    {
      id: 'name',
      header: 'Volume',
      className: 'font-medium',
      cell: (v) => (
        <>
          {v.name}
          {v.base ? <span className="ml-1 rounded bg-sky-100 px-1 text-xs font-normal text-sky-800">base image</span> : null}
        </>
      ),
    },
    { id: 'format', header: 'Format', cell: (v) => (v.type === 'dir' ? 'directory' : (v.format ?? '—')) },
    {
      id: 'capacity',
      header: 'Capacity',
      cell: (v) => (
        <span data-testid="volume-capacity" data-bytes={v.capacity}>
          {formatBytes(v.capacity)}
        </span>
      ),
    },
    { id: 'allocation', header: 'Allocation', cell: (v) => (v.allocation === null ? '—' : formatBytes(v.allocation)) },
    {
      id: 'users',
      header: 'Used by',
      className: 'text-xs',
      cell: (v) =>
        v.usedBy.length ? (
          <span data-testid="volume-users" title={userLines(v).join('\n')}>
            {v.usedBy.map(userLabel).join(', ')}
          </span>
        ) : (
          '—'
        ),
    },
    { id: 'path', header: 'Path', className: 'font-mono text-xs', cell: (v) => v.path ?? '—' },
    actionsColumn(actions),
  ];

  const error = invalid ?? (asking ? null : change.problem?.message);
  const question = asking ? ASK[asking.kind] : null;
  return (
    <div className="space-y-2">
      <Alert testId="volume-error">{error}</Alert>
      <DataTable
        rows={volumes}
        columns={columns}
        rowKey={(v) => v.name}
        rowTestId={(v) => `volume-row-${v.name}`}
        rowClassName="align-top"
        testId="volume-table"
        empty="No volumes."
      />
      <ChangeDialog
        open={asking !== null}
        title={asking && question ? `${question.title} ${asking.volume.name}` : ''}
        submitLabel={question?.label}
        danger
        wide={false}
        busy={change.busy}
        submitDisabled={!!asking?.volume.usedBy.length && !understood}
        onClose={() => setAsking(null)}
        onSubmit={() => void confirm()}
      >
        <p>{question?.body}</p>
        {asking?.volume.usedBy.length ? (
          <div className="mt-2 space-y-2" data-testid="volume-in-use">
            <p className="font-medium text-red-800">
              {asking.volume.name} is in use ({volumeSize(asking.volume)}):
            </p>
            <ul className="list-disc pl-5">
              {userLines(asking.volume).map((l) => (
                <li key={l}>{l}</li>
              ))}
            </ul>
            <p>{question?.inUse}</p>
            <CheckboxField
              label={`${question?.title} it anyway, breaking ${asking.volume.usedBy.map(userLabel).join(', ')}`}
              checked={understood}
              onChange={setUnderstood}
            />
          </div>
        ) : null}
        {change.problem ? <Alert testId="volume-dialog-error">{change.problem.message}</Alert> : null}
      </ChangeDialog>
    </div>
  );
}
