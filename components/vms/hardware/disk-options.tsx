import { DISK_CACHES as CACHES, DISK_DISCARDS as DISCARDS, DISK_IOS as IOS, type DiskCache, type DiskDiscard, type DiskIo } from '@/lib/domain-xml/constants';
import type { Refusal } from './change';
import { fieldError } from './change';
import { Check, Choice } from './inputs';

// Cache / discard / IO mode and the read-only / shareable flags, shared by "add disk" and "edit disk".

export interface DiskOptions { cache: DiskCache; discard: DiskDiscard; io: DiskIo; readonly: boolean; shareable: boolean }

export const defaultOptions: DiskOptions = { cache: 'default', discard: 'default', io: 'default', readonly: false, shareable: false };

export function DiskOptionFields({ value, onChange, refusal, disabled }: { value: DiskOptions; onChange: (v: DiskOptions) => void; refusal: Refusal | null; disabled?: boolean }) {
  const set = <K extends keyof DiskOptions>(k: K, v: DiskOptions[K]) => onChange({ ...value, [k]: v });
  return (
    <div className="space-y-2">
      <div className="grid gap-3 sm:grid-cols-3">
        <Choice label="Cache" value={value.cache} onChange={(v) => set('cache', v as DiskCache)} disabled={disabled} error={fieldError(refusal, 'cache')}>
          {CACHES.map((c) => <option key={c} value={c}>{c === 'default' ? 'Hypervisor default' : c}</option>)}
        </Choice>
        <Choice label="Discard" value={value.discard} onChange={(v) => set('discard', v as DiskDiscard)} disabled={disabled} error={fieldError(refusal, 'discard')}>
          {DISCARDS.map((c) => <option key={c} value={c}>{c === 'default' ? 'Hypervisor default' : c}</option>)}
        </Choice>
        <Choice label="IO mode" value={value.io} onChange={(v) => set('io', v as DiskIo)} disabled={disabled} error={fieldError(refusal, 'io')}>
          {IOS.map((c) => <option key={c} value={c}>{c === 'default' ? 'Hypervisor default' : c}</option>)}
        </Choice>
      </div>
      <div className="flex flex-wrap gap-4">
        <Check label="Read-only" checked={value.readonly} onChange={(v) => set('readonly', v)} disabled={disabled} error={fieldError(refusal, 'readonly')} />
        <Check label="Shareable" checked={value.shareable} onChange={(v) => set('shareable', v)} disabled={disabled} error={fieldError(refusal, 'shareable')} />
      </div>
    </div>
  );
}
