import { DomainEventStoppedDetailType, DomainEventType, DomainPausedReason } from '@/lib/libvirt';

// What a lifecycle event of the running probe guest says about it (pure, so the reading is tested without a
// hypervisor): powered off by itself = its code ran through; paused, crashed or stopped = the hypervisor could
// not run it. Other events (started, resumed) say nothing yet.

export type ProbeEnd = { ok: true; paused?: undefined } | { ok: false; why: string; paused?: boolean };

export function endFromEvent(event: number, detail: number): ProbeEnd | null {
  switch (event) {
    case DomainEventType.SHUTDOWN:
      return { ok: true };
    case DomainEventType.STOPPED:
      if (detail === DomainEventStoppedDetailType.SHUTDOWN) return { ok: true };
      if (detail === DomainEventStoppedDetailType.DESTROYED) return { ok: false, why: 'the test guest was destroyed by something else while it ran' };
      return { ok: false, why: 'QEMU stopped while the test guest ran (it crashed or failed)' };
    case DomainEventType.CRASHED:
      return { ok: false, why: 'the test guest crashed' };
    case DomainEventType.SUSPENDED:
      return { ok: false, why: 'the hypervisor paused the test guest', paused: true };
    default:
      return null;
  }
}

/** Why a paused probe guest was paused, in words (libvirt's paused reason). */
export function pausedWhy(reason: number): string {
  switch (reason) {
    case DomainPausedReason.UNKNOWN:
      return (
        'QEMU paused the test guest when KVM could not run its boot-loader code (a KVM internal error, typical of nested ' +
        'virtualization without "unrestricted guest" support)'
      );
    case DomainPausedReason.IOERROR:
      return 'QEMU paused the test guest on a disk I/O error';
    case DomainPausedReason.CRASHED:
      return 'the test guest panicked';
    default:
      return `the hypervisor paused the test guest (libvirt's paused reason ${reason})`;
  }
}
