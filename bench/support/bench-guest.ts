import { connect, type DomainRef, type LibvirtClient } from '../../lib/libvirt';
import { ensureFixtures } from '../../test/support/fixtures';
import { testSystemUri } from '../../test/support/test-libvirtd';

export const BENCH_URI = process.env.VIREO_BENCH_URI ?? testSystemUri;

export interface BenchGuest {
  client: LibvirtClient;
  dom: DomainRef;
  name: string;
  /** Undone last first when the case ends, before the guest is undefined. */
  cleanup: Array<() => unknown>;
}

/**
 * Runs a case with a guest of its own: defined (not started) from `xml(name)` under a fresh "<prefix>-xxxxx"
 * name; afterwards, whatever happened, its cleanup runs, the guest is undefined and the connection closed.
 */
export async function withBenchGuest<T>(prefix: string, xml: (name: string) => string, body: (g: BenchGuest) => Promise<T>): Promise<T> {
  await ensureFixtures();
  const client = await connect(BENCH_URI);
  const name = `${prefix}-${Math.random().toString(36).slice(2, 7)}`;
  const dom = await client.domains.defineXml(xml(name));
  const cleanup: Array<() => unknown> = [];
  try {
    return await body({ client, dom, name, cleanup });
  } finally {
    for (const c of cleanup.reverse()) await c();
    await client.domains.undefine(dom).catch(() => undefined);
    await client.close();
  }
}
