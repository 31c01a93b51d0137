import { libvirtStatus, onLibvirtStatus, type LibvirtStatus } from '@/lib/connection/libvirt';
import { inventory, type InventoryChange } from '@/lib/vms/inventory';
import { authorize } from '@/lib/http/guard';

export const dynamic = 'force-dynamic';

// Server-sent events for the VM pages: `status` (libvirt connection), `snapshot` (all rows), `change` (one
// delta from libvirt's event stream). One shared libvirt subscription feeds every open page.
export async function GET(req: Request) {
  const actor = await authorize(req, 'vm.read');
  if (actor instanceof Response) return actor;

  const encoder = new TextEncoder();
  const cleanups: Array<() => void> = [];
  const stream = new ReadableStream<Uint8Array>({
    start(controller) {
      let closed = false;
      const send = (event: string, data: unknown) => {
        if (closed) return;
        try {
          controller.enqueue(encoder.encode(`event: ${event}\ndata: ${JSON.stringify(data)}\n\n`));
        } catch {
          close();
        }
      };
      const close = () => {
        if (closed) return;
        closed = true;
        cleanups.forEach((c) => c());
        try {
          controller.close();
        } catch {
          // already closed by the client going away
        }
      };
      const snapshot = () =>
        inventory()
          .list()
          .then((rows) => send('snapshot', rows))
          .catch(() => send('status', libvirtStatus()));

      const onChange = (c: InventoryChange) => send('change', c);
      inventory().on('change', onChange);
      cleanups.push(() => inventory().off('change', onChange));
      cleanups.push(
        onLibvirtStatus((s: LibvirtStatus) => {
          send('status', s);
          if (s.state === 'open') void snapshot();
        }),
      );
      const ping = setInterval(() => {
        if (!closed) controller.enqueue(encoder.encode(': ping\n\n'));
      }, 15_000);
      cleanups.push(() => clearInterval(ping));
      req.signal.addEventListener('abort', close, { once: true });

      send('status', libvirtStatus());
      void snapshot();
    },
    cancel() {
      cleanups.forEach((c) => c());
    },
  });
  return new Response(stream, {
    headers: { 'content-type': 'text/event-stream; charset=utf-8', 'cache-control': 'no-store, no-transform', 'x-accel-buffering': 'no' },
  });
}
