import type { Column } from '@/components/ui/data-table';

// Whether a device is in the running guest's definition, the saved one, or both.

export function Presence({ inLive, inPersistent, running }: { inLive: boolean; inPersistent: boolean; running: boolean }) {
  const text = inLive && inPersistent ? 'live + next boot' : inLive ? 'live only' : inPersistent ? (running ? 'next boot only' : 'saved') : 'unknown';
  // Only a difference between the running guest and the next boot deserves attention; a shut-off VM has no live side.
  const tone = (inLive && inPersistent) || (!running && inPersistent) ? 'bg-slate-100 text-slate-700' : 'bg-amber-100 text-amber-900';
  return (
    <span
      data-testid="presence"
      data-live={inLive}
      data-persistent={inPersistent}
      title={
        inLive && !inPersistent
          ? 'Only in the running guest: gone after the next shutdown.'
          : !inLive && inPersistent && running
            ? 'Saved for next boot; not in the running guest.'
            : undefined
      }
      className={`inline-block whitespace-nowrap rounded px-1.5 py-0.5 text-xs ${tone}`}
    >
      {text}
    </span>
  );
}

/** What will change at next boot for a device present in both definitions. */
export function NextBoot({ diff }: { diff?: Record<string, string> }) {
  if (!diff) return null;
  return (
    <span
      data-testid="next-boot"
      className="ml-1 inline-block whitespace-nowrap rounded bg-amber-100 px-1.5 py-0.5 text-xs text-amber-900"
      title="Saved for next boot; the running guest still uses its current setting."
    >
      next boot:{' '}
      {Object.entries(diff)
        .map(([k, v]) => `${k} ${v}`)
        .join(', ')}
    </span>
  );
}

/** A device the running guest was asked to release (hot-unplug) and still holds. */
export function RemovalRequested({ requested }: { requested?: boolean }) {
  if (!requested) return null;
  return (
    <span
      data-testid="removal-requested"
      className="ml-1 inline-block whitespace-nowrap rounded bg-amber-100 px-1.5 py-0.5 text-xs text-amber-900"
      title="The running guest was asked to release it and has not done so yet; a guest without hotplug support never will (shut it down to remove it)."
    >
      removal requested, the guest has not released it
    </span>
  );
}

/** What the device tables know of a device's two halves. */
export interface Halves {
  inLive: boolean;
  inPersistent: boolean;
  nextBoot?: Record<string, string>;
  removalRequested?: boolean;
}

/** The "In" column of a device table: which halves hold the device, what changes at next boot, a pending removal. */
export function presenceColumn<T extends Halves>(running: boolean): Column<T> {
  return {
    id: 'in',
    header: 'In',
    cell: (d) => (
      <>
        <Presence inLive={d.inLive} inPersistent={d.inPersistent} running={running} />
        <NextBoot diff={d.nextBoot} />
        <RemovalRequested requested={d.removalRequested} />
      </>
    ),
  };
}
