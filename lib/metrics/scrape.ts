import 'server-only';
import type { HostContext } from '@/lib/hosts';
import { hostMetrics } from './collector';
import { renderMetrics, type HostScrape } from './prometheus';

/**
 * A fresh sample of every host's active domains and pools in the Prometheus text format, sampled side by side (a
 * slow host delays the answer by its own time only); libvirt_up 0 for a host whose libvirtd cannot be reached. Not
 * the collector's sample: that one reads every defined domain.
 */
export async function scrapeMetrics(hosts: readonly HostContext[]): Promise<{ body: string; contentType: string }> {
  const scrapes = await Promise.all(
    hosts.map(
      async (host): Promise<HostScrape> => ({
        hostId: host.id,
        sample: await hostMetrics(host)
          .activeSample()
          .catch(() => null),
      }),
    ),
  );
  return renderMetrics(scrapes);
}
