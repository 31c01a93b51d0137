import { describe, expect, it, vi } from 'vitest';
import { dialAttempt } from './dial-attempt';

const opts = (over = {}) => ({ timeoutMs: 1000, timeoutMessage: 'too slow', cleanup: vi.fn(), ...over });

describe('dialAttempt', () => {
  it('settles once: a success after a failure is refused, so the caller can drop what it made', async () => {
    const o = opts();
    let late = true;
    const p = dialAttempt<string>('x', o, (steps) => {
      steps.fail(new Error('first'));
      late = steps.succeed('stream');
      steps.fail(new Error('second'));
    });
    await expect(p).rejects.toThrow('first');
    expect(late).toBe(false);
    expect(o.cleanup).toHaveBeenCalledTimes(1);
  });

  it('succeeds without cleaning up', async () => {
    const o = opts();
    await expect(dialAttempt<string>('x', o, (steps) => void setTimeout(() => steps.succeed('ok'), 5))).resolves.toBe('ok');
    expect(o.cleanup).not.toHaveBeenCalled();
  });

  it('gives up at the deadline and cleans up', async () => {
    const o = opts({ timeoutMs: 20 });
    await expect(dialAttempt('x', o, () => undefined)).rejects.toMatchObject({ name: 'ConnectionError', reason: 'dial-failed', message: 'too slow' });
    expect(o.cleanup).toHaveBeenCalledTimes(1);
  });

  it('an abort, before or during, fails it', async () => {
    await expect(dialAttempt('tls h:1', opts({ signal: AbortSignal.abort() }), () => undefined)).rejects.toThrow('connecting to tls h:1 was aborted');
    const ac = new AbortController();
    const p = dialAttempt('tls h:1', opts({ signal: ac.signal }), () => undefined);
    ac.abort();
    await expect(p).rejects.toMatchObject({ reason: 'dial-failed' });
  });

  it('a step that throws is a dial failure', async () => {
    await expect(
      dialAttempt('ssh h:22', opts(), () => {
        throw new Error('bad config');
      }),
    ).rejects.toMatchObject({ reason: 'dial-failed', message: 'cannot connect to ssh h:22: bad config' });
  });
});
