import { defineRoute } from '@/lib/http/route';
import { vmEventStream } from '@/lib/vms/live-feed';

export const dynamic = 'force-dynamic';

export const GET = defineRoute({
  method: 'GET',
  path: '/api/vms/events',
  summary: 'Live virtual machine list: server-sent events status, snapshot and change',
  tags: ['vms'],
  access: 'vm.read',
  responseType: 'text/event-stream',
  run: async ({ host, signal }) =>
    new Response(vmEventStream(host, signal), {
      headers: { 'content-type': 'text/event-stream; charset=utf-8', 'cache-control': 'no-store, no-transform', 'x-accel-buffering': 'no' },
    }),
});
