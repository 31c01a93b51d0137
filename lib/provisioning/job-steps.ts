import { DomainDefineFlags, type DomainRef } from '@/lib/libvirt';
import { uploadSeed } from '@/lib/cloud-init/seed-iso';
import type { SeedFiles } from '@/lib/cloud-init/seed';
import type { HostContext } from '@/lib/hosts';
import type { JobContext } from '@/lib/jobs/runner';
import { writeTags } from '@/lib/tags/metadata';

// The last steps every job that makes a VM shares (create, clone): its cloud-init seed and its definition, each
// recorded before it is made so a failure or a restart removes it again.

export async function seedStep(host: HostContext, ctx: JobContext, seed: { pool: string; name: string; files: SeedFiles } | null): Promise<void> {
  if (!seed) return;
  await ctx.step('seed', async () => {
    await ctx.willCreate({ type: 'volume', pool: seed.pool, name: seed.name });
    await uploadSeed(await host.libvirt(), seed.pool, seed.name, seed.files);
  });
}

/** Defines the VM, with its tags (if any) written into its metadata at once, so it is never seen untagged. */
export function defineStep(host: HostContext, ctx: JobContext, vm: { name: string; uuid: string; xml: string; tags?: readonly string[] }): Promise<DomainRef> {
  return ctx.step('define', async () => {
    await ctx.willCreate({ type: 'domain', name: vm.name, uuid: vm.uuid });
    const client = await host.libvirt();
    const dom = await client.domains.defineXml(vm.xml, DomainDefineFlags.VALIDATE);
    if (vm.tags?.length) await writeTags(client, dom, vm.tags, 'config');
    return dom;
  });
}
