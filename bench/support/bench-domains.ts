import { XMLBuilder } from 'fast-xml-parser';
import type { DomainRef, LibvirtClient } from '../../lib/libvirt/index';

/** Names every bench domain starts with, so setup can find leftovers of a crashed run and teardown spares others. */
export const BENCH_PREFIX = 'vireo-bench-';

const builder = new XMLBuilder({ ignoreAttributes: false, attributeNamePrefix: '@_' });

/** The smallest domain libvirt's qemu driver accepts: TCG, 64 MiB, no disks. It is only defined, never started. */
export function benchDomainXml(name: string): string {
  return builder.build({
    domain: {
      '@_type': 'qemu',
      name,
      memory: { '@_unit': 'MiB', '#text': 64 },
      vcpu: 1,
      os: { type: { '@_arch': 'x86_64', '#text': 'hvm' } },
    },
  });
}

/** Runs `fn` over `items` with at most `width` calls in flight, so the daemon's request queue is not flooded. */
async function inBatches<T>(items: T[], width: number, fn: (item: T) => Promise<unknown>): Promise<void> {
  for (let i = 0; i < items.length; i += width) await Promise.all(items.slice(i, i + width).map(fn));
}

/** Makes sure `count` bench domains are defined (reusing any left over) and returns them, sorted by name. */
export async function defineBenchDomains(client: LibvirtClient, count: number): Promise<DomainRef[]> {
  const existing = new Set((await client.domains.listAll()).map((d) => d.name).filter((n) => n.startsWith(BENCH_PREFIX)));
  const wanted = Array.from({ length: count }, (_, i) => `${BENCH_PREFIX}${String(i).padStart(3, '0')}`);
  await inBatches(
    wanted.filter((n) => !existing.has(n)),
    50,
    (n) => client.domains.defineXml(benchDomainXml(n)),
  );
  return listBenchDomains(client);
}

export async function listBenchDomains(client: LibvirtClient): Promise<DomainRef[]> {
  const all = await client.domains.listAll();
  return all.filter((d) => d.name.startsWith(BENCH_PREFIX)).sort((a, b) => a.name.localeCompare(b.name));
}

/** Undefines every bench domain, including leftovers beyond `count` from other runs. */
export async function undefineBenchDomains(client: LibvirtClient): Promise<void> {
  await inBatches(await listBenchDomains(client), 50, (d) => client.domains.undefine(d));
}
