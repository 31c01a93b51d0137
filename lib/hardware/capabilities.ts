import type { LibvirtClient } from '@/lib/libvirt';
import { parseDomainCaps, type DomainCaps } from '@/lib/domain-xml/capabilities';

// The hypervisor's domain capabilities for a VM's emulator/arch/machine/virt type, asked once per combination
// and kept for a while (lib/domain-xml/capabilities.ts reads them).

export type { DomainCaps };

export interface CapsQuery {
  emulator: string | null;
  arch: string | null;
  machine: string | null;
  virtType: string | null;
}

const TTL_MS = 5 * 60_000;
const cache = new Map<string, { at: number; caps: Promise<DomainCaps> }>();

export function domainCaps(client: LibvirtClient, q: CapsQuery): Promise<DomainCaps> {
  const key = JSON.stringify(q);
  const hit = cache.get(key);
  if (hit && Date.now() - hit.at < TTL_MS) return hit.caps;
  const caps = client.host
    .domainCapabilities({ emulatorbin: q.emulator ?? undefined, arch: q.arch ?? undefined, machine: q.machine ?? undefined, virttype: q.virtType ?? undefined })
    .then(parseDomainCaps);
  caps.catch(() => cache.delete(key));
  cache.set(key, { at: Date.now(), caps });
  return caps;
}
