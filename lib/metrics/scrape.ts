import 'server-only';
import type { HostContext } from '@/lib/hosts';
import { hostMetrics } from './collector';
import { renderMetrics, type HostScrape } from './prometheus';

/**
 * Every host's active domains and pools in the Prometheus text format: each host's collector's current round, or a
 * fresh sample where it has none (hosts side by side: a slow host delays the answer by its own time only);
 * libvirt_up 0 for a host whose libvirtd cannot be reached.
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
