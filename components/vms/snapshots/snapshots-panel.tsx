'use client';

import { useState } from 'react';
import { useHostId } from '@/components/hosts/host-scope';
import { useSnapshots } from '@/components/data/hooks';
import { keys } from '@/components/data/keys';
import { useMutation } from '@/components/data/mutation';
import { fieldError } from '@/components/data/problem';
import type { SnapshotKind, SnapshotList, SnapshotNode } from '@/components/data/types';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { CheckboxField, RadioGroup, TextAreaField, TextField } from '@/components/ui/inputs';
import { RequestDialog, type DialogRequest } from '@/components/ui/request-dialog';

// A VM's snapshots as a tree (the one the VM stands on marked "current"), what kinds it can take and why that
// default, and the three changes: take one, revert to one, delete one (or it and its children).

function CreateDialog({ vm, list, onClose }: { vm: string; list: SnapshotList; onClose: () => void }) {
  const host = useHostId();
  const p = list.policy;
  const [name, setName] = useState('');
  const [description, setDescription] = useState('');
  const [kind, setKind] = useState<SnapshotKind>(p.preferred ?? 'internal');
  const [memory, setMemory] = useState(true);
  const [quiesce, setQuiesce] = useState(false);
  const create = useMutation();
  const diskOnly = list.running && kind === 'external' && !memory;
  const fields = create.problem?.fields;

  function request(): DialogRequest {
    const body = {
      name,
      description: description || null,
      kind,
      ...(list.running ? { memory: kind === 'internal' ? true : memory } : {}),
      quiesce: diskOnly && quiesce,
    };
    return { url: keys.snapshots(host, vm), body, touches: [keys.snapshots(host, vm), keys.vm(host, vm)] };
  }

  return (
    <RequestDialog
      mutation={create}
      title={`Take a snapshot of "${vm}"`}
      submitLabel="Take snapshot"
      onClose={onClose}
      request={request}
      testId="snapshot-create"
    >
      <TextField label="Name" value={name} onChange={setName} error={fieldError(fields, 'name')} testId="snapshot-name" required />
      <TextAreaField label="Description" value={description} onChange={setDescription} error={fieldError(fields, 'description')} rows={2} />
      <RadioGroup<SnapshotKind>
        legend="Kind"
        value={kind}
        onChange={setKind}
        stacked
        testId="snapshot-kind"
        error={fieldError(fields, 'kind')}
        options={[
          { value: 'internal', label: 'Internal (kept inside the qcow2 images)', disabled: !p.internal.ok, hint: p.internal.reason ?? undefined },
          {
            value: 'external',
            label: 'External (new overlay files; the images stay as they are)',
            disabled: !p.external.ok,
            hint: p.external.reason ?? (p.external.revertable ? undefined : `libvirt ${list.libvirtVersion} here cannot revert external snapshots.`),
          },
        ]}
        note={p.why}
      />
      {list.running ? (
        <CheckboxField
          label={
            kind === 'internal' ? 'Keep the memory state (always, for an internal snapshot of a running VM)' : 'Keep the memory state (otherwise disk-only)'
          }
          checked={kind === 'internal' || memory}
          disabled={kind === 'internal'}
          onChange={setMemory}
          testId="snapshot-memory"
          error={fieldError(fields, 'memory')}
        />
      ) : null}
      {diskOnly ? (
        <CheckboxField
          label="Quiesce: freeze the guest's filesystems through its agent while the disks are captured"
          checked={quiesce}
          disabled={!list.agent}
          hint={list.agent ? undefined : 'The guest agent does not answer, so the filesystems cannot be frozen.'}
          onChange={setQuiesce}
          error={fieldError(fields, 'quiesce')}
        />
      ) : null}
    </RequestDialog>
  );
}

function Row({ vm, s, canChange }: { vm: string; s: SnapshotNode; canChange: boolean }) {
  const host = useHostId();
  const [asking, setAsking] = useState<null | 'revert' | 'delete'>(null);
  const [children, setChildren] = useState(false);
  const url = `${keys.snapshots(host, vm)}/${encodeURIComponent(s.name)}`;
  const touches = [keys.snapshots(host, vm), keys.vm(host, vm)];
  const close = () => setAsking(null);
  return (
    <li
      className="flex flex-wrap items-start gap-2 border-b border-slate-100 py-2 last:border-0"
      style={{ paddingLeft: `${s.depth * 1.25}rem` }}
      data-testid={`snapshot-${s.name}`}
    >
      <div className="min-w-0 flex-1">
        <div className="flex flex-wrap items-center gap-2">
          <span className="font-medium">
            {s.depth > 0 ? '└ ' : ''}
            {s.name}
          </span>
          {s.current ? (
            <span className="rounded bg-sky-100 px-1.5 text-xs text-sky-900" data-testid="snapshot-current">
              current
            </span>
          ) : null}
          <span className="text-xs text-slate-500">
            {s.kind}, {s.withMemory ? 'with memory' : s.state === 'disk-snapshot' ? 'disk-only' : 'disks'} ·{' '}
            {s.createdAt ? new Date(s.createdAt).toLocaleString() : '—'}
          </span>
        </div>
        {s.description ? <p className="text-xs text-slate-600">{s.description}</p> : null}
        {s.revertBlocked ? <p className="text-xs text-amber-800">{s.revertBlocked}</p> : null}
      </div>
      {canChange ? (
        <div className="flex gap-1">
          <Button className="px-2 py-0.5 text-xs" disabled={!!s.revertBlocked} title={s.revertBlocked ?? undefined} onClick={() => setAsking('revert')}>
            Revert…
          </Button>
          <Button variant="danger" className="px-2 py-0.5 text-xs" onClick={() => setAsking('delete')}>
            Delete…
          </Button>
        </div>
      ) : null}
      {asking === 'revert' ? (
        <RequestDialog
          danger
          onClose={close}
          title={`Revert "${vm}" to "${s.name}"?`}
          submitLabel="Revert"
          request={() => ({ url: `${url}/revert`, body: {}, touches })}
        >
          <p>The disks{s.withMemory ? ' and the memory' : ''} go back to how they were when the snapshot was taken; what was written since is lost.</p>
        </RequestDialog>
      ) : null}
      {asking === 'delete' ? (
        <RequestDialog
          danger
          onClose={close}
          title={`Delete snapshot "${s.name}"?`}
          submitLabel="Delete"
          request={() => ({ url: `${url}${children ? '?children=true' : ''}`, method: 'DELETE', touches })}
        >
          <p>
            {s.kind === 'external'
              ? 'libvirt merges its overlay back into the disk; Vireo then removes the files it made for it.'
              : 'Its state is removed from the disk images.'}
          </p>
          {s.children > 0 ? (
            <CheckboxField label={`Also delete the snapshots taken after it (${s.children} directly below)`} checked={children} onChange={setChildren} />
          ) : null}
        </RequestDialog>
      ) : null}
    </li>
  );
}

export function SnapshotsPanel({ name, canChange }: { name: string; canChange: boolean }) {
  const { data, error } = useSnapshots(name);
  const [creating, setCreating] = useState(false);
  if (error) return <Alert>{error.message}</Alert>;
  if (!data) return <p className="text-sm text-slate-500">Reading snapshots…</p>;
  const p = data.policy;
  return (
    <section className="space-y-3 rounded-lg border border-slate-200 bg-white p-4 text-sm" data-testid="snapshots-panel">
      <div className="flex flex-wrap items-start gap-2">
        <div className="flex-1">
          <h2 className="font-semibold">Snapshots</h2>
          <p className="text-xs text-slate-600" data-testid="snapshot-policy">
            {p.preferred ? `New snapshots: ${p.preferred}. ` : ''}
            {p.why}
          </p>
        </div>
        {canChange ? (
          <Button variant="primary" className="px-2 py-1 text-xs" disabled={!p.preferred} onClick={() => setCreating(true)} data-testid="snapshot-new">
            Take snapshot…
          </Button>
        ) : null}
      </div>
      {data.snapshots.length === 0 ? <p className="text-slate-500">No snapshots yet.</p> : null}
      <ul>
        {data.snapshots.map((s) => (
          <Row key={s.name} vm={name} s={s} canChange={canChange} />
        ))}
      </ul>
      {creating ? <CreateDialog vm={name} list={data} onClose={() => setCreating(false)} /> : null}
    </section>
  );
}
