import type { DiskView, NicView } from './types';
import type { VmContext } from './context';

// Devices a running guest was asked to release (hot-unplug goes through the guest: ACPI for PCI devices) and has
// not released yet. libvirt keeps them in the live definition until the guest lets go, which an OS without
// hotplug support never does; the Hardware tab shows them as "removal requested" rather than as attached as ever.

export type RemovableKind = 'disk' | 'nic';

function pending(ctx: VmContext): Map<string, number> {
  return ctx.host.scoped('hardware.pending-removals', () => new Map<string, number>());
}

const keyOf = (ctx: VmContext, kind: RemovableKind, id: string) => `${ctx.dom.uuid}|${kind}|${id.toLowerCase()}`;

/** The guest was asked to release the device and still has it. */
export function removalRequested(ctx: VmContext, kind: RemovableKind, id: string): void {
  pending(ctx).set(keyOf(ctx, kind, id), Date.now());
}

/** Marks the rows still waiting for the guest; forgets requests the guest has answered (or a stop has ended). */
export function markPendingRemovals(ctx: VmContext, disks: DiskView[], nics: NicView[]): void {
  const map = pending(ctx);
  const mine = [...map.keys()].filter((k) => k.startsWith(`${ctx.dom.uuid}|`));
  if (!mine.length) return;
  const live = new Set([
    ...disks.filter((d) => d.inLive).map((d) => keyOf(ctx, 'disk', d.target)),
    ...nics.filter((n) => n.inLive).map((n) => keyOf(ctx, 'nic', n.mac)),
  ]);
  for (const k of mine) if (!ctx.running || !live.has(k)) map.delete(k);
  for (const d of disks) if (map.has(keyOf(ctx, 'disk', d.target))) d.removalRequested = true;
  for (const n of nics) if (map.has(keyOf(ctx, 'nic', n.mac))) n.removalRequested = true;
}
