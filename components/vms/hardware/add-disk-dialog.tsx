'use client';

import { useState } from 'react';
import type { DiskAdd, DiskBus, DiskSource } from '@/lib/hardware/types';
import { withFormatExtension } from '@/lib/storage/extensions';
import { NumberField, RadioGroup, SelectField, TextField } from '@/components/ui/inputs';
import { DISK_BUSES } from '@/lib/domain-xml/constants';
import { BusChoice } from './bus-choice';
import { useHardwareTab } from './context';
import { DiskOptionFields, defaultOptions, type DiskOptions } from './disk-options';
import { PoolSelect, useImageVolumes, useRunningPools, VolumeSelect } from './pool-volume-select';
import { toScope, type ScopeChoice } from './scope';
import { ScopedDialog, type DeviceDialogProps } from './scoped-dialog';

type Kind = DiskSource['kind'];

const KINDS = [
  { value: 'new-volume', label: 'New volume in a pool' },
  { value: 'volume', label: 'Existing volume' },
  { value: 'file', label: 'File path on the host' },
] as const;

export function AddDiskDialog(props: DeviceDialogProps) {
  const { open, change } = props;
  const { vm, hw } = useHardwareTab();
  const pools = useRunningPools(open);
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
  // Until the user picks, the first running pool and its first volume.
  const pool = chosenPool || pools.active[0]?.name || '';
  const images = useImageVolumes(open && kind === 'volume' && pool ? pool : null);
  const volumes = images.volumes;
  const volume = volumes?.some((v) => v.name === chosenVolume) ? chosenVolume : (volumes?.[0]?.name ?? '');

  function source(): DiskSource {
    if (kind === 'new-volume') return { kind, pool, name: withFormatExtension(name, format), sizeGiB: Number(sizeGiB), format };
    if (kind === 'volume') return { kind, pool, volume };
    return { kind, path: path.trim() };
  }

  function save(scope: ScopeChoice) {
    const body: DiskAdd = { ...toScope(scope), source: source(), bus: bus as DiskBus, readonly: opts.readonly, shareable: opts.shareable };
    if (target.trim()) body.target = target.trim();
    if (opts.cache !== 'default') body.cache = opts.cache;
    if (opts.discard !== 'default') body.discard = opts.discard;
    if (opts.io !== 'default') body.io = opts.io;
    return change.submit('/disks', 'POST', body);
  }

  const field = change.field;
  return (
    <ScopedDialog {...props} title="Add disk" testId="add-disk-dialog" submitLabel="Add disk" busyLabel="Adding…" submit={save}>
      <RadioGroup legend="Source" name="disk-source" value={kind} onChange={setKind} options={KINDS} />
      {kind !== 'file' ? <PoolSelect pools={pools} value={pool} onChange={setPool} error={field('pool')} showFree /> : null}
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
      {kind === 'volume' ? <VolumeSelect label="Volume" pool={pool} images={images} value={volume} onChange={setVolume} error={field('volume')} /> : null}
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
    </ScopedDialog>
  );
}
