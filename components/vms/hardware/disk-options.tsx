import { CheckboxField, SelectField } from '@/components/ui/inputs';
import { DISK_CACHES as CACHES, DISK_DISCARDS as DISCARDS, DISK_IOS as IOS, type DiskCache, type DiskDiscard, type DiskIo } from '@/lib/domain-xml/constants';
import type { ChangeState } from './change';

// Cache / discard / IO mode and the read-only / shareable flags, shared by "add disk" and "edit disk".

export interface DiskOptions {
  cache: DiskCache;
  discard: DiskDiscard;
  io: DiskIo;
  readonly: boolean;
  shareable: boolean;
}

export const defaultOptions: DiskOptions = { cache: 'default', discard: 'default', io: 'default', readonly: false, shareable: false };

export function DiskOptionFields({
  value,
  onChange,
  field,
  disabled,
}: {
  value: DiskOptions;
  onChange: (v: DiskOptions) => void;
  field: ChangeState['field'];
  disabled?: boolean;
}) {
  const set = <K extends keyof DiskOptions>(k: K, v: DiskOptions[K]) => onChange({ ...value, [k]: v });
  return (
    <div className="space-y-2">
      <div className="grid gap-3 sm:grid-cols-3">
        <SelectField label="Cache" value={value.cache} onChange={(v) => set('cache', v as DiskCache)} disabled={disabled} error={field('cache')}>
          {CACHES.map((c) => (
            <option key={c} value={c}>
              {c === 'default' ? 'Hypervisor default' : c}
            </option>
          ))}
        </SelectField>
        <SelectField label="Discard" value={value.discard} onChange={(v) => set('discard', v as DiskDiscard)} disabled={disabled} error={field('discard')}>
          {DISCARDS.map((c) => (
            <option key={c} value={c}>
              {c === 'default' ? 'Hypervisor default' : c}
            </option>
          ))}
        </SelectField>
        <SelectField label="IO mode" value={value.io} onChange={(v) => set('io', v as DiskIo)} disabled={disabled} error={field('io')}>
          {IOS.map((c) => (
            <option key={c} value={c}>
              {c === 'default' ? 'Hypervisor default' : c}
            </option>
          ))}
        </SelectField>
      </div>
      <div className="flex flex-wrap gap-4">
        <CheckboxField label="Read-only" checked={value.readonly} onChange={(v) => set('readonly', v)} disabled={disabled} error={field('readonly')} />
        <CheckboxField label="Shareable" checked={value.shareable} onChange={(v) => set('shareable', v)} disabled={disabled} error={field('shareable')} />
      </div>
    </div>
  );
}
