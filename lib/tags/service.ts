import 'server-only';
import type { Scope } from '@/lib/libvirt';
import { InputError } from '@/lib/errors';
import { refuseAntiAffineTags } from '@/lib/placement/service';
import type { HostContext } from '@/lib/hosts';
import { inventory } from '@/lib/vms/inventory';
import { findVm } from '@/lib/vms/lifecycle';
import { readTags, writeTags } from './metadata';
import { checkTags, normalizeTag } from './rules';

// VM tags, kept in each domain's libvirt metadata (so they move with the VM and work on any host). One VM's tags
// are read from libvirt; "which VMs carry a tag" is answered from the host's live inventory, which reads every VM's
// tags once and again on libvirt's metadata-change and define events, so asking costs no call per VM.

export interface VmTagsView {
  name: string;
  tags: string[];
  /** Where a change is written: the running guest's definition, the persistent one, or both. */
  writes: 'live' | 'persistent' | 'both';
}

const scopeWords = { live: 'live', config: 'persistent', both: 'both' } as const;

async function target(host: HostContext, name: string) {
  const client = await host.libvirt();
  const dom = await findVm(client, name);
  // A running VM has a live definition; a transient one has nothing else; a stopped one only the persistent.
  const scope: Exclude<Scope, 'current'> = dom.id > 0 ? ((await client.domains.isPersistent(dom)) ? 'both' : 'live') : 'config';
  return { client, dom, scope };
}

/** The VM's tags as libvirt has them now (the running guest's when it runs). */
export async function vmTags(host: HostContext, name: string): Promise<VmTagsView> {
  const { client, dom, scope } = await target(host, name);
  return { name: dom.name, tags: await readTags(client, dom), writes: scopeWords[scope] };
}

/**
 * Replaces the VM's tags (trimmed, lowercased, repeats dropped) in every definition it has. A bad tag or too many
 * is refused with a message per entry before libvirt is asked anything; a new anti-affine tag another VM of the
 * host carries, with the placement rule's reason.
 */
export async function setVmTags(host: HostContext, name: string, input: readonly unknown[]): Promise<VmTagsView> {
  const checked = checkTags(input);
  if (!checked.ok) throw InputError.of(checked.fields);
  const { client, dom, scope } = await target(host, name);
  await refuseAntiAffineTags(host, checked.tags, `"${dom.name}"`, dom.uuid);
  await writeTags(client, dom, checked.tags, scope);
  // The list shows it at once; the metadata-change event refreshes the row again for every other reader.
  await inventory(host).refresh(dom);
  return { name: dom.name, tags: await readTags(client, dom), writes: scopeWords[scope] };
}

/** Names of the VMs of the host carrying `tag` now (the tag as typed: trimmed and lowercased first). */
export async function vmNamesWithTag(host: HostContext, tag: string): Promise<string[]> {
  const t = normalizeTag(tag);
  const rows = await inventory(host).list();
  return rows
    .filter((r) => r.tags?.includes(t))
    .map((r) => r.name)
    .sort((a, b) => a.localeCompare(b));
}

/** Every VM's tags by UUID, as the inventory knows them now: for judging many VMs at once (alert rules). */
export async function tagsByUuid(host: HostContext): Promise<(uuid: string) => readonly string[]> {
  const byUuid = new Map((await inventory(host).list()).map((r) => [r.uuid, r.tags ?? []]));
  return (uuid) => byUuid.get(uuid) ?? [];
}
