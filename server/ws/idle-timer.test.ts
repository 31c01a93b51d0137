import type { WebSocket } from 'ws';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { CloseCode } from '@/lib/consoles/protocol';
import { idleTimer } from './idle-timer';

function fakeSocket() {
  const close = vi.fn();
  return { ws: { close } as unknown as WebSocket, close };
}

describe('idleTimer', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('closes the socket as idle after idleMs without input', () => {
    const { ws, close } = fakeSocket();
    idleTimer(ws, 1000);
    vi.advanceTimersByTime(999);
    expect(close).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    expect(close).toHaveBeenCalledExactlyOnceWith(CloseCode.IDLE, expect.stringMatching(/without input/));
  });

  it('starts over on every touch', () => {
    const { ws, close } = fakeSocket();
    const idle = idleTimer(ws, 1000);
    for (let i = 0; i < 5; i++) {
      vi.advanceTimersByTime(900);
      idle.touch();
    }
    expect(close).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1000);
    expect(close).toHaveBeenCalledOnce();
  });

  it('never fires once stopped', () => {
    const { ws, close } = fakeSocket();
    idleTimer(ws, 1000).stop();
    vi.advanceTimersByTime(10_000);
    expect(close).not.toHaveBeenCalled();
  });

  it('does not keep the process alive', () => {
    const { ws } = fakeSocket();
    const setTimeoutSpy = vi.spyOn(globalThis, 'setTimeout');
    idleTimer(ws, 1000);
    const timer = setTimeoutSpy.mock.results.at(-1)!.value as NodeJS.Timeout;
    expect(timer.hasRef()).toBe(false);
  });
});
