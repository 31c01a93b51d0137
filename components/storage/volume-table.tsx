'use client';

import { useState } from 'react';
import { keys, poolTouches } from '@/components/data/keys';
import { useMutation } from '@/components/data/mutation';
import type { VolumeRow } from '@/components/data/types';
import { formatBytes } from '@/components/format';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { ChangeDialog } from '@/components/ui/change-dialog';
import { DataTable, type Column } from '@/components/ui/data-table';
import { NumberField } from '@/components/ui/inputs';
import { SIZE_UNITS, toBytes } from './sizes';

interface Props {
  pool: string;
  volumes: VolumeRow[];
  canChange: boolean;
  /** Reading a volume's data is a right of its own (a disk holds the guest's secrets): no link without it. */
  canDownload: boolean;
}

const ASK = {
  wipe: { title: 'Wipe', label: 'Wipe volume', body: 'Every byte of the volume is overwritten with zeros. Its data is gone for good.' },
  delete: { title: 'Delete', label: 'Delete volume', body: 'The volume and its data are removed from the pool. This cannot be undone.' },
} as const;

export function VolumeTable({ pool, volumes, canChange, canDownload }: Props) {
  const [asking, setAsking] = useState<{ kind: 'wipe' | 'delete'; name: string } | null>(null);
  const [resizing, setResizing] = useState<{ name: string; mib: string } | null>(null);
  const [invalid, setInvalid] = useState<string | null>(null);
  const change = useMutation();
  const url = (v: string) => `${keys.volumes(pool)}/${encodeURIComponent(v)}`;
  const touches = poolTouches(pool);

  async function confirm() {
    if (!asking) return;
    const { kind, name } = asking;
    await (kind === 'wipe'
      ? change.send(`${url(name)}/actions`, { body: { action: 'wipe' }, touches })
      : change.send(url(name), { method: 'DELETE', touches }));
    setAsking(null);
  }

  async function resize(name: string, mib: string) {
    const capacity = toBytes(mib, 'MiB');
    setInvalid(Number.isFinite(capacity) ? null : 'The new size must be a positive number of MiB.');
    if (!Number.isFinite(capacity)) return;
    if ((await change.send(`${url(name)}/actions`, { body: { action: 'resize', capacity }, touches })).ok) setResizing(null);
  }

  const actions = (v: VolumeRow) => (
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
          <Button className="!px-2 !py-1 text-xs" aria-label={`Wipe ${v.name}`} onClick={() => setAsking({ kind: 'wipe', name: v.name })}>
            Wipe
          </Button>
          <Button className="!px-2 !py-1 text-xs" variant="danger" aria-label={`Delete ${v.name}`} onClick={() => setAsking({ kind: 'delete', name: v.name })}>
            Delete
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
    { id: 'name', header: 'Volume', className: 'font-medium', cell: (v) => v.name },
    { id: 'format', header: 'Format', cell: (v) => v.format ?? '—' },
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
    { id: 'path', header: 'Path', className: 'font-mono text-xs', cell: (v) => v.path ?? '—' },
    { id: 'actions', header: '', className: 'space-x-1 whitespace-nowrap text-right', cell: actions },
  ];

  const error = invalid ?? change.problem?.message;
  const question = asking ? ASK[asking.kind] : null;
  return (
    <div className="space-y-2">
      {error ? <Alert testId="volume-error">{error}</Alert> : null}
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
        title={asking && question ? `${question.title} ${asking.name}` : ''}
        submitLabel={question?.label}
        danger
        wide={false}
        busy={change.busy}
        onClose={() => setAsking(null)}
        onSubmit={() => void confirm()}
      >
        <p>{question?.body}</p>
      </ChangeDialog>
    </div>
  );
}
