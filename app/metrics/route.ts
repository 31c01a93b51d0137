import { allHosts } from '@/lib/hosts';
import { defineRoute } from '@/lib/http/route';
import { scrapeMetrics } from '@/lib/metrics/scrape';

export const dynamic = 'force-dynamic';

// Prometheus scrapes this with an API token (Authorization: Bearer vireo_...); a signed-in browser may read it too.
// The custom server answers GET with this very handler before Next sees the request (server/fast-routes.ts).
export const GET = defineRoute({
  summary: 'Prometheus metrics of every host and its domains (label host), named as the libvirt exporters name them',
  access: 'host.read',
  responseType: 'text/plain; version=0.0.4',
  subject: () => 'the metrics',
  run: async () => {
    const { body, contentType } = await scrapeMetrics(await allHosts());
    return new Response(body, { headers: { 'content-type': contentType, 'cache-control': 'no-store' } });
  },
});
