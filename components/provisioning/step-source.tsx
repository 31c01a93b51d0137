'use client';

import { fieldError } from '@/components/data/problem';
import { volumeOptionLabel } from '@/components/storage/volume-label';
import { CheckboxField, RadioGroup, SelectField, TextField, type RadioOption } from '@/components/ui/inputs';
import { textBinder, type StepProps } from './step-props';
import { osDefaults, type ImageFrom, type SourceKind } from './wizard-state';

const KINDS: RadioOption<SourceKind>[] = [
  { value: 'cloud-image', label: 'Cloud image', hint: 'A ready-made disk image, configured at first boot by cloud-init.' },
  { value: 'iso', label: 'Install from ISO', hint: 'Boots the installer from a CD-ROM image onto a new, empty disk.' },
  { value: 'import', label: 'Import existing disk', hint: 'Boots a disk volume that already has an operating system.' },
  { value: 'kernel', label: 'Direct kernel boot (advanced)', hint: 'Boots a kernel and initrd from files on the host.' },
];

function VolumeSelect({
  s,
  set,
  options,
  label,
  error,
  filter,
}: StepProps & { label: string; error?: string; filter?: (v: { name: string; format: string | null }) => boolean }) {
  const vols = options.volumes.filter((v) => (filter ? filter(v) : true));
  return (
    <SelectField label={label} value={s.volume} onChange={(v) => set({ volume: v })} error={error}>
      <option value="">Choose a volume…</option>
      {vols.map((v) => (
        <option key={`${v.pool}/${v.name}`} value={`${v.pool}/${v.name}`}>
          {volumeOptionLabel(v, `${v.pool}/`)}
        </option>
      ))}
    </SelectField>
  );
}

export function StepSource(props: StepProps) {
  const { s, set, options, errors } = props;
  const text = textBinder({ s, set, errors });
  // A catalog image brings its OS and that OS's defaults (the OS step shows them and can change them).
  const pickImage = (id: string) => {
    const entry = options.catalog.find((c) => c.id === id);
    const os = entry?.osVariant;
    set({
      catalogId: id,
      ...(os
        ? osDefaults(os, { ...s, catalogId: id }, { hostMemoryMiB: Math.floor(options.host.memory.totalBytes / 2 ** 20), imageMinDiskGiB: entry.minDiskGiB })
            .patch
        : {}),
    });
  };
  return (
    <div className="space-y-4">
      <div className="grid gap-4 md:grid-cols-2">
        <TextField {...text('name', 'name')} label="Name" placeholder="web-01" autoFocus />
        <TextField {...text('title', 'title')} label="Title (optional)" />
        <TextField {...text('tags', 'tags')} label="Tags (optional)" placeholder="db prod" hint="Separated by spaces or commas." />
      </div>
      <RadioGroup legend="Install from" name="source" value={s.source} onChange={(source) => set({ source, volume: '' })} options={KINDS} stacked />
      {s.source === 'cloud-image' ? (
        <div className="space-y-3 rounded-md border border-slate-200 p-3">
          <SelectField label="Image" value={s.imageFrom} onChange={(v) => set({ imageFrom: v as ImageFrom })}>
            <option value="catalog">From the catalog</option>
            <option value="url">Custom URL</option>
            <option value="volume">Uploaded image (a volume in a pool)</option>
          </SelectField>
          {s.imageFrom === 'catalog' ? (
            <SelectField label="Catalog image" value={s.catalogId} onChange={(v) => pickImage(v)} error={fieldError(errors, 'source.image')}>
              <option value="">Choose an image…</option>
              {options.catalog.map((c) => (
                <option key={c.id} value={c.id}>
                  {c.label}
                  {c.cached ? ' — cached' : ''}
                </option>
              ))}
            </SelectField>
          ) : null}
          {s.imageFrom === 'url' ? (
            <>
              <TextField {...text('imageUrl', 'source.image.url', 'source.image')} label="Image URL" placeholder="https://…/image.qcow2" />
              <div className="grid gap-3 md:grid-cols-[10rem_1fr]">
                <SelectField label="Checksum type" value={s.checksumAlgorithm} onChange={(v) => set({ checksumAlgorithm: v as 'sha256' | 'sha512' })}>
                  <option value="sha256">SHA-256</option>
                  <option value="sha512">SHA-512</option>
                </SelectField>
                <TextField {...text('checksumHex', 'source.image.checksum')} label="Checksum" placeholder="hex digest published with the image" />
              </div>
            </>
          ) : null}
          {s.imageFrom === 'volume' ? <VolumeSelect {...props} label="Image volume" error={fieldError(errors, 'source.image')} /> : null}
          <CheckboxField
            label="Full copy of the image instead of a qcow2 overlay (slower, independent of the base)"
            checked={s.fullCopy}
            onChange={(v) => set({ fullCopy: v })}
          />
        </div>
      ) : null}
      {s.source === 'iso' ? (
        <VolumeSelect {...props} label="Installer ISO" error={fieldError(errors, 'source.iso')} filter={(v) => /\.iso$/i.test(v.name) || v.format === 'iso'} />
      ) : null}
      {s.source === 'import' ? (
        <VolumeSelect {...props} label="Disk volume" error={fieldError(errors, 'source.disk')} filter={(v) => !/\.iso$/i.test(v.name)} />
      ) : null}
      {s.source === 'kernel' ? (
        <div className="grid gap-3 md:grid-cols-2">
          <TextField {...text('kernel', 'source.kernel')} label="Kernel path" placeholder="/var/lib/libvirt/boot/vmlinuz" />
          <TextField {...text('initrd', 'source.initrd')} label="Initrd path (optional)" />
          <TextField {...text('cmdline', 'source.cmdline')} label="Kernel command line" />
        </div>
      ) : null}
    </div>
  );
}
