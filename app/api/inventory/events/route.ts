import { watchSession } from '@/lib/auth/session-watch';
import { allHosts } from '@/lib/hosts';
import { defineRoute } from '@/lib/http/route';
import { fleetEventStream } from '@/lib/vms/live-feed';

export const dynamic = 'force-dynamic';

export const GET = defineRoute({
  summary: "Every host's virtual machines, live: server-sent events status, snapshot and change, each as { host, data }",
  access: 'vm.read',
  responseType: 'text/event-stream',
  run: async ({ actor, signal }) => {
    const ended = new AbortController();
    const unwatch = watchSession(actor.sessionId, () => ended.abort());
    const stream = fleetEventStream(await allHosts(), AbortSignal.any([signal, ended.signal]), unwatch);
    return new Response(stream, {
      headers: { 'content-type': 'text/event-stream; charset=utf-8', 'cache-control': 'no-store, no-transform', 'x-accel-buffering': 'no' },
    });
  },
});
