import 'server-only';
import type { HostContext } from '@/lib/hosts';
import { hostMetrics } from './collector';
import { renderMetrics } from './prometheus';
import type { HostSample } from './sample';

/** A fresh sample of the host in the Prometheus text format; libvirt_up 0 when libvirtd cannot be reached. */
export async function scrapeMetrics(host: HostContext): Promise<{ body: string; contentType: string }> {
  let sample: HostSample | null;
  try {
    sample = await hostMetrics(host).sample();
  } catch {
    sample = null;
  }
  return renderMetrics(host.id, sample);
}
