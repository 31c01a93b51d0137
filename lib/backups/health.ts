import { DomainCheckpointDeleteFlags, DomainCheckpointListFlags, DomainCheckpointXMLFlags, type DomainRef, type LibvirtClient } from '@/lib/libvirt';
import { isLibvirtError } from '@/lib/errors';
import { isVireoCheckpoint } from './plan';
import type { ChainHealth } from './types';

// Whether a VM's next backup can be incremental. It can only when the checkpoint made with the last good backup
// still exists in libvirt and its dirty bitmap still exists in every disk: a VM killed or crashed while running
// can lose the bitmap, a redefined VM loses the checkpoint metadata, a replaced or restored disk has neither.
// Every problem is said in plain words; the cure is always the same: the next backup is a full one.

export interface LastPoint {
  checkpoint: string | null;
  targets: string[];
}

const FULL = 'The next backup is a full one, which starts a new chain.';

export async function chainHealth(
  client: LibvirtClient,
  dom: DomainRef,
  running: boolean,
  currentTargets: string[],
  last: LastPoint | null,
): Promise<ChainHealth> {
  if (!last) return { state: 'none', problem: null, base: null };
  if (!last.checkpoint) return { state: 'none', problem: null, base: null };
  const names = (await client.checkpoints.list(dom)).map((c) => c.name);
  if (!names.includes(last.checkpoint)) {
    return {
      state: 'broken',
      problem:
        `The checkpoint "${last.checkpoint}" made with the last backup is gone from libvirt (the VM was redefined, or its checkpoints were ` +
        `removed), so libvirt can no longer tell which blocks changed since then. ${FULL}`,
      base: null,
    };
  }
  const added = currentTargets.filter((t) => !last.targets.includes(t));
  if (added.length) {
    return { state: 'broken', problem: `The VM has disks the last backup did not have (${added.join(', ')}). ${FULL}`, base: null };
  }
  if (running) {
    // Asking for the changed size makes QEMU look the bitmaps up: a missing or damaged one fails here.
    try {
      await client.checkpoints.xml({ name: last.checkpoint, dom }, DomainCheckpointXMLFlags.SIZE);
    } catch (err) {
      if (!isLibvirtError(err)) throw err;
      return {
        state: 'broken',
        problem:
          `The change-tracking bitmap of checkpoint "${last.checkpoint}" is missing or damaged in the VM's disk image (this happens when the VM ` +
          `crashed or was killed, or its disk was replaced or restored). libvirt says: ${err.message}. ${FULL}`,
        base: null,
      };
    }
  }
  return { state: 'ok', problem: null, base: last.checkpoint };
}

/**
 * Before a new chain: removes Vireo's checkpoints of the VM, newest first. A checkpoint whose bitmap is gone cannot
 * be deleted normally; its metadata is removed alone. Returns what could not be removed.
 */
export async function dropVireoCheckpoints(client: LibvirtClient, dom: DomainRef): Promise<string[]> {
  const all = (await client.checkpoints.list(dom, DomainCheckpointListFlags.TOPOLOGICAL)).filter((c) => isVireoCheckpoint(c.name)).reverse();
  const left: string[] = [];
  for (const cp of all) {
    try {
      await client.checkpoints.delete(cp);
    } catch {
      await client.checkpoints.delete(cp, DomainCheckpointDeleteFlags.METADATA_ONLY).catch(() => left.push(cp.name));
    }
  }
  return left;
}
