import 'server-only';
import type { HostContext } from '@/lib/hosts';
import { processSingleton } from '@/lib/process/singleton';

// Schedules may name a tag instead of a VM: when the schedule fires, every VM carrying the tag then is backed up.
// The lookup is lib/tags', plugged in here with `setTagResolver` once at server start (backups does not import
// lib/tags, which reads the VM inventory); until then no VM carries any tag and a tag schedule backs up nothing.

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
