'use client';

import { useEffect, useState } from 'react';
import type { DiskAdd, DiskBus, DiskSource } from '@/lib/hardware/types';
import { formatBytes } from '@/components/format';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { DISK_BUSES } from '@/lib/domain-xml/constants';
import { BusChoice } from './bus-choice';
import { fieldError, type ChangeState } from './change';
import { useHardware } from './context';
import { DiskOptionFields, defaultOptions, type DiskOptions } from './disk-options';
import { Choice, NumberInput, TextInput } from './inputs';
import { Modal } from '@/components/ui/modal';
import { RefusalNote } from './outcome';
import { ScopePicker, toScope, useScope } from './scope';
import { usePools, useVolumes } from './sources';

type Kind = DiskSource['kind'];

export function AddDiskDialog({ open, onClose, change }: { open: boolean; onClose: () => void; change: ChangeState }) {
  const { vm, hw } = useHardware();
  const { pools, error: poolError } = usePools(open);
  const active = (pools ?? []).filter((p) => p.active);
  const [kind, setKind] = useState<Kind>('new-volume');
  const [pool, setPool] = useState('');
  const [name, setName] = useState(`${vm}-disk${hw.disks.length + 1}.qcow2`);
  const [sizeGiB, setSizeGiB] = useState('1');
  const [format, setFormat] = useState<'qcow2' | 'raw'>('qcow2');
  const [volume, setVolume] = useState('');
  const [path, setPath] = useState('');
  const [bus, setBus] = useState<string>(hw.diskBuses.includes('virtio') ? 'virtio' : hw.diskBuses[0] ?? 'virtio');
  const [target, setTarget] = useState('');
  const [opts, setOpts] = useState<DiskOptions>(defaultOptions);
  const [scope, setScope, blocked] = useScope(hw.running);
  const { volumes, error: volumeError } = useVolumes(kind === 'volume' ? pool : '');

  useEffect(() => {
    if (!pool && active[0]) setPool(active[0].name);
  }, [pool, active]);
  useEffect(() => {
    if (volumes && !volumes.some((v) => v.name === volume)) setVolume(volumes[0]?.name ?? '');
  }, [volumes, volume]);
  // The default name follows the chosen format, until the user types one.
  useEffect(() => {
    setName((n) => n.replace(/\.(qcow2|raw|img)$/, format === 'qcow2' ? '.qcow2' : '.img'));
  }, [format]);

  const size = Number(sizeGiB);
  function source(): DiskSource {
    if (kind === 'new-volume') return { kind, pool, name: name.trim(), sizeGiB: size, format };
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

  const r = change.refusal;
  return (
    <Modal open={open} title="Add disk" onClose={onClose} testId="add-disk-dialog">
      <form noValidate className="space-y-4" onSubmit={(e) => { e.preventDefault(); void save(); }}>
        <fieldset className="space-y-1">
          <legend className="mb-1 font-medium text-slate-700">Source</legend>
          {([['new-volume', 'New volume in a pool'], ['volume', 'Existing volume'], ['file', 'File path on the host']] as const).map(([k, label]) => (
            <label key={k} className="mr-4 inline-flex items-center gap-1.5"><input type="radio" name="disk-source" checked={kind === k} onChange={() => setKind(k)} />{label}</label>
          ))}
        </fieldset>
        {poolError && kind !== 'file' ? <Alert>{poolError}</Alert> : null}
        {kind !== 'file' ? (
          <Choice label="Pool" value={pool} onChange={setPool} error={fieldError(r, 'pool')}
            hint={pools && active.length === 0 ? 'No running storage pool: start one on the Storage page, or use a file path.' : undefined}>
            {pools === null ? <option value="">Loading…</option> : null}
            {active.map((p) => <option key={p.name} value={p.name}>{p.name} ({formatBytes(p.available)} free)</option>)}
          </Choice>
        ) : null}
        {kind === 'new-volume' ? (
          <div className="grid gap-3 sm:grid-cols-3">
            <div className="sm:col-span-3"><TextInput label="Volume name" value={name} onChange={setName} error={fieldError(r, 'name')} /></div>
            <NumberInput label="Size (GiB)" value={sizeGiB} onChange={setSizeGiB} min={0.001} step={0.001} error={fieldError(r, 'sizeGiB', 'size')} />
            <Choice label="Format" value={format} onChange={(v) => setFormat(v as 'qcow2' | 'raw')} error={fieldError(r, 'format')}>
              <option value="qcow2">qcow2 (thin, snapshots)</option>
              <option value="raw">raw</option>
            </Choice>
          </div>
        ) : null}
        {kind === 'volume' ? (
          <>
            {volumeError ? <Alert>{volumeError}</Alert> : null}
            <Choice label="Volume" value={volume} onChange={setVolume} error={fieldError(r, 'volume')}>
              {volumes === null ? <option value="">{pool ? 'Loading…' : 'Choose a pool'}</option> : null}
              {volumes?.length === 0 ? <option value="">The pool has no volumes</option> : null}
              {volumes?.map((v) => <option key={v.name} value={v.name}>{v.name} ({formatBytes(v.capacity)}{v.format ? `, ${v.format}` : ''})</option>)}
            </Choice>
          </>
        ) : null}
        {kind === 'file' ? (
          <TextInput label="File path" value={path} onChange={setPath} placeholder="/var/lib/libvirt/images/disk.qcow2" error={fieldError(r, 'path', 'file')}
            hint="An existing image file on the host, readable by libvirt's QEMU user." />
        ) : null}
        <div className="grid gap-3 sm:grid-cols-2">
          <BusChoice value={bus} onChange={setBus} offered={hw.diskBuses} all={DISK_BUSES} machine={hw.boot.machine} error={fieldError(r, 'bus')} />
          <TextInput label="Target (optional)" value={target} onChange={setTarget} placeholder="automatic, e.g. vdb" error={fieldError(r, 'target')}
            hint="The device name libvirt gives the disk; the guest may name it differently." />
        </div>
        <DiskOptionFields value={opts} onChange={setOpts} refusal={r} />
        <ScopePicker value={scope} onChange={setScope} blocked={blocked} />
        {r ? <RefusalNote refusal={r} /> : null}
        <div className="flex justify-end gap-2">
          <Button onClick={onClose} disabled={change.busy}>Cancel</Button>
          <Button type="submit" variant="primary" disabled={change.busy}>{change.busy ? 'Adding…' : 'Add disk'}</Button>
        </div>
      </form>
    </Modal>
  );
}
