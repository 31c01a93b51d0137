import type { HostContext, HostStatus } from '@/lib/hosts';
import { inventory, type InventoryChange } from './inventory';

// The VM pages' server-sent events: `status` (the host's libvirt connection), `snapshot` (all rows), `change`
// (one delta from libvirt's event stream). One shared libvirt subscription per host feeds every open page.

const PING_MS = 15_000;

/** `onClose` runs once the stream is over, whoever ended it. */
export function vmEventStream(host: HostContext, signal: AbortSignal, onClose: () => void = () => undefined): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  const cleanups: Array<() => void> = [onClose];
  return new ReadableStream<Uint8Array>({
    start(controller) {
      let closed = false;
      const close = () => {
        if (closed) return;
        closed = true;
        for (const c of cleanups) c();
        try {
          controller.close();
        } catch {
          // already closed by the client going away
        }
      };
      const write = (text: string) => {
        if (closed) return;
        try {
          controller.enqueue(encoder.encode(text));
        } catch {
          close();
        }
      };
      const send = (event: string, data: unknown) => write(`event: ${event}\ndata: ${JSON.stringify(data)}\n\n`);
      const live = inventory(host);
      const snapshot = () =>
        live
          .list()
          .then((rows) => send('snapshot', rows))
          .catch(() => send('status', host.status()));

      const onChange = (c: InventoryChange) => send('change', c);
      live.on('change', onChange);
      cleanups.push(() => live.off('change', onChange));
      cleanups.push(
        host.onStatus((s: HostStatus) => {
          send('status', s);
          if (s.state === 'open') void snapshot();
        }),
      );
      const ping = setInterval(() => write(': ping\n\n'), PING_MS);
      cleanups.push(() => clearInterval(ping));
      signal.addEventListener('abort', close, { once: true });

      send('status', host.status());
      void snapshot();
    },
    cancel() {
      for (const c of cleanups) c();
    },
  });
}
