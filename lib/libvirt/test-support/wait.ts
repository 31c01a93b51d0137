import type { Readable } from 'node:stream';
import type { LibvirtClient } from '../client';
import type { LibvirtEventMap, LibvirtEventName } from '../events/types';

/** Resolves with the first event of `name` matching `pred`; rejects after `timeoutMs`. */
export function nextEvent<N extends LibvirtEventName>(
  client: LibvirtClient,
  name: N,
  pred: (e: LibvirtEventMap[N]) => boolean,
  timeoutMs = 30_000,
): Promise<LibvirtEventMap[N]> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      client.events.off(name, listener);
      reject(new Error(`no ${name} event within ${timeoutMs} ms`));
    }, timeoutMs);
    const listener = (e: LibvirtEventMap[N]) => {
      if (!pred(e)) return;
      clearTimeout(timer);
      client.events.off(name, listener);
      resolve(e);
    };
    client.events.on(name, listener);
  });
}

/**
 * Collects text from a console stream until `pattern` appears; rejects after `timeoutMs`. Keeps reading in the
 * background afterwards (a pty nobody reads can stall the guest), so call `stop()` when done.
 */
export class ConsoleReader {
  text = '';
  private waiters: Array<() => void> = [];

  constructor(readonly stream: Readable) {
    stream.setEncoding('utf8');
    stream.on('data', (s: string) => {
      this.text += s;
      for (const w of this.waiters.splice(0)) w();
    });
    stream.on('error', () => undefined);
  }

  async waitFor(pattern: RegExp, timeoutMs = 30_000, from = 0): Promise<RegExpMatchArray> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const m = this.text.slice(from).match(pattern);
      if (m) return m;
      const left = deadline - Date.now();
      if (left <= 0) throw new Error(`console never showed ${pattern}; got:\n${this.text.slice(-2000)}`);
      await new Promise<void>((resolve) => {
        const t = setTimeout(resolve, left);
        this.waiters.push(() => {
          clearTimeout(t);
          resolve();
        });
      });
    }
  }

  stop(): void {
    this.stream.destroy();
  }
}

export async function until(check: () => Promise<boolean> | boolean, timeoutMs = 30_000, stepMs = 100): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`condition not met within ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, stepMs));
  }
}
