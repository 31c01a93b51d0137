import { CheckboxField, Options, SelectField } from '@/components/ui/inputs';
import { DISK_CACHES as CACHES, DISK_DISCARDS as DISCARDS, DISK_IOS as IOS, type DiskCache, type DiskDiscard, type DiskIo } from '@/lib/domain-xml/constants';
import type { FieldGroupProps } from './change';

// Cache / discard / IO mode and the read-only / shareable flags, shared by "add disk" and "edit disk".

export interface DiskOptions {
  cache: DiskCache;
  discard: DiskDiscard;
  io: DiskIo;
  readonly: boolean;
  shareable: boolean;
}

export const defaultOptions: DiskOptions = { cache: 'default', discard: 'default', io: 'default', readonly: false, shareable: false };

const MODES = [
  { key: 'cache', label: 'Cache', choices: CACHES },
  { key: 'discard', label: 'Discard', choices: DISCARDS },
  { key: 'io', label: 'IO mode', choices: IOS },
] as const;

const FLAGS = [
  { key: 'readonly', label: 'Read-only' },
  { key: 'shareable', label: 'Shareable' },
] as const;

export function DiskOptionFields({ value, onChange, field, disabled }: FieldGroupProps<DiskOptions> & { disabled?: boolean }) {
  const set = <K extends keyof DiskOptions>(k: K, v: DiskOptions[K]) => onChange({ ...value, [k]: v });
  return (
    <div className="space-y-2">
      <div className="grid gap-3 sm:grid-cols-3">
        {MODES.map(({ key, label, choices }) => (
          <SelectField
            key={key}
            label={label}
            value={value[key]}
            onChange={(v) => set(key, v as DiskOptions[typeof key])}
            disabled={disabled}
            error={field(key)}
          >
            <Options values={choices} label={(c) => (c === 'default' ? 'Hypervisor default' : c)} />
          </SelectField>
        ))}
      </div>
      <div className="flex flex-wrap gap-4">
        {FLAGS.map(({ key, label }) => (
          <CheckboxField key={key} label={label} checked={value[key]} onChange={(v) => set(key, v)} disabled={disabled} error={field(key)} />
        ))}
      </div>
    </div>
  );
}
