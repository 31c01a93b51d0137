import 'server-only';
import type { HostContext } from '@/lib/hosts';
import { hostMetrics } from './collector';
import { renderMetrics, type HostScrape } from './prometheus';

/**
 * Every host's active domains and pools in the Prometheus text format: each host's collector's current round, or a
 * fresh sample where it has none (hosts side by side: a slow host delays the answer by its own time only);
 * libvirt_up 0 for a host whose libvirtd cannot be reached.
 */
export async function scrapeMetrics(hosts: readonly HostContext[]): Promise<Exposition> {
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
  if (last && sameRounds(last.scrapes, scrapes)) return last.out;
  const out = await renderMetrics(scrapes);
  last = { scrapes, out };
  return out;
}

type Exposition = Awaited<ReturnType<typeof renderMetrics>>;

/**
 * The last answer and what it was made of. Between two collector rounds every scrape is handed the same sample
 * objects, which render to the same text: it is kept rather than made again. A host without a sample (down) or a
 * fresh sample (a new object each time) renders anew.
 */
let last: { scrapes: HostScrape[]; out: Exposition } | null = null;

function sameRounds(a: readonly HostScrape[], b: readonly HostScrape[]): boolean {
  return a.length === b.length && a.every((s, i) => s.sample !== null && s.sample === b[i]!.sample && s.hostId === b[i]!.hostId);
}
