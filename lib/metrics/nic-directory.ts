import { Domain } from '@/lib/domain-xml/domain';
import type { LibvirtClient } from '@/lib/libvirt';
import { isActive, type DomainSnapshot } from './domain-stats';

// getAllDomainStats names a NIC by its tap device ("vnet7"), which changes at every start. Graphs name it by its
// MAC and Prometheus labels it with its bridge, both only in the domain's XML. The XML of a running domain is read
// once per run (domain id) and again only when a tap appears that it did not list (hotplug), not on every sample.

interface Entry {
  id: number;
  nics: Map<string, { mac: string | null; bridge: string | null }>;
}

const CONCURRENCY = 8;

export class NicDirectory {
  private readonly byUuid = new Map<string, Entry>();

  /** Fills `mac` and `bridge` of every active domain's NICs, reading XML only where something new appeared. */
  async annotate(client: LibvirtClient, domains: readonly DomainSnapshot[], timeoutMs: number): Promise<void> {
    const active = domains.filter((d) => isActive(d) && d.nics.length > 0);
    const stale = active.filter((d) => {
      const e = this.byUuid.get(d.uuid);
      return !e || e.id !== d.id || d.nics.some((n) => !e.nics.has(n.name));
    });
    await eachLimited(stale, CONCURRENCY, async (d) => {
      try {
        const xml = await client.domains.xml({ name: d.name, uuid: d.uuid, id: d.id }, 0, { timeoutMs });
        this.byUuid.set(d.uuid, { id: d.id, nics: nicsOf(xml) });
      } catch {
        // The domain stopped or vanished meanwhile: its NICs keep their tap names this once.
      }
    });
    const live = new Set(domains.filter(isActive).map((d) => d.uuid));
    for (const uuid of this.byUuid.keys()) if (!live.has(uuid)) this.byUuid.delete(uuid);
    for (const d of active) {
      const e = this.byUuid.get(d.uuid);
      if (!e || e.id !== d.id) continue;
      for (const n of d.nics) {
        const known = e.nics.get(n.name);
        n.mac = known?.mac ?? null;
        n.bridge = known?.bridge ?? null;
      }
    }
  }
}

function nicsOf(xml: string): Entry['nics'] {
  const out: Entry['nics'] = new Map();
  for (const nic of Domain.parse(xml).interfaces) {
    if (nic.targetDev) out.set(nic.targetDev, { mac: nic.mac?.toLowerCase() ?? null, bridge: nic.bridge ?? null });
  }
  return out;
}

async function eachLimited<T>(items: readonly T[], limit: number, fn: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(limit, items.length) }, async () => {
      while (next < items.length) await fn(items[next++]!);
    }),
  );
}
