'use client';

import { useState } from 'react';
import type { DiskAdd, DiskBus, DiskSource } from '@/lib/hardware/types';
import { usePools, useVolumes } from '@/components/data/hooks';
import { formatBytes } from '@/components/format';
import { isImage, volumeOptionLabel } from '@/components/storage/volume-label';
import { withFormatExtension } from '@/lib/storage/extensions';
import { Alert } from '@/components/ui/alert';
import { ChangeDialog } from '@/components/ui/change-dialog';
import { NumberField, RadioGroup, SelectField, TextField } from '@/components/ui/inputs';
import { DISK_BUSES } from '@/lib/domain-xml/constants';
import { BusChoice } from './bus-choice';
import type { ChangeState } from './change';
import { useHardwareTab } from './context';
import { DiskOptionFields, defaultOptions, type DiskOptions } from './disk-options';
import { ScopePicker, toScope, useScope } from './scope';

type Kind = DiskSource['kind'];

const KINDS = [
  { value: 'new-volume', label: 'New volume in a pool' },
  { value: 'volume', label: 'Existing volume' },
  { value: 'file', label: 'File path on the host' },
] as const;

export function AddDiskDialog({ open, onClose, change }: { open: boolean; onClose: () => void; change: ChangeState }) {
  const { vm, hw } = useHardwareTab();
  const { data: pools, error: poolError } = usePools({ enabled: open });
  const active = (pools?.pools ?? []).filter((p) => p.active);
  const [kind, setKind] = useState<Kind>('new-volume');
  const [chosenPool, setPool] = useState('');
  const [name, setName] = useState(`${vm}-disk${hw.disks.length + 1}.qcow2`);
  const [sizeGiB, setSizeGiB] = useState('1');
  const [format, setFormat] = useState<'qcow2' | 'raw'>('qcow2');
  const [chosenVolume, setVolume] = useState('');
  const [path, setPath] = useState('');
  const [bus, setBus] = useState<string>(hw.diskBuses.includes('virtio') ? 'virtio' : (hw.diskBuses[0] ?? 'virtio'));
  const [target, setTarget] = useState('');
  const [opts, setOpts] = useState<DiskOptions>(defaultOptions);
  const [scope, setScope, blocked] = useScope(hw.running);
  // Until the user picks, the first running pool and its first volume.
  const pool = chosenPool || active[0]?.name || '';
  const { data: listed, error: volumeError } = useVolumes(open && kind === 'volume' && pool ? pool : null);
  const volumes = listed?.volumes.filter(isImage);
  const volume = volumes?.some((v) => v.name === chosenVolume) ? chosenVolume : (volumes?.[0]?.name ?? '');

  function source(): DiskSource {
    if (kind === 'new-volume') return { kind, pool, name: withFormatExtension(name, format), sizeGiB: Number(sizeGiB), format };
    if (kind === 'volume') return { kind, pool, volume };
    return { kind, path: path.trim() };
  }

  async function save() {
    const body: DiskAdd = { ...toScope(scope), source: source(), bus: bus as DiskBus, readonly: opts.readonly, shareable: opts.shareable };
    if (target.trim()) body.target = target.trim();
    if (opts.cache !== 'default') body.cache = opts.cache;
    if (opts.discard !== 'default') body.discard = opts.discard;
    if (opts.io !== 'default') body.io = opts.io;
    if (await change.submit('/disks', 'POST', body)) onClose();
  }

  const field = change.field;
  return (
    <ChangeDialog
      open={open}
      title="Add disk"
      testId="add-disk-dialog"
      submitLabel="Add disk"
      busyLabel="Adding…"
      busy={change.busy}
      problem={change.problem}
      onClose={onClose}
      onSubmit={() => void save()}
    >
      <RadioGroup legend="Source" name="disk-source" value={kind} onChange={setKind} options={KINDS} />
      {poolError && kind !== 'file' ? <Alert>Storage pools could not be listed: {poolError.message}</Alert> : null}
      {kind !== 'file' ? (
        <SelectField
          label="Pool"
          value={pool}
          onChange={setPool}
          error={field('pool')}
          hint={pools && active.length === 0 ? 'No running storage pool: start one on the Storage page, or use a file path.' : undefined}
        >
          {pools === undefined ? <option value="">Loading…</option> : null}
          {active.map((p) => (
            <option key={p.name} value={p.name}>
              {p.name} ({formatBytes(p.available)} free)
            </option>
          ))}
        </SelectField>
      ) : null}
      {kind === 'new-volume' ? (
        <div className="grid gap-3 sm:grid-cols-3">
          <div className="sm:col-span-3">
            <TextField label="Volume name" value={name} onChange={setName} error={field('name')} />
          </div>
          <NumberField label="Size (GiB)" value={sizeGiB} onChange={setSizeGiB} min={0.001} step={0.001} error={field('sizeGiB', 'size')} />
          <SelectField
            label="Format"
            value={format}
            error={field('format')}
            onChange={(v) => {
              const f = v as 'qcow2' | 'raw';
              setFormat(f);
              setName((n) => withFormatExtension(n, f)); // the default name follows the format, until the user types one
            }}
          >
            <option value="qcow2">qcow2 (thin, snapshots)</option>
            <option value="raw">raw</option>
          </SelectField>
        </div>
      ) : null}
      {kind === 'volume' ? (
        <>
          {volumeError ? (
            <Alert>
              Volumes of &quot;{pool}&quot; could not be listed: {volumeError.message}
            </Alert>
          ) : null}
          <SelectField label="Volume" value={volume} onChange={setVolume} error={field('volume')}>
            {volumes === undefined ? <option value="">{pool ? 'Loading…' : 'Choose a pool'}</option> : null}
            {volumes?.length === 0 ? <option value="">The pool has no volumes</option> : null}
            {volumes?.map((v) => (
              <option key={v.name} value={v.name}>
                {volumeOptionLabel(v)}
              </option>
            ))}
          </SelectField>
        </>
      ) : null}
      {kind === 'file' ? (
        <TextField
          label="File path"
          value={path}
          onChange={setPath}
          placeholder="/var/lib/libvirt/images/disk.qcow2"
          error={field('path', 'file')}
          hint="An existing image file on the host, readable by libvirt's QEMU user."
        />
      ) : null}
      <div className="grid gap-3 sm:grid-cols-2">
        <BusChoice value={bus} onChange={setBus} offered={hw.diskBuses} all={DISK_BUSES} machine={hw.boot.machine} error={field('bus')} />
        <TextField
          label="Target (optional)"
          value={target}
          onChange={setTarget}
          placeholder="automatic, e.g. vdb"
          error={field('target')}
          hint="The device name libvirt gives the disk; the guest may name it differently."
        />
      </div>
      <DiskOptionFields value={opts} onChange={setOpts} field={field} />
      <ScopePicker value={scope} onChange={setScope} blocked={blocked} />
    </ChangeDialog>
  );
}
