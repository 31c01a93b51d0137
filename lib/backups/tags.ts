import 'server-only';
import type { HostContext } from '@/lib/hosts';
import { processSingleton } from '@/lib/process/singleton';

// Schedules may name a tag instead of a VM: when the schedule fires, every VM carrying the tag then is backed up.
// VM tags arrive with issue #15; until then no VM carries any tag and a tag schedule backs up nothing. #15 plugs
// its lookup in here with `setTagResolver` (one call at start), and nothing else in backups changes.

export type TagResolver = (host: HostContext, tag: string) => Promise<string[]>;

const none: TagResolver = () => Promise.resolve([]);
const resolver = processSingleton('backups.tag-resolver', () => ({ current: none }));

export function setTagResolver(fn: TagResolver): void {
  resolver.current = fn;
}

/** Names of the VMs carrying `tag` on the host, now. */
export function vmsWithTag(host: HostContext, tag: string): Promise<string[]> {
  return resolver.current(host, tag);
}
