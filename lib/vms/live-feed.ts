import type { HostContext, HostStatus } from '@/lib/hosts';
import { inventory, type InventoryChange } from './inventory';

// The VM pages' server-sent events: `status` (a host's libvirt connection), `snapshot` (all its rows), `change`
// (one delta from libvirt's event stream). One shared libvirt subscription per host feeds every open page.
// vmEventStream is one host's feed; fleetEventStream is every host's, each event tagged with its host, so the VM
// list shows all hosts in one table. Hosts feed independently: a down or slow host delays only its own rows.

const PING_MS = 15_000;

type Send = (event: string, data: unknown) => void;

/** Feeds one host's status, snapshots and changes to `send`; returns the unsubscribe. */
function followHost(host: HostContext, send: Send): () => void {
  const live = inventory(host);
  const snapshot = () =>
    live
      .list()
      .then((rows) => send('snapshot', rows))
      .catch(() => send('status', host.status()));
  const onChange = (c: InventoryChange) => send('change', c);
  live.on('change', onChange);
  const offStatus = host.onStatus((s: HostStatus) => {
    send('status', s);
    if (s.state === 'open') void snapshot();
  });
  send('status', host.status());
  void snapshot();
  return () => {
    live.off('change', onChange);
    offStatus();
  };
}

/** An event stream that `start` fills through `send`; `onClose` runs once the stream is over, whoever ended it. */
function eventStream(signal: AbortSignal, onClose: () => void, start: (send: Send) => Array<() => void>): ReadableStream<Uint8Array> {
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
      const send: Send = (event, data) => write(`event: ${event}\ndata: ${JSON.stringify(data)}\n\n`);
      const ping = setInterval(() => write(': ping\n\n'), PING_MS);
      cleanups.push(() => clearInterval(ping));
      signal.addEventListener('abort', close, { once: true });
      cleanups.push(...start(send));
    },
    cancel() {
      for (const c of cleanups) c();
    },
  });
}

export function vmEventStream(host: HostContext, signal: AbortSignal, onClose: () => void = () => undefined): ReadableStream<Uint8Array> {
  return eventStream(signal, onClose, (send) => [followHost(host, send)]);
}

/** Every host's feed in one stream: each event's data is `{ host, data }`. */
export function fleetEventStream(hosts: HostContext[], signal: AbortSignal, onClose: () => void = () => undefined): ReadableStream<Uint8Array> {
  return eventStream(signal, onClose, (send) => hosts.map((h) => followHost(h, (event, data) => send(event, { host: h.id, data }))));
}
