import 'server-only';
import type { HostContext } from '@/lib/hosts';
import { hostMetrics } from './collector';
import { renderMetrics } from './prometheus';
import type { ActiveSample } from './sample';

/**
 * A fresh sample of the host's active domains and pools in the Prometheus text format; libvirt_up 0 when libvirtd
 * cannot be reached. Not the collector's sample: that one reads every defined domain.
 */
export async function scrapeMetrics(host: HostContext): Promise<{ body: string; contentType: string }> {
  let sample: ActiveSample | null;
  try {
    sample = await hostMetrics(host).activeSample();
  } catch {
    sample = null;
  }
  return renderMetrics(host.id, sample);
}
