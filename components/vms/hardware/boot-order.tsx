'use client';

import type { HardwareView } from '@/lib/hardware/types';
import { Button } from '@/components/ui/button';

export interface BootItem {
  kind: 'disk' | 'nic';
  id: string;
  label: string;
  enabled: boolean;
}

/** Devices in boot order: those with an order first (as libvirt lists them), then the others, switched off. */
export function bootItems(hw: HardwareView): BootItem[] {
  const items: BootItem[] = [];
  const seen = new Set<string>();
  const label = (kind: 'disk' | 'nic', id: string): string => {
    if (kind === 'nic') {
      const n = hw.nics.find((x) => x.mac === id);
      return `Network ${n?.source ?? ''} (${id})`;
    }
    const d = hw.disks.find((x) => x.target === id);
    return `${d?.device === 'cdrom' ? 'CD-ROM' : 'Disk'} ${id}${d?.source ? ` — ${d.source}` : ''}`;
  };
  for (const e of hw.boot.order) {
    const kind = e.kind === 'nic' ? 'nic' : e.kind === 'disk' || e.kind === 'cdrom' ? 'disk' : null;
    if (!kind || seen.has(`${kind}:${e.id}`)) continue;
    seen.add(`${kind}:${e.id}`);
    items.push({ kind, id: e.id, label: label(kind, e.id), enabled: true });
  }
  for (const d of hw.disks) if (!seen.has(`disk:${d.target}`)) items.push({ kind: 'disk', id: d.target, label: label('disk', d.target), enabled: false });
  for (const n of hw.nics) if (!seen.has(`nic:${n.mac}`)) items.push({ kind: 'nic', id: n.mac, label: label('nic', n.mac), enabled: false });
  return items;
}

export function BootOrderList({ items, onChange, disabled }: { items: BootItem[]; onChange: (items: BootItem[]) => void; disabled?: boolean }) {
  const move = (i: number, by: -1 | 1) => {
    const next = [...items];
    const [it] = next.splice(i, 1);
    next.splice(i + by, 0, it!);
    onChange(next);
  };
  return (
    <ol className="space-y-1" aria-label="Boot order" data-testid="boot-order">
      {items.map((it, i) => (
        <li key={`${it.kind}:${it.id}`} className="flex items-center gap-2 rounded border border-slate-200 px-2 py-1" data-testid={`boot-item-${it.id}`}>
          <label className="flex flex-1 items-center gap-2">
            <input
              type="checkbox"
              checked={it.enabled}
              disabled={disabled}
              aria-label={`Boot from ${it.id}`}
              onChange={(e) => onChange(items.map((x, j) => (j === i ? { ...x, enabled: e.target.checked } : x)))}
            />
            <span className={it.enabled ? '' : 'text-slate-400'}>{it.label}</span>
          </label>
          <Button className="px-1.5 py-0 text-xs" aria-label={`Move ${it.id} up`} disabled={disabled || i === 0} onClick={() => move(i, -1)}>
            ↑
          </Button>
          <Button className="px-1.5 py-0 text-xs" aria-label={`Move ${it.id} down`} disabled={disabled || i === items.length - 1} onClick={() => move(i, 1)}>
            ↓
          </Button>
        </li>
      ))}
      {items.length === 0 ? <li className="text-slate-500">No bootable devices.</li> : null}
    </ol>
  );
}
