import { testSystemUri } from '@/test/support/test-libvirtd';
import { connect } from '@/lib/libvirt';
import { ensureFixtures, tcgGuestXml } from '@/test/support/fixtures';

// A small TCG fixture guest, running for the length of a spec: something with a serial console for a user to lose.

export interface RunningGuest {
  name: string;
  /** Forces it off and undefines it; safe to call when it is already gone. */
  remove: () => Promise<void>;
}

export async function startRunningGuest(name: string, memoryMiB = 96): Promise<RunningGuest> {
  await ensureFixtures();
  const client = await connect(testSystemUri);
  const dom = await client.domains.defineXml(tcgGuestXml({ name, memoryMiB }));
  await client.domains.create(dom);
  return {
    name,
    async remove() {
      await client.domains.destroy(dom).catch(() => undefined);
      await client.domains.undefine(dom).catch(() => undefined);
      await client.close();
    },
  };
}
