import { DomainUndefineFlagsValues, DomainXMLFlags, parseUuid, type DomainRef, type LibvirtClient, type VolumeRef } from '@/lib/libvirt';
import { ConflictError, InputError } from '@/lib/errors';
import type { HostContext } from '@/lib/hosts';
import { Domain } from '@/lib/domain-xml/domain';
import { diskVolume } from '@/lib/domain-xml/volume';
import { filesGoingWithVm, pathsInUse, removeFile } from '@/lib/snapshots/files';
import { findVm } from './lifecycle';
import { readVireoMeta } from './vireo-meta';

export interface DeletableDisk {
  target: string | null;
  device: string;
  source: string | null;
  /** The storage volume behind the disk, when it lives in a libvirt pool (only those can be removed). */
  volume: VolumeRef | null;
  /** Suggested default: writable disks yes, CD-ROMs and shared read-only images no. */
  suggested: boolean;
}

export interface DeletePlan {
  name: string;
  uuid: string;
  running: boolean;
  disks: DeletableDisk[];
  nvram: string | null;
  snapshots: number;
  /** Files Vireo made for external snapshots (overlays, memory states); removed with the snapshots. */
  snapshotFiles: string[];
}

export interface DeleteChoice {
  /** Volume keys (from the plan) to delete with the VM. */
  volumes: string[];
  nvram: boolean;
  snapshots: boolean;
}

export interface DeleteResult {
  removedVolumes: string[];
  /** Volumes that could not be deleted after the VM was removed, with libvirt's reason. */
  failedVolumes: { key: string; error: string }[];
}

async function snapshotCount(client: LibvirtClient, dom: DomainRef): Promise<number> {
  const { num } = await client.remote.domainSnapshotNum({ dom: { name: dom.name, uuid: parseUuid(dom.uuid), id: dom.id }, flags: 0 });
  return num;
}

export async function deletePlan(host: HostContext, name: string): Promise<DeletePlan> {
  const client = await host.libvirt();
  const dom = await findVm(client, name);
  const def = Domain.parse(await client.domains.xml(dom, DomainXMLFlags.INACTIVE));
  const disks = await Promise.all(
    def.disks.map(async (d) => {
      // Only volumes of libvirt pools can be removed; a disk outside every pool is left alone.
      const volume = await diskVolume(client, d);
      const device = d.device ?? 'disk';
      return { target: d.target, device, source: d.source, volume, suggested: volume !== null && device === 'disk' && !d.readonly };
    }),
  );
  const snapshotFiles = def.vireo.files.flatMap((f) => (f.path ? [f.path] : []));
  return {
    name: dom.name,
    uuid: dom.uuid,
    running: dom.id > 0,
    disks,
    nvram: def.os.nvram || null,
    snapshots: await snapshotCount(client, dom),
    snapshotFiles,
  };
}

/**
 * Deletes a VM. Everything that can be checked is checked before anything changes (the chosen volumes must
 * belong to this VM). Undefine is the first change and the point of no return: if libvirt refuses it, a running VM
 * is still running. A running VM is then forced off (undefined, it was only transient), and volume removal after
 * that is reported volume by volume.
 */
export async function deleteVm(host: HostContext, name: string, choice: DeleteChoice): Promise<DeleteResult> {
  const plan = await deletePlan(host, name);
  const byKey = new Map(plan.disks.filter((d) => d.volume).map((d) => [d.volume!.key, d.volume!]));
  const unknown = choice.volumes.filter((k) => !byKey.has(k));
  if (unknown.length) throw new InputError(`These volumes do not belong to ${plan.name}: ${unknown.join(', ')}. Nothing was deleted.`);
  if (plan.snapshots > 0 && !choice.snapshots) {
    throw new ConflictError(
      `${plan.name} has ${plan.snapshots} snapshot(s). Choose to delete their metadata too, or remove the snapshots first. Nothing was deleted.`,
    );
  }
  const client = await host.libvirt();
  const dom = await findVm(client, name);
  // Vireo's snapshot files are worked out before the definition that records them is gone.
  const recorded = choice.snapshots ? (await readVireoMeta(client, dom)).files : [];
  const diskPaths = choice.snapshots ? await pathsInUse(client, dom) : new Set<string>();
  const chosenPaths = new Set(choice.volumes);
  let flags = DomainUndefineFlagsValues.MANAGED_SAVE | DomainUndefineFlagsValues.CHECKPOINTS_METADATA;
  if (choice.snapshots) flags |= DomainUndefineFlagsValues.SNAPSHOTS_METADATA;
  flags |= choice.nvram ? DomainUndefineFlagsValues.NVRAM : DomainUndefineFlagsValues.KEEP_NVRAM;
  await client.domains.undefine(dom, flags);
  if (dom.id > 0) await client.domains.destroy(dom);

  const result: DeleteResult = { removedVolumes: [], failedVolumes: [] };
  for (const key of choice.volumes) {
    try {
      await client.volumes.delete(byKey.get(key)!);
      result.removedVolumes.push(key);
    } catch (err) {
      result.failedVolumes.push({ key, error: (err as Error).message });
    }
  }
  for (const file of filesGoingWithVm(recorded, chosenPaths, diskPaths)) {
    try {
      if ((await removeFile(client, file)) === 'removed') result.removedVolumes.push(file);
    } catch (err) {
      result.failedVolumes.push({ key: file, error: (err as Error).message });
    }
  }
  return result;
}
