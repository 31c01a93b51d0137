import { ConnectionError } from '../errors';

/** How the steps of a dial end it. */
export interface DialSteps<T> {
  /** Settles the dial with its stream; false when it had already failed (the caller then drops what it made). */
  succeed(value: T): boolean;
  fail(err: Error): void;
}

export interface DialAttemptOptions {
  signal?: AbortSignal;
  timeoutMs: number;
  /** The error message when the deadline passes. */
  timeoutMessage: string;
  /** Undoes a half-made connection; runs once on any failure (abort, deadline, error). */
  cleanup(): void;
}

/**
 * One dial's bookkeeping, for dialers with several steps (TCP, handshake, authentication, ...): it settles once,
 * gives up on abort or at the deadline, and cleans up whatever way it fails. `start` runs the steps.
 */
export function dialAttempt<T>(what: string, opts: DialAttemptOptions, start: (steps: DialSteps<T>) => void): Promise<T> {
  return new Promise((resolve, reject) => {
    let settled = false;
    const finish = () => {
      settled = true;
      clearTimeout(timer);
      opts.signal?.removeEventListener('abort', onAbort);
    };
    const steps: DialSteps<T> = {
      succeed(value) {
        if (settled) return false;
        finish();
        resolve(value);
        return true;
      },
      fail(err) {
        if (settled) return;
        finish();
        opts.cleanup();
        reject(err);
      },
    };
    const onAbort = () => steps.fail(new ConnectionError('dial-failed', `connecting to ${what} was aborted`));
    const timer = setTimeout(() => steps.fail(new ConnectionError('dial-failed', opts.timeoutMessage)), opts.timeoutMs);
    if (opts.signal?.aborted) return onAbort();
    opts.signal?.addEventListener('abort', onAbort, { once: true });
    try {
      start(steps);
    } catch (err) {
      steps.fail(new ConnectionError('dial-failed', `cannot connect to ${what}: ${(err as Error).message}`, { cause: err }));
    }
  });
}
