import { watchSession } from '@/lib/auth/session-watch';
import { defineRoute } from '@/lib/http/route';
import { vmEventStream } from '@/lib/vms/live-feed';

export const dynamic = 'force-dynamic';

export const GET = defineRoute({
  summary: 'Live virtual machine list: server-sent events status, snapshot and change',
  access: 'vm.read',
  responseType: 'text/event-stream',
  run: ({ host, actor, signal }) => {
    // The stream ends with the session (sign-out, expiry, a role change); the page then finds out why and reacts.
    const ended = new AbortController();
    const unwatch = watchSession(actor.sessionId, () => ended.abort());
    const stream = vmEventStream(host, AbortSignal.any([signal, ended.signal]), unwatch);
    return new Response(stream, {
      headers: { 'content-type': 'text/event-stream; charset=utf-8', 'cache-control': 'no-store, no-transform', 'x-accel-buffering': 'no' },
    });
  },
});
