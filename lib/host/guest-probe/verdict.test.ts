import { describe, expect, it } from 'vitest';
import { DomainEventStoppedDetailType as Stopped, DomainEventType as E, DomainPausedReason } from '@/lib/libvirt';
import { endFromEvent, pausedWhy } from './verdict';

describe('endFromEvent', () => {
  it('counts the guest powering itself off as having run', () => {
    expect(endFromEvent(E.SHUTDOWN, 0)).toEqual({ ok: true });
    expect(endFromEvent(E.STOPPED, Stopped.SHUTDOWN)).toEqual({ ok: true });
  });

  it('counts a pause, a crash and any other stop as failure', () => {
    expect(endFromEvent(E.SUSPENDED, 0)).toMatchObject({ ok: false, paused: true });
    expect(endFromEvent(E.CRASHED, 0)).toMatchObject({ ok: false, why: 'the test guest crashed' });
    expect(endFromEvent(E.STOPPED, Stopped.FAILED)).toMatchObject({ ok: false, why: expect.stringMatching(/QEMU stopped/) });
    expect(endFromEvent(E.STOPPED, Stopped.DESTROYED)).toMatchObject({ ok: false, why: expect.stringMatching(/destroyed by something else/) });
  });

  it('waits on events that say nothing yet', () => {
    for (const e of [E.DEFINED, E.STARTED, E.RESUMED]) expect(endFromEvent(e, 0)).toBeNull();
  });
});

describe('pausedWhy', () => {
  it("names KVM's internal error for the unknown reason QEMU gives it", () => {
    expect(pausedWhy(DomainPausedReason.UNKNOWN)).toMatch(/KVM could not run its boot-loader code/);
    expect(pausedWhy(DomainPausedReason.IOERROR)).toMatch(/I\/O error/);
    expect(pausedWhy(99)).toMatch(/paused reason 99/);
  });
});
