'use client';

import { Field } from '@/components/ui/field';
import { Select } from '@/components/ui/select';
import { err, type StepProps } from './step-props';
import type { ImageFrom, SourceKind } from './wizard-state';

const KINDS: { id: SourceKind; label: string; hint: string }[] = [
  { id: 'cloud-image', label: 'Cloud image', hint: 'A ready-made disk image, configured at first boot by cloud-init.' },
  { id: 'iso', label: 'Install from ISO', hint: 'Boots the installer from a CD-ROM image onto a new, empty disk.' },
  { id: 'import', label: 'Import existing disk', hint: 'Boots a disk volume that already has an operating system.' },
  { id: 'kernel', label: 'Direct kernel boot (advanced)', hint: 'Boots a kernel and initrd from files on the host.' },
];

function VolumeSelect({ s, set, options, label, error, filter }: StepProps & { label: string; error?: string; filter?: (v: { name: string; format: string | null }) => boolean }) {
  const vols = options.volumes.filter((v) => (filter ? filter(v) : true));
  return (
    <Select label={label} value={s.volume} onChange={(v) => set({ volume: v })} error={error}>
      <option value="">Choose a volume…</option>
      {vols.map((v) => <option key={`${v.pool}/${v.name}`} value={`${v.pool}/${v.name}`}>{v.pool}/{v.name} ({v.format ?? '?'}, {(v.capacity / 1024 ** 3).toFixed(1)} GiB)</option>)}
    </Select>
  );
}

export function StepSource(props: StepProps) {
  const { s, set, options, errors } = props;
  return (
    <div className="space-y-4">
      <div className="grid gap-4 md:grid-cols-2">
        <Field label="Name" value={s.name} onChange={(e) => set({ name: e.target.value })} error={err(errors, 'name')} placeholder="web-01" autoFocus />
        <Field label="Title (optional)" value={s.title} onChange={(e) => set({ title: e.target.value })} error={err(errors, 'title')} />
      </div>
      <fieldset className="space-y-2">
        <legend className="mb-1 text-sm font-medium text-slate-700">Install from</legend>
        {KINDS.map((k) => (
          <label key={k.id} className="flex items-start gap-2 text-sm">
            <input type="radio" name="source" checked={s.source === k.id} onChange={() => set({ source: k.id, volume: '' })} className="mt-1" />
            <span><span className="font-medium">{k.label}</span> <span className="text-slate-500">— {k.hint}</span></span>
          </label>
        ))}
      </fieldset>
      {s.source === 'cloud-image' ? (
        <div className="space-y-3 rounded-md border border-slate-200 p-3">
          <Select label="Image" value={s.imageFrom} onChange={(v) => set({ imageFrom: v as ImageFrom })}>
            <option value="catalog">From the catalog</option>
            <option value="url">Custom URL</option>
            <option value="volume">Uploaded image (a volume in a pool)</option>
          </Select>
          {s.imageFrom === 'catalog' ? (
            <Select label="Catalog image" value={s.catalogId} onChange={(v) => set({ catalogId: v })} error={err(errors, 'source.image')}>
              <option value="">Choose an image…</option>
              {options.catalog.map((c) => <option key={c.id} value={c.id}>{c.label}{c.cached ? ' — cached' : ''}</option>)}
            </Select>
          ) : null}
          {s.imageFrom === 'url' ? (
            <>
              <Field label="Image URL" value={s.imageUrl} onChange={(e) => set({ imageUrl: e.target.value })} error={err(errors, 'source.image.url', 'source.image')} placeholder="https://…/image.qcow2" />
              <div className="grid gap-3 md:grid-cols-[10rem_1fr]">
                <Select label="Checksum type" value={s.checksumAlgorithm} onChange={(v) => set({ checksumAlgorithm: v as 'sha256' | 'sha512' })}>
                  <option value="sha256">SHA-256</option>
                  <option value="sha512">SHA-512</option>
                </Select>
                <Field label="Checksum" value={s.checksumHex} onChange={(e) => set({ checksumHex: e.target.value })} error={err(errors, 'source.image.checksum')} placeholder="hex digest published with the image" />
              </div>
            </>
          ) : null}
          {s.imageFrom === 'volume' ? <VolumeSelect {...props} label="Image volume" error={err(errors, 'source.image')} /> : null}
          <label className="flex items-center gap-2 text-sm">
            <input type="checkbox" checked={s.fullCopy} onChange={(e) => set({ fullCopy: e.target.checked })} />
            Full copy of the image instead of a qcow2 overlay (slower, independent of the base)
          </label>
        </div>
      ) : null}
      {s.source === 'iso' ? <VolumeSelect {...props} label="Installer ISO" error={err(errors, 'source.iso')} filter={(v) => /\.iso$/i.test(v.name) || v.format === 'iso'} /> : null}
      {s.source === 'import' ? <VolumeSelect {...props} label="Disk volume" error={err(errors, 'source.disk')} filter={(v) => !/\.iso$/i.test(v.name)} /> : null}
      {s.source === 'kernel' ? (
        <div className="grid gap-3 md:grid-cols-2">
          <Field label="Kernel path" value={s.kernel} onChange={(e) => set({ kernel: e.target.value })} error={err(errors, 'source.kernel')} placeholder="/var/lib/libvirt/boot/vmlinuz" />
          <Field label="Initrd path (optional)" value={s.initrd} onChange={(e) => set({ initrd: e.target.value })} error={err(errors, 'source.initrd')} />
          <Field label="Kernel command line" value={s.cmdline} onChange={(e) => set({ cmdline: e.target.value })} error={err(errors, 'source.cmdline')} />
        </div>
      ) : null}
    </div>
  );
}
